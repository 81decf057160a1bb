package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.synth.echem.PulsedStrippingGenerator;
import org.tomolyte.synth.echem.PulsedTruth;
import org.tomolyte.synth.echem.SyntheticTrace;
import org.tomolyte.task.Progress;

class PulsedStrippingTest {

	private static final double[] RESTS = { 0, 0.1, 0.5, 1, 2, 5, 10 };

	private static double medianFinite(double[] v) {
		double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
		return f.length == 0 ? Double.NaN : (f.length % 2 == 1 ? f[f.length / 2] : 0.5 * (f[f.length / 2 - 1] + f[f.length / 2]));
	}

	private static PulsedResult check(PulsedStrippingGenerator.Params p, double[] rests, long seed, PulsedStripping.Options o) {
		List<SyntheticTrace<PulsedTruth>> runs = PulsedStrippingGenerator.series(p, rests, seed);
		List<Trace> traces = new ArrayList<>();
		for (SyntheticTrace<PulsedTruth> r : runs)
			traces.add(r.trace());
		PulsedResult res = PulsedStripping.analyse(traces, p.areaCm2, o, Progress.NONE);
		assertEquals(rests.length, res.experiments().size());
		for (int k = 0; k < rests.length; k++) {
			PulsedTruth truth = runs.get(k).truth();
			PulsedResult.Experiment e = res.experiments().get(k);
			assertTrue(e.cutoffReached, "cut-off reached, rest " + rests[k]);
			assertEquals(truth.pulses, e.pulses.size(), "pulses, rest " + rests[k]);
			assertEquals(rests[k], e.restS, 1e-6, "rest length");
			if (rests[k] > 0) assertEquals(p.pulseS, e.pulseS, 1e-6, "pulse length");
			assertEquals(p.densityMaCm2, e.densityMaCm2, 1e-9);
			// the cut-off is crossed within one sample: capacity within j·Δt/3600 + 2 %
			double tol = p.densityMaCm2 * p.sampleIntervalS / 3600 + 0.02 * truth.criticalCapacityMahCm2;
			assertEquals(truth.criticalCapacityMahCm2, e.criticalCapacityMahCm2, tol, "critical capacity, rest " + rests[k]);
			if (rests[k] >= 2) {
				double t95 = medianFinite(truth.t95S);
				assertEquals(t95, e.relaxationT95S, 2 * p.sampleIntervalS + 0.1 * t95, "t95, rest " + rests[k]);
			}
			if (rests[k] >= 5) assertEquals(truth.relaxationTauS, e.relaxationTauS, 0.1 * truth.relaxationTauS, "tau, rest " + rests[k]);
			else if (rests[k] >= 2) assertEquals(truth.relaxationTauS, e.relaxationTauS, 0.2 * truth.relaxationTauS, "tau, rest " + rests[k]);
		}
		return res;
	}

	@Test
	void criticalCapacityRisesWithRestAndPlateaus() {
		PulsedResult r = check(new PulsedStrippingGenerator.Params(), RESTS, 1, PulsedStripping.Options.defaults());
		Table cap = r.tables().get("capacity_vs_rest.csv");
		double[] q = cap.column("critical_capacity_mah_cm2");
		for (int k = 1; k < q.length; k++)
			assertTrue(q[k] > q[k - 1], "capacity grows with rest: " + Arrays.toString(q));
		// the plateau: 5 s and 10 s differ by < 10 %, 0 s and 10 s by > 5×
		assertTrue(q[6] / q[5] < 1.1 && q[6] / q[0] > 5, Arrays.toString(q));
	}

	@Test
	void otherCurrentAreaRelaxationTimeAndExplicitCutoff() {
		PulsedStrippingGenerator.Params p = new PulsedStrippingGenerator.Params().areaCm2(1.0).densityMaCm2(0.8).relaxationTauS(0.8).cutoffV(2.5)
				.sampleIntervalS(0.02).noise(3e-3, 1e-3, 1e-5);
		check(p, new double[] { 0.5, 3, 6 }, 5, PulsedStripping.Options.defaults().cutoffV(2.5));
	}

	@Test
	void pulseTableHasOneRowPerPulse() {
		SyntheticTrace<PulsedTruth> s = PulsedStrippingGenerator.generate(new PulsedStrippingGenerator.Params().restS(2), 4);
		PulsedResult r = PulsedStripping.analyse(s.trace(), s.areaCm2());
		Table pulses = r.pulsesTable();
		assertEquals(s.truth().pulses, pulses.rowCount());
		double[] cap = pulses.column("capacity_mah_cm2");
		for (int k = 1; k < cap.length; k++)
			assertTrue(cap[k] > cap[k - 1]);
		// overpotential at the end of each pulse rises towards the cut-off
		double[] end = pulses.column("overpotential_end_v");
		assertTrue(end[end.length - 2] > end[0]);
	}

	@Test
	void runThatNeverReachesTheCutoff() {
		SyntheticTrace<PulsedTruth> s = PulsedStrippingGenerator.generate(new PulsedStrippingGenerator.Params().restS(2), 4);
		PulsedResult r = PulsedStripping.analyse(List.of(s.trace()), s.areaCm2(), PulsedStripping.Options.defaults().cutoffV(5.0), Progress.NONE);
		assertFalse(r.experiments().get(0).cutoffReached);
		assertEquals("no", r.capacityTable().get(0, "cutoff_reached"));
	}

	@Test
	void oneFileWithSeveralRunsIsSplitAtLongRests() {
		// three runs (rests 0.5, 2, 5 s) written one after the other with 120 s of open circuit between them
		double[] rests = { 0.5, 2, 5 };
		List<SyntheticTrace<PulsedTruth>> runs = PulsedStrippingGenerator.series(new PulsedStrippingGenerator.Params(), rests, 9);
		java.util.Map<String, double[]> cols = new java.util.LinkedHashMap<>();
		List<double[]> t = new ArrayList<>(), e = new ArrayList<>(), i = new ArrayList<>();
		double offset = 0;
		for (SyntheticTrace<PulsedTruth> r : runs) {
			double[] tr = r.trace().timeS().clone();
			for (int k = 0; k < tr.length; k++)
				tr[k] += offset;
			t.add(tr);
			e.add(r.trace().eweV());
			i.add(r.trace().currentMa());
			double end = tr[tr.length - 1];
			// 120 s open circuit, sampled every second
			double[] gt = new double[120], ge = new double[120], gi = new double[120];
			for (int k = 0; k < 120; k++)
				gt[k] = end + 0.5 + k;
			t.add(gt);
			e.add(ge);
			i.add(gi);
			offset = end + 121;
		}
		cols.put(Trace.TIME_S, concat(t));
		cols.put(Trace.EWE_V, concat(e));
		cols.put(Trace.CURRENT_MA, concat(i));
		Trace all = new Trace("pulsed-all.mpr", cols, java.util.Map.of());
		PulsedResult r = PulsedStripping.analyse(List.of(all), runs.get(0).areaCm2(), PulsedStripping.Options.defaults().runGapS(60), Progress.NONE);
		assertEquals(3, r.experiments().size());
		for (int k = 0; k < 3; k++) {
			PulsedResult.Experiment x = r.experiments().get(k);
			assertEquals("pulsed-all.mpr#" + (k + 1), x.source);
			assertEquals(rests[k], x.restS, 1e-6);
			double truth = runs.get(k).truth().criticalCapacityMahCm2;
			assertEquals(truth, x.criticalCapacityMahCm2, 0.02 * truth + 0.05 / 3600 * 1.0);
		}
	}

	private static double[] concat(List<double[]> parts) {
		return parts.stream().flatMapToDouble(Arrays::stream).toArray();
	}

	@Test
	void noTracesIsAClearError() {
		assertThrows(EchemAnalysisException.class, () -> PulsedStripping.analyse(List.of(), 1.0));
	}
}
