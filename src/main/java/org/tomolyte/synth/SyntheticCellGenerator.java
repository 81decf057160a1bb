package org.tomolyte.synth;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.synth.cell.SyntheticCellData;
import org.tomolyte.synth.cell.SyntheticCellWriter;
import org.tomolyte.synth.echem.CcdStaircaseGenerator;
import org.tomolyte.synth.echem.CcdTruth;
import org.tomolyte.synth.echem.OperandoEisGenerator;
import org.tomolyte.synth.echem.PulsedStrippingGenerator;
import org.tomolyte.synth.echem.PulsedTruth;
import org.tomolyte.synth.echem.StaircaseScanGenerator;
import org.tomolyte.synth.echem.StaircaseTruth;
import org.tomolyte.synth.echem.SyntheticSpectra;
import org.tomolyte.synth.echem.SyntheticTrace;
import org.tomolyte.task.Progress;

/**
 * The bundled synthetic cell: a NaK | NASICON operando XCT series with known truth (from
 * {@code synth.cell}) together with the matching electrochemistry of the study (from {@code synth.echem}):
 * the plating trace recorded during the scans (0.7 mA cm⁻², short circuit at ≈ 0.5 mAh cm⁻², as in Fig. 2
 * of Wu &amp; Hatzell 2025), a critical-current staircase with operando GEIS spectra (Fig. 1), a stripping
 * current scan (Fig. 3) and pulsed stripping at several rest lengths (Fig. 4). Everything is seeded, so the
 * same options give the same bytes, and every known answer goes to JSON beside the data.
 *
 * <pre>
 * cell/                 scans/t00.tif…, labels/, scans.csv, truth.json, transforms_truth.csv, projections/ (see SyntheticCellWriter)
 * echem/xct_plating.csv trace during the XCT scans (EC-Lab column names: time/s, Ewe/V, I/mA, …)
 * echem/ccd.csv         critical-current staircase;  echem/ccd_spectra.csv its operando GEIS spectra
 * echem/sgeis_stripping.csv  stripping current scan; echem/sgeis_spectra.csv its spectra
 * echem/pulsed_rest_R.csv    pulsed stripping with rest R s after each 1 s pulse
 * truth/*.json          known answers of each electrochemical run
 * scans.csv             scan,file,start_s (file relative to this folder): the input of crack tracking
 * </pre>
 */
public final class SyntheticCellGenerator {
	/** Nominal NaK | NASICON contact of the paper's operando cell: the 4 mm inner diameter of the O-ring. */
	public static final double AREA_CM2 = Math.PI * 0.2 * 0.2;

	private SyntheticCellGenerator() {}

	/** Options users set; everything else follows the paper's cell. */
	public static final class Options {
		public long seed = 1;
		public int scans = 5;
		public double scanIntervalS = 600;
		/** Multiplies the default image noise (1 = default, 2 = doubled). */
		public double noise = 1;
		/** Linear size factor of the volumes (1 = 96 × 96 × 64 voxels). */
		public double scale = 1;
		public boolean projections = true;
		/** Rest lengths of the pulsed-stripping runs (s); 0 = continuous stripping. */
		public double[] pulsedRestsS = { 0, 0.1, 0.5, 1, 2, 5 };
	}

	/** Generates everything and writes it to {@code dir}, completely or not at all. */
	public static void write(Options o, Path dir, Progress progress) throws IOException {
		if (o.scans < 1) throw new IllegalArgumentException("scans must be at least 1, got " + o.scans);
		if (!(o.scale > 0)) throw new IllegalArgumentException("scale must be > 0, got " + o.scale);
		if (o.noise < 0) throw new IllegalArgumentException("noise must be ≥ 0, got " + o.noise);
		double[] starts = new double[o.scans];
		for (int i = 0; i < starts.length; i++)
			starts[i] = i * o.scanIntervalS;
		CellParameters defaults = CellParameters.defaults();
		CellParameters.Builder b = defaults.toBuilder().seed(o.seed).scanStartS(starts).scale(o.scale)
				.noiseSigmaPerCm(defaults.noiseSigmaPerCm() * o.noise);
		if (!o.projections) b.projections(null);
		CellParameters params = b.build();

		try (OutputFolder out = OutputFolder.open(dir)) {
			progress.report(0, "Synthetic cell: volumes");
			SyntheticCellData cell = SyntheticCell.generate(params, progress.sub(0, 0.6));
			progress.checkCancelled();
			SyntheticCellWriter.write(cell, out.file("cell"), starts, progress.sub(0.6, 0.8));
			Table scans = new Table("scans", "scan", "file", "start_s");
			for (int i = 0; i < starts.length; i++)
				scans.addRow(i, String.format(Locale.ROOT, "cell/scans/t%02d.tif", i), starts[i]);
			CsvTables.write(scans, out.file("scans.csv"));

			progress.report(0.8, "Synthetic cell: electrochemistry");
			double density = params.currentDensityMaCm2();
			double plateS = Math.max(starts[starts.length - 1] + o.scanIntervalS, 3600);
			SyntheticTrace<CcdTruth> xct = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().areaCm2(AREA_CM2).densitiesMaCm2(density)
					.mode(CcdStaircaseGenerator.Mode.PLATING_ONLY).restS(0).halfCycleS(plateS).sampleIntervalS(5).shortCircuit(density, 0.5), o.seed);
			writeTrace(xct.trace(), out.file("echem/xct_plating.csv"));
			xct.writeTruth(out.file("truth/xct_plating.json"));

			SyntheticTrace<CcdTruth> ccd = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().areaCm2(AREA_CM2)
					.densitiesMaCm2(0.05, 0.1, 0.2, 0.3, 0.4).halfCycleS(600).restS(30).sampleIntervalS(5).shortCircuit(0.4, 0.05), o.seed + 1);
			writeTrace(ccd.trace(), out.file("echem/ccd.csv"));
			ccd.writeTruth(out.file("truth/ccd.json"));
			OperandoEisGenerator.Params eis = new OperandoEisGenerator.Params();
			if (ccd.truth().shortCircuit) eis.shortTimeS = ccd.truth().shortTimeS;
			SyntheticSpectra ccdSpectra = OperandoEisGenerator.generate(ccd, eis, o.seed + 2);
			CsvTables.write(SpectrumTables.toTable(ccdSpectra.series()), out.file("echem/ccd_spectra.csv"));
			ccdSpectra.writeTruth(out.file("truth/ccd_spectra.json"));
			progress.checkCancelled();

			StaircaseScanGenerator.Params sg = new StaircaseScanGenerator.Params();
			sg.areaCm2 = AREA_CM2;
			sg.stepMaCm2 = 0.05;
			SyntheticTrace<StaircaseTruth> sgeis = StaircaseScanGenerator.generate(sg, o.seed + 3);
			writeTrace(sgeis.trace(), out.file("echem/sgeis_stripping.csv"));
			sgeis.writeTruth(out.file("truth/sgeis_stripping.json"));
			SyntheticSpectra sgSpectra = OperandoEisGenerator.generate(sgeis, new OperandoEisGenerator.Params(), o.seed + 4);
			CsvTables.write(SpectrumTables.toTable(sgSpectra.series()), out.file("echem/sgeis_spectra.csv"));
			sgSpectra.writeTruth(out.file("truth/sgeis_spectra.json"));
			progress.checkCancelled();

			List<SyntheticTrace<PulsedTruth>> pulsed = PulsedStrippingGenerator.series(new PulsedStrippingGenerator.Params().areaCm2(AREA_CM2), o.pulsedRestsS, o.seed + 5);
			for (int k = 0; k < pulsed.size(); k++) {
				String name = "pulsed_rest_" + fmt(o.pulsedRestsS[k]) + "s";
				writeTrace(pulsed.get(k).trace(), out.file("echem/" + name + ".csv"));
				pulsed.get(k).writeTruth(out.file("truth/" + name + ".json"));
			}
			writeReadme(out.file("README.txt"), o);
			progress.report(1, "Synthetic cell written");
			out.commit();
		}
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	/** Writes a trace as CSV with EC-Lab's column names. */
	static void writeTrace(Trace trace, Path file) throws IOException {
		List<String> cols = new ArrayList<>(trace.columnNames());
		Table t = new Table(trace.source(), cols);
		int n = trace.rowCount();
		List<double[]> data = new ArrayList<>();
		for (String c : cols)
			data.add(trace.column(c));
		for (int r = 0; r < n; r++) {
			Object[] row = new Object[cols.size()];
			for (int c = 0; c < row.length; c++)
				row[c] = data.get(c)[r];
			t.addRow(row);
		}
		CsvTables.write(t, file);
	}

	private static void writeReadme(Path file, Options o) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("Tomolyte synthetic cell (seed " + o.seed + ", " + o.scans + " scans every " + o.scanIntervalS + " s, noise x" + o.noise + ", scale " + o.scale + ")\n");
			w.write("Electrode area for all traces: " + AREA_CM2 + " cm2 (4 mm O-ring inner diameter).\n");
			w.write("cell/: XCT scans, labels, truth.json; echem/: traces (EC-Lab column names) and spectra; truth/: known answers.\n");
			w.write("scans.csv (scan,file,start_s) + echem/xct_plating.csv are the inputs of Track Cracks.\n");
		}
	}
}
