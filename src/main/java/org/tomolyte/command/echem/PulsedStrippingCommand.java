package org.tomolyte.command.echem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.echem.PulsedResult;
import org.tomolyte.echem.PulsedStripping;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.view.EchemFigures;

/**
 * Pulsed stripping: pulses and rests, per-pulse overpotential, relaxation in each rest, and the critical
 * stripping capacity reached at the cut-off for each rest length. {@code input} is one trace, or a folder
 * whose traces (.mpr, .mpt, .csv) are one run each, typically one per rest length. Writes
 * {@code pulses.csv}, {@code capacity_vs_rest.csv} and {@code capacity_vs_rest.png}/{@code .svg}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Pulsed Stripping", attrs = @Attr(name = "no-legacy"))
public class PulsedStrippingCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "A pulsed-stripping trace, or a folder of them (one run each)")
	private File input;

	@Parameter(label = "area_cm2", description = "Electrode area (cm²)")
	private Double area_cm2;

	@Parameter(label = "cutoff_v", required = false, description = "Cut-off voltage of the runs (V); NaN = the highest Ewe reached")
	private double cutoff_v = Double.NaN;

	@Parameter(label = "output", description = "Folder for the tables and the figure", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		List<Path> files = traceFiles(input.toPath());
		List<Trace> traces = new ArrayList<>();
		for (Path f : files)
			traces.add(TraceFiles.read(f));
		PulsedResult r = PulsedStripping.analyse(traces, area_cm2, PulsedStripping.Options.defaults().cutoffV(cutoff_v), progress());
		tables.clear();
		tables.addAll(r.tables().values());
		EchemOutputs.write(output, r.tables(), EchemFigures.pulsedCapacity(r), "capacity_vs_rest");
		info(files.size() + " pulsed-stripping runs analysed");
	}

	/** The file itself, or the traces in the folder in name order. */
	static List<Path> traceFiles(Path input) throws IOException {
		if (!Files.isDirectory(input)) return java.util.Collections.singletonList(input);
		try (Stream<Path> s = Files.list(input)) {
			List<Path> out = s.filter(p -> {
				String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
				return n.endsWith(".mpr") || n.endsWith(".mpt") || n.endsWith(".csv");
			}).sorted().collect(Collectors.toList());
			if (out.isEmpty()) throw new IOException("Folder " + input + " holds no .mpr, .mpt or .csv trace");
			return out;
		}
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
