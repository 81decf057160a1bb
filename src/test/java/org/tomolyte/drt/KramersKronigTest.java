package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.Table;

/** Linear KK test: passes KK-compliant spectra, flags a non-compliant one at the corrupted points. */
class KramersKronigTest {
	@Test
	void cleanSpectrumPasses() {
		Spectrum clean = EisFiles.zarcs(10, 0.01, 1e6, 81, new double[] { 50, 0.1, 0.8 }, new double[] { 50, 1e-4, 0.8 });
		KkResult k = KramersKronig.test(clean, DrtSettings.defaults());
		assertTrue(k.passed(), k.toString());
		assertTrue(k.maxResidual() < 1e-3, k.toString());
		assertTrue(k.mu() < KramersKronig.DEFAULT_MU);
	}

	@Test
	void driftingSpectrumIsFlaggedWhereItIsCorrupted() {
		Spectrum clean = EisFiles.zarcs(10, 0.01, 1e6, 81, new double[] { 50, 0.1, 0.8 }, new double[] { 50, 1e-4, 0.8 });
		// a cell drifting during the sweep: the real part of the last 15 (lowest-frequency) points grows
		// by up to 8 %, the imaginary part does not follow — not KK-consistent
		double[] re = clean.zReOhm();
		for (int i = 0; i < 15; i++) re[i] *= 1 + 0.08 * (15 - i) / 15.0;
		Spectrum corrupted = new Spectrum(clean.freqHz(), re, clean.zImOhm());
		KkResult k = KramersKronig.test(corrupted, DrtSettings.defaults());
		assertFalse(k.passed(), k.toString());
		double[] f = k.freqHz();
		int flaggedLow = 0, flaggedHigh = 0;
		for (int i = 0; i < f.length; i++) if (k.flagged(i)) { if (f[i] < 0.1) flaggedLow++; else flaggedHigh++; }
		assertTrue(flaggedLow >= 3, "the drifting low-frequency points must be flagged: " + flaggedLow);
		assertTrue(flaggedLow > flaggedHigh, "flags belong to the corrupted region: low " + flaggedLow + ", high " + flaggedHigh);
	}

	@Test
	void realSpectraGiveResidualsOnTheNoiseScale() {
		// measured battery spectra: the KK residuals are small (≈ instrument noise) everywhere
		for (String f : new String[] { "real/pydrttools_LIB_data.txt", "real/pydrttools_data_1.csv" }) {
			KkResult k = KramersKronig.test(EisFiles.read(f), DrtSettings.defaults());
			assertTrue(k.rmsResidual() < 0.005, f + " " + k);
			Table t = DrtTables.kk(k);
			assertEquals(k.freqHz().length, t.rowCount());
		}
		// the operando GEIS spectrum with its instrument artefacts above 100 kHz: far off when they are kept
		Spectrum geis = EisFiles.read("real/yadg_geis_cycle02.csv");
		KkResult all = KramersKronig.test(geis, DrtSettings.builder().dropNegativeRe(false).build());
		KkResult masked = KramersKronig.test(geis, DrtSettings.builder().fmaxHz(1e5).build());
		assertTrue(all.maxResidual() > 0.3, all.toString());
		assertTrue(masked.maxResidual() < 0.05, masked.toString());
	}
}
