package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;

/** Measured spectra (eis/real): sensible R∞, small residuals, stable against tiny perturbations. */
class DrtRealDataTest {
	/** Re Z where −Im Z is smallest in magnitude among the highest-frequency capacitive points. */
	static double highFrequencyIntercept(Spectrum s, double fmax) {
		double best = Double.POSITIVE_INFINITY, re = Double.NaN;
		for (int i = 0; i < s.size(); i++)
			if (s.freqHz(i) <= fmax && s.zReOhm(i) > 0 && Math.abs(s.zImOhm(i)) < best && s.freqHz(i) > 100) {
				best = Math.abs(s.zImOhm(i));
				re = s.zReOhm(i);
			}
		return re;
	}

	@Test
	void realSpectraGiveSensibleResults() {
		String[] files = { "real/pydrttools_data_1.csv", "real/pydrttools_LIB_data.txt", "real/pydrttools_LIB_data_2.txt", "real/impedancepy_exampleData.csv",
				"real/yadg_geis_cycle02.csv", "real/yadg_geis_cycle30.csv" };
		for (String f : files) {
			Spectrum s = EisFiles.read(f);
			DrtSettings st = DrtSettings.builder().fmaxHz(1e5).build(); // drop the GEIS artefacts above 100 kHz
			DrtResult r = Drt.fit(s, st);
			double hf = highFrequencyIntercept(s, 1e5), lowRe = 0;
			for (int i = 0; i < s.size(); i++) if (s.freqHz(i) <= 1e5) lowRe = Math.max(lowRe, s.zReOhm(i));
			// R∞ sits at or slightly below the high-frequency intercept (the arc continues above f_max)
			assertTrue(r.rInfOhm() <= hf * 1.02 && r.rInfOhm() >= 0.6 * hf, f + ": R∞ " + r.rInfOhm() + " vs intercept " + hf);
			// the residuals are a small fraction of the spectrum's size
			assertTrue(r.residualRmsOhm() < 0.01 * lowRe, f + ": residual rms " + r.residualRmsOhm() + " vs max Re " + lowRe);
			assertTrue(r.rPolOhm() > 0 && Double.isFinite(r.rPolOhm()));
			// stability: a 0.01 % perturbation of the data changes R∞ and R_pol by far less than 1 %
			double[] re = s.zReOhm(), im = s.zImOhm();
			for (int i = 0; i < re.length; i++) { re[i] *= 1 + 1e-4 * Math.sin(i); im[i] *= 1 + 1e-4 * Math.cos(i); }
			DrtResult p = Drt.fit(new Spectrum(s.freqHz(), re, im), st);
			assertEquals(r.rPolOhm(), p.rPolOhm(), 0.01 * r.rPolOhm(), f);
			assertEquals(r.rInfOhm(), p.rInfOhm(), 0.01 * r.rInfOhm(), f);
		}
	}

	@Test
	void operandoSpectrumHasTheExpectedArcs() {
		// geis.mpr spectrum 2 (Li/PEO cell): R∞ ≈ 8 Ω then a main arc of ≈ 130 Ω near 10^-3.3 s (apex ≈ 300 Hz)
		Spectrum s = EisFiles.read("real/yadg_geis_cycle02.csv");
		DrtResult r = Drt.fit(s, DrtSettings.builder().fmaxHz(1e5).build());
		DrtPeak main = r.peaks().stream().max((a, b) -> Double.compare(a.resistanceOhm(), b.resistanceOhm())).get();
		double apexHz = 303.9; // frequency of the largest −Im Z in the file
		assertEquals(Math.log10(1 / (2 * Math.PI * apexHz)), Math.log10(main.tauS()), 0.3);
		double lowRe = 149.6, rInf = r.rInfOhm();
		// R_pol covers the measured span and a modest extrapolation of the still-open low-frequency tail
		assertTrue(r.rPolOhm() >= 0.98 * (lowRe - rInf) && r.rPolOhm() <= 1.2 * (lowRe - rInf), "R_pol " + r.rPolOhm());
	}

	@Test
	void nonStationaryEndOfRunIsVisibleInResidualsAndKk() {
		// spectrum 60: the low-frequency points run away (Re 680 → 1250 Ω over the last two points)
		Spectrum s = EisFiles.read("real/yadg_geis_cycle60.csv");
		DrtSettings all = DrtSettings.builder().fmaxHz(1e5).build();
		DrtResult r = Drt.fit(s, all);
		KkResult k = KramersKronig.test(s, all);
		assertTrue(r.residualRmsOhm() > 20, "the misfit must show in the residuals: " + r);
		assertTrue(!k.passed() && k.flagged(k.freqHz().length - 1), "KK flags the lowest frequency: " + k);
		// masked to f ≥ 1 Hz the rest of the spectrum is fitted to within 1 % of its size
		DrtResult masked = Drt.fit(s, all.toBuilder().fminHz(1).build());
		assertTrue(masked.residualRmsOhm() < 0.01 * 520, masked.toString());
	}
}
