package org.tomolyte.command.echem;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.echem.CcdResult;
import org.tomolyte.echem.CriticalCurrentDensity;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.view.EchemFigures;

/**
 * Critical-current-density staircase: current steps and densities, per-step overpotential statistics,
 * stable vs growing stripping polarisation, and the short circuit with its current density and capacity.
 * Writes {@code steps.csv}, {@code summary.csv} and {@code ccd.png}/{@code ccd.svg}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Critical Current Density", attrs = @Attr(name = "no-legacy"))
public class CriticalCurrentDensityCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "Trace: EC-Lab .mpr/.mpt or CSV with time/s, Ewe/V, I/mA", style = "open")
	private File input;

	@Parameter(label = "area_cm2", description = "Electrode area (cm²)")
	private double area_cm2;

	@Parameter(label = "output", description = "Folder for the tables and the figure", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		Trace trace = TraceFiles.read(input.toPath());
		CcdResult r = CriticalCurrentDensity.analyse(trace, area_cm2, CriticalCurrentDensity.Options.defaults(), progress());
		tables.clear();
		tables.addAll(r.tables().values());
		EchemOutputs.write(output, r.tables(), EchemFigures.ccd(trace, r), "ccd");
		info(r.shortCircuit().map(s -> String.format("short circuit at %.0f s, %.2f mA/cm2", s.timeS, s.densityMaCm2)).orElse("no short circuit"));
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
