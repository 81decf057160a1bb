package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Trace;
import org.tomolyte.synth.echem.CcdStaircaseGenerator;
import org.tomolyte.synth.echem.CurrentProgram;
import org.tomolyte.synth.echem.PulsedStrippingGenerator;
import org.tomolyte.synth.echem.StaircaseScanGenerator;
import org.tomolyte.synth.echem.SyntheticTrace;

class StepDetectorTest {

	/** Every programmed segment is found with its exact start time and its programmed current. */
	private static void assertMatchesProgram(SyntheticTrace<?> s, double currentTolRel) {
		List<CurrentStep> steps = StepDetector.detect(s.trace());
		List<CurrentProgram.Segment> segs = s.program().segments();
		assertEquals(segs.size(), steps.size(), "segment count");
		for (int k = 0; k < segs.size(); k++) {
			CurrentProgram.Segment g = segs.get(k);
			CurrentStep d = steps.get(k);
			assertEquals(g.startS, d.startS(), 1e-9, "start of segment " + k);
			assertEquals(g.currentMa, d.setCurrentMa(), 0, "programmed current of segment " + k);
			assertEquals(g.currentMa, d.currentMa(), Math.abs(g.currentMa) * currentTolRel + 1e-9, "measured current of segment " + k);
			assertEquals(g.currentMa == 0, d.isRest());
			if (g.currentMa != 0) assertEquals(g.currentMa > 0 ? Direction.STRIPPING : Direction.PLATING, d.direction());
		}
	}

	@Test
	void ccdStaircaseSegmentsAcrossSeedsAndModes() {
		for (long seed = 1; seed <= 3; seed++) {
			assertMatchesProgram(CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), seed), 2e-3);
			assertMatchesProgram(CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().restS(0).mode(CcdStaircaseGenerator.Mode.PLATE_THEN_STRIP)
					.areaCm2(1.0).sampleIntervalS(5).halfCycleS(600), seed), 2e-3);
		}
	}

	@Test
	void staircaseLevelsOneCentiMilliampPerCm2ApartAreSeparated() {
		// 0.01 mA cm⁻² steps up to 1 mA cm⁻² (1 % apart); the CP and GEIS parts of one level merge
		SyntheticTrace<?> s = StaircaseScanGenerator.generate(new StaircaseScanGenerator.Params(), 4);
		List<CurrentStep> steps = StepDetector.detect(s.trace());
		assertEquals(1 + 96 + 1, steps.size());
		for (int l = 0; l < 96; l++)
			assertEquals((0.05 + 0.01 * l) * s.areaCm2(), steps.get(l + 1).setCurrentMa(), 1e-9);
	}

	@Test
	void shortRestsBetweenPulsesAreKept() {
		SyntheticTrace<?> s = PulsedStrippingGenerator.generate(new PulsedStrippingGenerator.Params().restS(0.1), 2);
		List<CurrentStep> steps = StepDetector.detect(s.trace());
		// initial rest + (pulse, rest) pairs, the last pulse cut at the cutoff
		assertEquals(s.program().segments().size(), steps.size());
		long rests = steps.stream().filter(CurrentStep::isRest).count();
		assertEquals(steps.size() / 2, rests);
	}

	@Test
	void transitionSampleBetweenLevelsJoinsANeighbour() {
		// EC-Lab's first row after a change can average old and new current: +0.068, one row at −0.034, −0.068
		int n = 40;
		double[] t = new double[n], i = new double[n], e = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = k;
			i[k] = k < 20 ? 0.068 : -0.068;
			e[k] = 0.1;
		}
		i[20] = -0.034;
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put(Trace.CURRENT_MA, i);
		cols.put(Trace.EWE_V, e);
		List<CurrentStep> steps = StepDetector.detect(new Trace("transition", cols, Map.of()));
		assertEquals(2, steps.size());
		assertEquals(0.068, steps.get(0).currentMa(), 1e-12);
		assertEquals(-0.068, steps.get(1).currentMa(), 1e-12);
		assertTrue(steps.get(1).firstRow() == 20 || steps.get(0).lastRow() == 20);
	}

	@Test
	void singleNoiseSpikeDoesNotSplitAStep() {
		int n = 50;
		double[] t = new double[n], i = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = k;
			i[k] = 0.1;
		}
		i[25] = 0.2;
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put(Trace.CURRENT_MA, i);
		assertEquals(1, StepDetector.detect(new Trace("spike", cols, Map.of())).size());
	}
}
