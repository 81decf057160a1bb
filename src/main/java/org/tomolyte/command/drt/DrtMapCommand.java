package org.tomolyte.command.drt;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtMap;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.drt.DrtTables;
import org.tomolyte.drt.SeriesItem;
import org.tomolyte.io.FloatImages;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumFiles;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.view.DrtFigures;
import org.tomolyte.view.FigureExport;

/**
 * DRT of every spectrum of an operando series, in parallel, with peaks tracked across the series. Writes
 * {@code map.tif} (32-bit; x = log10 τ, y = spectrum; slice 1 γ in Ω, slice 2 log10 γ for a log display),
 * {@code summary.csv} (one row per spectrum), {@code peaks_vs_time.csv}, per spectrum
 * {@code spectra/NNNN/drt.csv, summary.csv, peaks.csv}, and the map figure (beside the voltage when a trace
 * is given).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>DRT Map", attrs = @Attr(name = "no-legacy"))
public class DrtMapCommand extends DrtCommand implements ProducesTables {
	@Parameter(label = "trace", required = false, description = "Optional voltage trace to draw beside the map")
	private File trace;
	@Parameter(label = "per_spectrum", required = false, description = "Also write drt.csv, summary.csv and peaks.csv of each spectrum")
	private boolean per_spectrum = true;
	@Parameter(label = "threads", required = false, description = "Threads (0 = all cores); results do not depend on it")
	private int threads = 0;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		SpectrumSeries series = SpectrumFiles.read(input.toPath());
		DrtSettings settings = settings();
		int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		DrtMap map = Drt.map(series, settings, n, progress().sub(0, 0.9));
		Trace voltage = trace != null && !trace.getPath().isEmpty() ? TraceFiles.read(trace.toPath()) : null;
		tables.clear();
		tables.add(DrtTables.mapSummary(map));
		tables.add(DrtTables.peaksVsTime(map));
		int failed = 0;
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			CsvTables.write(tables.get(0), out.file("summary.csv"));
			CsvTables.write(tables.get(1), out.file("peaks_vs_time.csv"));
			writeMap(map, out);
			for (int i = 0; i < map.size(); i++) {
				SeriesItem it = map.items().get(i);
				if (!it.ok()) {
					failed++;
					warn("spectrum " + i + ": " + it.error());
					continue;
				}
				if (!per_spectrum) continue;
				String dir = String.format(Locale.ROOT, "spectra/%04d/", i);
				CsvTables.write(DrtTables.drt(it.result()), out.file(dir + "drt.csv"));
				CsvTables.write(DrtTables.summary(it.result()), out.file(dir + "summary.csv"));
				CsvTables.write(DrtTables.peaks(it.result()), out.file(dir + "peaks.csv"));
				progress().checkCancelled();
			}
			FigureExport.png(DrtFigures.map(map), out.file("map.png"), 800, 600);
			FigureExport.svg(DrtFigures.map(map), out.file("map.svg"), 800, 600);
			if (voltage != null) {
				double[] t = map.startTimesS();
				FigureExport.png(DrtFigures.voltageBeside(voltage, t[0], t[t.length - 1]), out.file("voltage_beside_map.png"), 300, 600);
			}
			out.commit();
		}
		info(map.size() + " spectra, " + failed + " could not be analysed -> " + output);
	}

	private static void writeMap(DrtMap map, OutputFolder out) throws java.io.IOException {
		double[] tau = map.tauS();
		float[][] g = map.gamma();
		float[][] lg = new float[g.length][tau.length];
		for (int r = 0; r < g.length; r++)
			for (int c = 0; c < tau.length; c++)
				lg[r][c] = g[r][c] > 0 ? (float) Math.log10(g[r][c]) : Float.NaN;
		double step = tau.length > 1 ? (Math.log10(tau[tau.length - 1]) - Math.log10(tau[0])) / (tau.length - 1) : 1;
		FloatImages.writeStack(out.file("map.tif"), new float[][][] { g, lg }, new String[] { "gamma_ohm", "log10_gamma" },
				new FloatImages.Axis(Math.log10(tau[0]), step, "log10(tau/s)"), new FloatImages.Axis(0, 1, "spectrum"),
				"Tomolyte DRT map\nx: log10(tau/s), y: spectrum index (times in summary.csv)\nslice 1: gamma (Ohm), slice 2: log10 gamma\n" + map.settings());
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
