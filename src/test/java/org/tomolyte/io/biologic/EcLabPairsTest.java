package org.tomolyte.io.biologic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tomolyte.TestData;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Trace;

/**
 * Every {@code .mpr} of the shared data against its {@code .mpt} export: same rows, every binary column found
 * under the same name in the export, same values to float precision, same file facts and same spectra.
 */
class EcLabPairsTest {
	/** Float precision: the export prints 4-byte values with 8 significant digits. */
	private static final double REL = 2e-7;

	static List<Path> pairs() throws IOException {
		try (Stream<Path> s = Files.list(TestData.file("biologic"))) {
			return s.filter(p -> p.toString().endsWith(".mpr")).filter(p -> Files.exists(mptOf(p))).sorted().collect(Collectors.toList());
		}
	}

	static Path mptOf(Path mpr) {
		String n = mpr.getFileName().toString();
		return mpr.resolveSibling(n.substring(0, n.length() - 4) + ".mpt");
	}

	@TestFactory
	Stream<DynamicTest> everyPairAgrees() throws IOException {
		List<Path> pairs = pairs();
		assertEquals(17, pairs.size(), "shared data: 17 .mpr files have an .mpt partner (SOURCES.md)");
		return pairs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> comparePair(p)));
	}

	private static void comparePair(Path mprPath) throws IOException {
		EcLabData mpr = EcLab.read(mprPath);
		EcLabData mpt = EcLab.read(mptOf(mprPath));
		Trace a = mpr.trace(), b = mpt.trace();
		assertEquals(b.rowCount(), a.rowCount(), "row count");
		List<String> missing = new ArrayList<>();
		for (String name : a.columnNames())
			if (!b.has(name)) missing.add(name);
		assertTrue(missing.isEmpty(), "binary columns not found under the same name in the export: " + missing + "; export has " + b.columnNames());
		double[] freq = a.firstOf(EcLab.FREQ);
		for (String name : a.columnNames()) {
			double[] x = a.column(name), y = b.column(name);
			for (int r = 0; r < x.length; r++) {
				if (close(x[r], y[r])) continue;
				// The export masks EC-Lab's harmonic analysis above 100 kHz: THD/NSD/NSR become -1, harmonics 0.
				boolean masked = freq != null && freq[r] > 1e5
						&& ((name.matches("(THD|NSD|NSR) .*") && y[r] == -1) || (name.matches("\\|(Ewe|I|Ece) h\\d\\|/.*") && y[r] == 0));
				if (!masked) fail(name + " row " + r + ": .mpr " + x[r] + " vs .mpt " + y[r]);
			}
		}
		for (String key : new String[] { "technique", "technique_code", "start_date", "version", "device" }) {
			String exported = mpt.info().get(key);
			if (exported.isEmpty()) continue; // minimal exports carry no header
			assertEquals(exported, mpr.info().get(key), key);
		}
		assertEquals(mpt.spectra().isPresent(), mpr.spectra().isPresent(), "spectra present");
		if (mpr.spectra().isPresent()) compareSpectra(mpr.spectra().get(), mpt.spectra().get());
	}

	private static void compareSpectra(SpectrumSeries a, SpectrumSeries b) {
		assertEquals(b.size(), a.size(), "spectrum count");
		for (int k = 0; k < a.size(); k++) {
			Spectrum x = a.get(k), y = b.get(k);
			assertEquals(y.size(), x.size(), "points in spectrum " + k);
			for (int i = 0; i < x.size(); i++) {
				assertTrue(close(x.freqHz(i), y.freqHz(i)), "freq spectrum " + k + " point " + i);
				// Modulo Bat .mpr stores |Z| and phase only: Re and Im are recomputed, so allow a few float ulps of |Z|.
				double tol = 1e-6 * Math.hypot(y.zReOhm(i), y.zImOhm(i));
				assertEquals(y.zReOhm(i), x.zReOhm(i), tol, "Re Z spectrum " + k + " point " + i);
				assertEquals(y.zImOhm(i), x.zImOhm(i), tol, "Im Z spectrum " + k + " point " + i);
			}
			assertTrue(close(x.startTimeS(), y.startTimeS()) && close(x.endTimeS(), y.endTimeS()), "times of spectrum " + k);
			assertFalse(Double.isNaN(x.dcCurrentMa()), "DC current known");
		}
	}

	static boolean close(double x, double y) {
		if (Double.isNaN(x) || Double.isNaN(y)) return Double.isNaN(x) && Double.isNaN(y);
		return Math.abs(x - y) <= REL * Math.max(Math.abs(x), Math.abs(y));
	}
}
