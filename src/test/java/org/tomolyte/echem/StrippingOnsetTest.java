package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Table;
import org.tomolyte.synth.echem.StaircaseScanGenerator;
import org.tomolyte.synth.echem.StaircaseTruth;
import org.tomolyte.synth.echem.SyntheticTrace;

class StrippingOnsetTest {

	private static OnsetResult check(StaircaseScanGenerator.Params p, long seed, StrippingOnset.Options o) {
		SyntheticTrace<StaircaseTruth> s = StaircaseScanGenerator.generate(p, seed);
		StaircaseTruth truth = s.truth();
		OnsetResult r = StrippingOnset.analyse(s.trace(), s.areaCm2(), o, org.tomolyte.task.Progress.NONE);
		assertEquals(truth.levels.size(), r.levels().size(), "levels");
		for (int l = 0; l < truth.levels.size(); l++) {
			assertEquals(Math.abs(truth.levels.get(l).densityMaCm2), r.levels().get(l).densityMaCm2, 1e-9, "density of level " + l);
			// per-level response: median of n samples with the GEIS ripple (5 µA × R) and the voltage noise; 5 σ
			StaircaseTruth.Level tl = truth.levels.get(l);
			double rOhm = tl.polarisationV / Math.abs(tl.currentMa * 1e-3);
			double sigma = Math.hypot(p.voltageNoiseV, p.acAmplitudeMa * 1e-3 * rOhm / Math.sqrt(2));
			double n = Math.floor(0.5 * p.stepS / p.sampleIntervalS);
			assertEquals(tl.polarisationV, r.levels().get(l).overpotentialV, 5 * 1.25 * sigma / Math.sqrt(n) + 1e-4, "response of level " + l);
		}
		assertEquals(truth.ohmicAsrOhmCm2, r.ohmicAsrOhmCm2(), 0.03 * truth.ohmicAsrOhmCm2, "Ohmic ASR");
		if (truth.firstNonlinearLevel < 0) assertFalse(r.hasOnset(), "no onset expected");
		else {
			assertTrue(r.hasOnset());
			assertTrue(Math.abs(r.onsetLevel() - truth.firstNonlinearLevel) <= 1,
					"onset level " + r.onsetLevel() + " vs first level above " + truth.onsetMaCm2 + ": " + truth.firstNonlinearLevel);
			assertEquals(truth.onsetMaCm2, r.onsetDensityMaCm2(), p.stepMaCm2 * 2 + 1e-9);
		}
		return r;
	}

	@Test
	void nak50StrippingOnsetNearPointSixWithinOneStep() {
		for (long seed = 1; seed <= 4; seed++)
			check(new StaircaseScanGenerator.Params(), seed, StrippingOnset.Options.defaults());
	}

	@Test
	void nak65LowOnsetOtherAreaAndSampling() {
		check(new StaircaseScanGenerator.Params().onset(0.15, 3000).range(0.02, 0.4, 0.01).areaCm2(1.0).sampleIntervalS(0.5), 7,
				StrippingOnset.Options.defaults());
		check(new StaircaseScanGenerator.Params().onset(0.35, 2000).range(0.05, 0.6, 0.025).areaCm2(0.2), 8, StrippingOnset.Options.defaults());
	}

	@Test
	void fixedFirstKStepsFit() {
		OnsetResult r = check(new StaircaseScanGenerator.Params().noise(2e-4, 5e-4, 2e-6).acAmplitudeMa(0), 3, StrippingOnset.Options.defaults().fitSteps(20));
		assertEquals(20, r.fitSteps());
	}

	@Test
	void platingScanStaysOhmic() {
		OnsetResult r = check(new StaircaseScanGenerator.Params().stripping(false).onset(Double.NaN, 0), 5, StrippingOnset.Options.defaults());
		assertEquals(Direction.PLATING, r.direction());
		Table summary = r.tables().get("onset_summary.csv");
		assertEquals("no", summary.get(0, "onset"));
		assertEquals(1.0, summary.getDouble(0, "last_linear_density_ma_cm2"), 1e-9);
	}

	@Test
	void tableMarksLevelsFromTheOnsetOn() {
		SyntheticTrace<StaircaseTruth> s = StaircaseScanGenerator.generate(new StaircaseScanGenerator.Params(), 2);
		OnsetResult r = StrippingOnset.analyse(s.trace(), s.areaCm2());
		Table t = r.stepsTable();
		assertEquals(96, t.rowCount());
		for (int l = 0; l < t.rowCount(); l++)
			assertEquals(l >= r.onsetLevel() ? "yes" : "no", t.get(l, "nonlinear"));
	}

	@Test
	void tooFewLevelsIsAClearError() {
		SyntheticTrace<StaircaseTruth> s = StaircaseScanGenerator.generate(new StaircaseScanGenerator.Params().range(0.1, 0.14, 0.01), 2);
		String msg = assertThrows(EchemAnalysisException.class, () -> StrippingOnset.analyse(s.trace(), s.areaCm2())).getMessage();
		assertTrue(msg.contains("5 stripping current levels") && msg.contains("at least 6"), msg);
	}
}
