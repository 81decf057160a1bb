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
import org.tomolyte.echem.OnsetResult;
import org.tomolyte.echem.StrippingOnset;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.view.EchemFigures;

/**
 * Staircase current scan (SGEIS): the voltage response per current level and the onset of non-linear
 * ("unstable") stripping where it departs from the low-current Ohmic line. Writes {@code steps.csv},
 * {@code summary.csv} and {@code onset.png}/{@code onset.svg}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Stripping Onset", attrs = @Attr(name = "no-legacy"))
public class StrippingOnsetCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "Trace of the current scan: EC-Lab .mpr/.mpt or CSV", style = "open")
	private File input;

	@Parameter(label = "area_cm2", description = "Electrode area (cm²)")
	private double area_cm2;

	@Parameter(label = "output", description = "Folder for the tables and the figure", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		Trace trace = TraceFiles.read(input.toPath());
		OnsetResult r = StrippingOnset.analyse(trace, area_cm2, StrippingOnset.Options.defaults(), progress());
		tables.clear();
		tables.addAll(r.tables().values());
		EchemOutputs.write(output, r.tables(), EchemFigures.onset(r), "onset");
		info(r.hasOnset() ? String.format("non-linear stripping from %.3f mA/cm2", r.onsetDensityMaCm2()) : "no onset: the response stays Ohmic");
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
