package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.synth.echem.CcdStaircaseGenerator;
import org.tomolyte.synth.echem.CcdStaircaseGenerator.Mode;
import org.tomolyte.synth.echem.CcdTruth;
import org.tomolyte.synth.echem.SyntheticTrace;

class CriticalCurrentDensityTest {

	/**
	 * Checks steps, classes and the short circuit against the generator's truth. The short time is found
	 * within one sampling interval (plus the collapse's first-sample lag), so its in-step capacity within
	 * j·Δt/3600 + 1 %.
	 */
	private static CcdResult check(CcdStaircaseGenerator.Params p, long seed) {
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(p, seed);
		CcdTruth truth = s.truth();
		CcdResult r = CriticalCurrentDensity.analyse(s.trace(), s.areaCm2());
		assertEquals(truth.steps.size(), r.steps().size(), "segments");
		for (int k = 0; k < truth.steps.size(); k++) {
			CcdTruth.Step ts = truth.steps.get(k);
			CcdResult.Step rs = r.steps().get(k);
			assertEquals(ts.densityMaCm2, rs.densityMaCm2, 1e-9, "density of step " + k);
			assertEquals(ts.direction, rs.step.direction().label(), "direction of step " + k);
			if (ts.polarisation.equals("shorted")) {
				assertEquals(CcdResult.Polarisation.SHORTED, rs.polarisation, "step " + k);
				continue;
			}
			if (ts.polarisation.equals("rest")) continue;
			// classes are only asserted away from the 10 % threshold
			if (ts.relativeRise > 0.15) assertEquals(CcdResult.Polarisation.GROWING, rs.polarisation, "step " + k + " rise " + ts.relativeRise);
			if (ts.relativeRise < 0.05) assertEquals(CcdResult.Polarisation.STABLE, rs.polarisation, "step " + k + " rise " + ts.relativeRise);
			assertEquals(ts.midPolarisationV, rs.overpotentialMedianV, 0.1 * ts.midPolarisationV + 3e-3, "polarisation of step " + k);
			// 4 standard errors of a slope fitted to n noisy points, relative to the polarisation
			double n = (ts.endS - ts.startS) / p.sampleIntervalS;
			double riseSe = p.voltageNoiseV * Math.sqrt(12 / n) / ts.midPolarisationV;
			assertEquals(ts.relativeRise, rs.relativeRise, 0.1 * ts.relativeRise + 0.03 + 4 * riseSe, "rise of step " + k);
		}
		assertEquals(truth.shortCircuit, r.shortCircuit().isPresent(), "short circuit found");
		if (truth.shortCircuit) {
			CcdResult.ShortCircuit sc = r.shortCircuit().get();
			assertEquals(truth.shortStepIndex, sc.stepIndex, "short step");
			assertEquals(truth.shortDensityMaCm2, sc.densityMaCm2, 1e-9);
			assertEquals(Direction.PLATING, sc.direction);
			double capTol = truth.shortDensityMaCm2 * p.sampleIntervalS / 3600 + 0.01 * truth.shortStepCapacityMahCm2;
			assertEquals(truth.shortStepCapacityMahCm2, sc.stepCapacityMahCm2, capTol, "in-step capacity at the short");
			assertEquals(truth.shortThroughputMahCm2, sc.throughputMahCm2, capTol + 0.005 * truth.shortThroughputMahCm2, "throughput at the short");
			assertEquals(truth.shortTimeS, sc.timeS, p.sampleIntervalS + 0.01 * truth.shortStepCapacityMahCm2 * 3600 / truth.shortDensityMaCm2);
			assertTrue(sc.polarisationAfterV < 0.2 * sc.polarisationBeforeV);
		}
		return r;
	}

	@Test
	void paperLikeStaircaseShortsAtPointSevenAfterHalfAMilliampHour() {
		for (long seed = 1; seed <= 3; seed++) {
			CcdResult r = check(new CcdStaircaseGenerator.Params(), seed);
			// growth onset 0.15 mA cm⁻²: 0.1 is the last stable stripping step, 0.2 the first growing one
			assertEquals(0.2, r.firstGrowingStrippingDensityMaCm2(), 1e-9);
			assertEquals(0.1, r.lastStableStrippingDensityMaCm2(), 1e-9);
			assertEquals(0.7, r.shortCircuit().get().densityMaCm2, 1e-9);
		}
	}

	@Test
	void otherGeometriesModesAndSampling() {
		check(new CcdStaircaseGenerator.Params().areaCm2(1.0).mode(Mode.PLATE_THEN_STRIP).restS(0).sampleIntervalS(5).halfCycleS(1800)
				.shortCircuit(0.4, 0.12), 11);
		check(new CcdStaircaseGenerator.Params().areaCm2(0.126).mode(Mode.PLATING_ONLY).densitiesMaCm2(0.1, 0.2, 0.3, 0.4, 0.5).sampleIntervalS(2)
				.halfCycleS(900).shortCircuit(0.5, 0.05).collapseTauS(5), 12);
		// noisier voltage (5 mV) and current (0.5 %)
		check(new CcdStaircaseGenerator.Params().noise(5e-3, 5e-3, 1e-5), 13);
	}

	@Test
	void shortLaterThanOneHalfCycleMovesToTheNextDenserPlatingStep() {
		// 0.7 mA cm⁻² × 2/3 h = 0.47 mAh cm⁻² < 0.5: the short can only happen at 0.8 mA cm⁻² (0.53 mAh cm⁻² per step)
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().halfCycleS(2400), 5);
		assertEquals(0.8, Math.abs(s.truth().shortDensityMaCm2), 1e-9);
		check(new CcdStaircaseGenerator.Params().halfCycleS(2400), 5);
	}

	@Test
	void noShortCircuitWhenTheCellSurvives() {
		CcdResult r = check(new CcdStaircaseGenerator.Params().shortCircuit(Double.NaN, 0), 21);
		assertFalse(r.shortCircuit().isPresent());
		Table summary = r.summaryTable();
		assertEquals("no", summary.get(0, "short_circuit"));
		assertTrue(Double.isNaN(summary.getDouble(0, "short_time_s")));
	}

	@Test
	void tablesCarryUnitBearingColumns() {
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 2);
		CcdResult r = CriticalCurrentDensity.analyse(s.trace(), s.areaCm2());
		Table steps = r.tables().get("steps.csv");
		assertEquals(s.truth().steps.size(), steps.rowCount());
		assertTrue(steps.columns().contains("overpotential_slope_v_per_h"));
		assertEquals("yes", r.tables().get("summary.csv").get(0, "short_circuit"));
		assertEquals(s.truth().shortThroughputMahCm2, r.summaryTable().getDouble(0, "short_throughput_mah_cm2"), 0.01);
	}

	@Test
	void errorsNameTheProblem() {
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 2);
		assertTrue(assertThrows(EchemAnalysisException.class, () -> CriticalCurrentDensity.analyse(s.trace(), -1)).getMessage().contains("area_cm2"));
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, new double[] { 0, 1, 2 });
		cols.put(Trace.CURRENT_MA, new double[] { 0, 0, 0 });
		cols.put(Trace.EWE_V, new double[] { 3, 3, 3 });
		String msg = assertThrows(EchemAnalysisException.class, () -> CriticalCurrentDensity.analyse(new Trace("ocv.mpt", cols, Map.of()), 1)).getMessage();
		assertTrue(msg.contains("ocv.mpt") && msg.contains("no current steps"), msg);
		cols.remove(Trace.EWE_V);
		msg = assertThrows(EchemAnalysisException.class, () -> CriticalCurrentDensity.analyse(new Trace("x.mpt", cols, Map.of()), 1)).getMessage();
		assertTrue(msg.contains("Ewe/V"), msg);
	}
}
