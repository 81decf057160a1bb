package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.Table;

/** Order independence, fit modes, inductance, λ selection, bad input and table columns. */
class DrtBehaviourTest {
	static Spectrum shuffled(Spectrum s, long seed) {
		List<Integer> idx = new ArrayList<>();
		for (int i = 0; i < s.size(); i++) idx.add(i);
		Collections.shuffle(idx, new Random(seed));
		double[] f = new double[s.size()], re = new double[s.size()], im = new double[s.size()];
		for (int k = 0; k < idx.size(); k++) {
			f[k] = s.freqHz(idx.get(k));
			re[k] = s.zReOhm(idx.get(k));
			im[k] = s.zImOhm(idx.get(k));
		}
		return new Spectrum(f, re, im);
	}

	@Test
	void resultDoesNotDependOnFrequencyOrder() {
		Spectrum s = EisFiles.read("synthetic/2XZARCequal.csv"); // ascending
		DrtResult a = Drt.fit(s, DrtSettings.defaults());
		DrtResult b = Drt.fit(shuffled(s, 7), DrtSettings.defaults());
		assertArrayEquals(a.gammaOhm(), b.gammaOhm(), 0);
		assertEquals(a.rInfOhm(), b.rInfOhm(), 0);
		assertEquals(a.peaks().size(), b.peaks().size());
		DrtSettings gcv = DrtSettings.builder().lambdaSelection("gcv").build();
		DrtResult c = Drt.fit(s, gcv), d = Drt.fit(shuffled(s, 11), gcv);
		assertEquals(c.lambda(), d.lambda(), 0);
		assertArrayEquals(c.gammaOhm(), d.gammaOhm(), 0);
	}

	@Test
	void noiseFreeZarcIsReproducedInEveryMode() {
		Spectrum s = EisFiles.zarcs(10, 0.01, 1e6, 81, new double[] { 50, 0.1, 0.8 }, new double[] { 50, 1e-4, 0.8 });
		for (FitMode m : FitMode.values()) {
			DrtResult r = Drt.fit(s, DrtSettings.builder().fitMode(m).lambda(1e-7).build());
			assertEquals(100, r.rPolOhm(), 1.0, m + " R_pol");
			assertEquals(10, r.rInfOhm(), 0.5, m + " R∞");
			double[] res = r.residualReOhm();
			double max = 0;
			for (double v : res) max = Math.max(max, Math.abs(v));
			assertTrue(max < 0.5, m + " largest Re residual " + max);
			// γ follows the exact ZARC DRT (SOURCES.md formula) at its maxima within 5 % (tiny λ: no noise)
			double[] g = r.gammaAt(new double[] { 0.1, 1e-4 });
			double exact = EisFiles.zarcGamma(50, 0.1, 0.8, Math.log(0.1));
			assertEquals(exact, g[0], 0.05 * exact, m + " γ(0.1 s)");
			assertEquals(exact, g[1], 0.05 * exact, m + " γ(1e-4 s)");
		}
	}

	@Test
	void seriesInductanceIsRecovered() {
		Spectrum z = EisFiles.zarcs(10, 0.1, 1e5, 61, new double[] { 50, 1e-3, 0.9 });
		double l = 2e-6;
		double[] im = z.zImOhm();
		for (int i = 0; i < im.length; i++) im[i] += 2 * Math.PI * z.freqHz(i) * l;
		Spectrum s = new Spectrum(z.freqHz(), z.zReOhm(), im);
		DrtResult r = Drt.fit(s, DrtSettings.builder().lambda(1e-5).build());
		assertEquals(l, r.inductanceH(), 0.02 * l);
		DrtResult without = Drt.fit(s, DrtSettings.builder().lambda(1e-5).inductance(false).build());
		assertEquals(0, without.inductanceH(), 0);
		assertTrue(without.residualRmsOhm() > 5 * r.residualRmsOhm(), "ignoring L must leave the inductive part unexplained");
	}

	@Test
	void gcvPicksASensibleLambda() {
		Spectrum s = EisFiles.read("synthetic/2XZARCequal.csv");
		for (String sel : new String[] { "gcv", "mgcv", "lcurve" }) {
			DrtResult r = Drt.fit(s, DrtSettings.builder().lambdaSelection(sel).build());
			assertTrue(r.lambda() > 1e-6 && r.lambda() < 1, sel + " chose " + r.lambda());
			// the chosen λ explains the data down to the known noise (σ = 0.5 Ω), not far below or above
			assertEquals(0.5, r.residualRmsOhm(), 0.3, sel);
			assertEquals(false, r.lambdaAtSearchLimit(), sel);
		}
		// on a measured battery spectrum GCV has no interior minimum: that is flagged, not hidden
		DrtResult lib = Drt.fit(EisFiles.read("real/pydrttools_data_1.csv"), DrtSettings.builder().lambdaSelection("gcv").build());
		assertEquals(lib.lambda() <= 1e-8 || lib.lambda() >= 10, lib.lambdaAtSearchLimit());
	}

	@Test
	void otherBasesGiveTheSameResistances() {
		Spectrum s = EisFiles.read("synthetic/2XZARCequal.csv");
		for (String rbf : new String[] { "c2_matern", "c4_matern", "inverse_quadratic", "piecewise_linear" }) {
			DrtResult r = Drt.fit(s, DrtSettings.builder().rbf(rbf).build());
			assertEquals(100, r.rPolOhm(), 5, rbf);
			assertEquals(10, r.rInfOhm(), 1, rbf);
		}
		DrtResult c0 = Drt.fit(s, DrtSettings.builder().rbf("c0_matern").derivative(1).build());
		assertEquals(100, c0.rPolOhm(), 5);
		assertThrows(DrtException.class, () -> DrtSettings.builder().rbf("c0_matern").derivative(2).build());
	}

	@Test
	void badInputIsRejectedClearly() {
		Spectrum good = EisFiles.read("synthetic/2XZARCequal.csv");
		double[] f = good.freqHz(), re = good.zReOhm(), im = good.zImOhm();
		double[] reNan = re.clone();
		reNan[3] = Double.NaN;
		assertMessage(new Spectrum(f, reNan, im), "point 3");
		double[] imInf = im.clone();
		imInf[4] = Double.POSITIVE_INFINITY;
		assertMessage(new Spectrum(f, re, imInf), "point 4");
		double[] fDup = f.clone();
		fDup[5] = fDup[6];
		assertMessage(new Spectrum(fDup, re, im), "appears twice");
		double[] fNeg = f.clone();
		fNeg[0] = 0;
		assertMessage(new Spectrum(fNeg, re, im), "non-positive");
		assertMessage(new Spectrum(new double[] { 1, 10, 100, 1000 }, new double[] { 1, 1, 1, 1 }, new double[] { -1, -1, -1, -1 }), "at least 5");
		double[] imPos = new double[im.length];
		for (int i = 0; i < im.length; i++) imPos[i] = Math.abs(im[i]) + 0.1;
		assertMessage(new Spectrum(f, re, imPos), "inductive");
		assertMessage(good, "fmin", DrtSettings.builder().fminHz(1e5).fmaxHz(2e5).build());
		assertThrows(DrtException.class, () -> DrtSettings.builder().lambda(-1).build());
		assertThrows(DrtException.class, () -> DrtSettings.builder().derivative(3).build());
		assertThrows(DrtException.class, () -> DrtSettings.builder().fitMode("magnitude"));
	}

	private static void assertMessage(Spectrum s, String part) {
		assertMessage(s, part, DrtSettings.defaults());
	}

	private static void assertMessage(Spectrum s, String part, DrtSettings st) {
		DrtException e = assertThrows(DrtException.class, () -> Drt.fit(s, st));
		assertTrue(e.getMessage().contains(part), "message should mention '" + part + "': " + e.getMessage());
	}

	@Test
	void maskReportsUsedPoints() {
		Spectrum s = EisFiles.read("real/yadg_geis_cycle02.csv");
		DrtResult r = Drt.fit(s, DrtSettings.builder().fmaxHz(1e5).build());
		boolean[] used = r.usedMask();
		int count = 0;
		for (int i = 0; i < s.size(); i++) {
			boolean expect = s.freqHz(i) <= 1e5 && s.zReOhm(i) >= 0;
			assertEquals(expect, used[i], "point " + i);
			if (expect) count++;
		}
		assertEquals(count, r.pointsUsed());
		assertEquals(35, count); // 41 points minus the 6 artefacts above 100 kHz (SOURCES.md)
		DrtResult dropInd = Drt.fit(EisFiles.read("real/pydrttools_data_1.csv"), DrtSettings.builder().dropInductive(true).build());
		assertTrue(dropInd.pointsUsed() < 107);
	}

	@Test
	void tablesHaveTheMacroApiColumns() {
		DrtResult r = Drt.fit(EisFiles.read("synthetic/2XZARCequal.csv"), DrtSettings.defaults());
		Table drt = DrtTables.drt(r), sum = DrtTables.summary(r), peaks = DrtTables.peaks(r);
		assertEquals(List.of("tau_s", "gamma_ohm"), drt.columns());
		assertEquals(List.of("r_inf_ohm", "l_h", "r_pol_ohm", "residual_rms_ohm", "lambda", "points_used"), sum.columns());
		assertEquals(List.of("tau_s", "height_ohm", "resistance_ohm"), peaks.columns());
		assertEquals(810, drt.rowCount());
		double[] tau = drt.column("tau_s");
		// half a decade beyond 1/fmax = 1e-6 s and 1/fmin = 100 s
		assertEquals(Math.log10(1e-6) - 0.5, Math.log10(tau[0]), 1e-9);
		assertEquals(Math.log10(100) + 0.5, Math.log10(tau[tau.length - 1]), 1e-9);
		assertEquals(81, ((Number) sum.get(0, "points_used")).intValue());
		// R_pol from the coefficients equals the trapezoid integral of the output γ
		double[] g = drt.column("gamma_ohm");
		double integral = 0;
		for (int i = 0; i + 1 < g.length; i++) integral += 0.5 * (g[i] + g[i + 1]) * Math.log(tau[i + 1] / tau[i]);
		assertEquals(r.rPolOhm(), integral, 1e-3 * r.rPolOhm());
	}
}
