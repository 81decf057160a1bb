package org.tomolyte.command.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;

import ij.IJ;
import ij.ImagePlus;

/** The DRT commands' macro contracts, on the exact-DRT synthetic spectra and on the real operando GEIS run. */
class DrtCommandsTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void drtOfSpectrumFindsBothZarcsOfTheExactSyntheticSpectrum(@TempDir Path dir) throws Exception {
		runner.run("DRT of Spectrum", "input=[" + TestData.file("eis/synthetic/2XZARCequal.csv") + "] spectrum=0 lambda=0.001 derivative=2 fit=[Re+Im] "
				+ "inductance=true rbf=gaussian fwhm=0.5 fmax=100000 output=[" + dir + "]");
		assertEquals(Arrays.asList("tau_s", "gamma_ohm"), CsvTables.read(dir.resolve("drt.csv")).columns());
		Table summary = CsvTables.read(dir.resolve("summary.csv"));
		assertEquals(Arrays.asList("r_inf_ohm", "l_h", "r_pol_ohm", "residual_rms_ohm", "lambda", "points_used"), summary.columns());
		assertTrue(summary.getDouble(0, "points_used") < 81, "fmax masked the points above 100 kHz");
		Table peaks = CsvTables.read(dir.resolve("peaks.csv"));
		assertEquals(Arrays.asList("tau_s", "height_ohm", "resistance_ohm"), peaks.columns());
		// SOURCES.md: ZARCs of 50 Ohm at tau0 = 0.1 s and 1e-4 s
		for (double tau0 : new double[] { 0.1, 1e-4 }) {
			int best = -1;
			for (int r = 0; r < peaks.rowCount(); r++)
				if (best < 0 || Math.abs(Math.log10(peaks.getDouble(r, "tau_s") / tau0)) < Math.abs(Math.log10(peaks.getDouble(best, "tau_s") / tau0))) best = r;
			assertEquals(0, Math.log10(peaks.getDouble(best, "tau_s") / tau0), 0.05, "peak at " + tau0);
			assertEquals(50, peaks.getDouble(best, "resistance_ohm"), 2.5, "resistance of the peak at " + tau0);
		}
		assertTrue(Files.size(dir.resolve("nyquist.png")) > 1000 && Files.size(dir.resolve("drt.svg")) > 1000);
	}

	@Test
	void drtMapProcessesTheRealOperandoGeisRunEndToEnd(@TempDir Path dir) throws Exception {
		runner.run("DRT Map", "input=[" + TestData.file("biologic/geis.mpr") + "] lambda=0.001 fmax=100000 per_spectrum=false output=[" + dir + "]");
		Table summary = CsvTables.read(dir.resolve("summary.csv"));
		assertEquals(61, summary.rowCount(), "every operando spectrum");
		Table peaks = CsvTables.read(dir.resolve("peaks_vs_time.csv"));
		assertEquals(Arrays.asList("spectrum", "time_s", "ewe_v", "i_ma", "peak", "tau_s", "height_ohm", "resistance_ohm"), peaks.columns());
		for (double i : peaks.column("i_ma"))
			assertEquals(0.38, i, 0.01, "the DC current held during the GEIS run (SOURCES.md: 0.380 mA)");
		ImagePlus map = IJ.openImage(dir.resolve("map.tif").toString());
		assertEquals(61, map.getHeight());
		assertEquals(2, map.getStackSize());
		assertTrue(map.getCalibration().getXUnit().contains("log10"), map.getCalibration().getXUnit());
		String info = (String) map.getProperty("Info");
		assertTrue(info != null && info.contains("log10"), "the map explains its axes");
	}

	@Test
	void tooFewFrequenciesIsAClearError(@TempDir Path dir) throws Exception {
		Path tiny = dir.resolve("tiny.csv");
		Files.write(tiny, "1000,10,-1\n100,11,-2\n10,12,-1\n".getBytes(StandardCharsets.UTF_8));
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("DRT of Spectrum", "input=[" + tiny + "] output=[" + dir.resolve("o") + "]"));
		assertTrue(e.getMessage().contains("tiny.csv") || e.getMessage().toLowerCase().contains("frequenc"), e.getMessage());
		assertTrue(!Files.exists(dir.resolve("o")));
	}

	@Test
	void kramersKronigTestFlagsAnInconsistentSpectrum(@TempDir Path dir) throws Exception {
		Path clean = TestData.file("eis/real/pydrttools_data_1.csv");
		runner.run("Kramers-Kronig Test", "input=[" + clean + "] output=[" + dir.resolve("clean") + "]");
		Table ok = CsvTables.read(dir.resolve("clean/kk_summary.csv"));
		// corrupt the measured battery spectrum: a step in the real part over the low-frequency half (no
		// matching change in the imaginary part) cannot come from a causal, linear system
		java.util.List<String> lines = Files.readAllLines(clean, StandardCharsets.UTF_8);
		StringBuilder sb = new StringBuilder();
		double maxRe = 0;
		for (String l : lines)
			maxRe = Math.max(maxRe, Double.parseDouble(l.split(",")[1]));
		for (int i = 0; i < lines.size(); i++) {
			String[] c = lines.get(i).split(",");
			double re = Double.parseDouble(c[1]);
			if (i > lines.size() / 2) re += 0.1 * maxRe;
			sb.append(c[0]).append(',').append(re).append(',').append(c[2]).append('\n');
		}
		Path bad = dir.resolve("stepped.csv");
		Files.write(bad, sb.toString().getBytes(StandardCharsets.UTF_8));
		runner.run("Kramers-Kronig Test", "input=[" + bad + "] output=[" + dir.resolve("bad") + "]");
		Table ko = CsvTables.read(dir.resolve("bad/kk_summary.csv"));
		assertEquals("no", ko.get(0, "passed"));
		assertTrue(ko.getDouble(0, "rms_residual") > 3 * ok.getDouble(0, "rms_residual"),
				"rms residual " + ko.getDouble(0, "rms_residual") + " vs clean " + ok.getDouble(0, "rms_residual"));
		assertEquals(Arrays.asList("freq_hz", "residual_re", "residual_im", "flagged"), CsvTables.read(dir.resolve("bad/kk.csv")).columns());
	}
}
