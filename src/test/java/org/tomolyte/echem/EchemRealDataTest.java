package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.model.Trace;

/**
 * The analyses on real EC-Lab files from the shared data, checked against facts computed independently from
 * the files' own columns (programmed current levels, the instrument's charge counter, the text export of the
 * same run).
 */
class EchemRealDataTest {

	private static Trace read(String name) throws Exception {
		return EcLab.read(TestData.file("biologic/" + name)).trace();
	}

	/** Levels of a column in order of appearance, consecutive repeats collapsed. */
	private static List<Double> runs(double[] v) {
		List<Double> out = new ArrayList<>();
		for (double x : v)
			if (out.isEmpty() || out.get(out.size() - 1) != x) out.add(x);
		return out;
	}

	@Test
	void chronopotentiometryStaircaseStepsAreTheProgrammedLevels() throws Exception {
		// cp.issue_61: CP staircase 250 → 4000 mA; the control/mA column holds the programmed level of each row
		Trace t = read("cp.issue_61.mpr");
		List<Double> levels = runs(t.column("control/mA"));
		List<CurrentStep> steps = StepDetector.detect(t);
		assertEquals(levels.size(), steps.size());
		for (int k = 0; k < steps.size(); k++) {
			assertEquals(levels.get(k), steps.get(k).setCurrentMa(), 0);
			assertEquals(levels.get(k), steps.get(k).currentMa(), 0.005 * levels.get(k), "measured level within 0.5 %");
			assertEquals(Direction.STRIPPING, steps.get(k).direction());
		}
		assertEquals(new TreeSet<>(levels).size(), steps.size(), "every level distinct");
		// CCD on it: densities for a 2 cm² electrode are the programmed currents / 2
		CcdResult r = CriticalCurrentDensity.analyse(t, 2.0);
		for (int k = 0; k < steps.size(); k++)
			assertEquals(levels.get(k) / 2.0, r.steps().get(k).densityMaCm2, 1e-12);
		assertFalse(r.shortCircuit().isPresent());
	}

	@Test
	void chargeAtTheEndEqualsTheInstrumentCounter() throws Exception {
		// cp.issue_61: EC-Lab rows hold the mean current since the previous row, so that rule is exact;
		// the instrument's (Q-Qo)/C is the reference (1 mAh = 3.6 C)
		Trace t = read("cp.issue_61.mpr");
		double[] time = t.timeS();
		double end = time[time.length - 1];
		double[] q = t.column("(Q-Qo)/C");
		double qEnd = (q[q.length - 1] - q[0]) / 3.6;
		CapacityAtTime mean = CapacityAtTime.of(t, 1.0, CapacityAtTime.Integration.INTERVAL_MEAN);
		assertEquals(qEnd, mean.chargeMahAt(end), 1e-4 * qEnd);
		// trapezoid: within |ΔI|·Δt/2 per step change (10 changes, ≤ 500 mA, 1 s sampling)
		CapacityAtTime trap = CapacityAtTime.of(t, 1.0);
		assertEquals(qEnd, trap.chargeMahAt(end), 10 * 500 * 1.0 / 2 / 3600 + 1e-4 * qEnd);
		assertEquals(q[q.length - 1] / 3.6, trap.columnChargeMahCm2At(end), 1e-12);

		// cp.mpr: one constant current, trapezoid agrees with the counter to 0.01 %
		Trace cp = read("cp.mpr");
		double[] qc = cp.column("(Q-Qo)/C");
		double[] tc = cp.timeS();
		assertEquals((qc[qc.length - 1] - qc[0]) / 3.6, CapacityAtTime.of(cp, 1.0).chargeMahAt(tc[tc.length - 1]), 1e-4 * Math.abs(qc[qc.length - 1] / 3.6));
	}

	@Test
	void gcplWithoutCurrentColumnUsesChargeIncrements() throws Exception {
		// the .mpr stores only dq/mA.h; its text export's <I>/mA is the same quantity, computed by EC-Lab
		Trace mpr = read("gcpl.issue_149.mpr");
		Trace mpt = read("gcpl.issue_149.mpt");
		assertTrue(mpr.currentMa() == null && mpt.currentMa() != null);
		double[] derived = TraceInput.current(mpr);
		double[] exported = mpt.currentMa();
		assertEquals(exported.length, derived.length);
		for (int k = 1; k < derived.length; k++)
			assertEquals(exported[k], derived[k], 1e-6 * Math.abs(exported[k]) + 1e-9, "row " + k);
		// both files give the same steps: rest, +0.03 mA, −0.03 mA, four times
		List<CurrentStep> a = StepDetector.detect(mpr), b = StepDetector.detect(mpt);
		assertEquals(12, a.size());
		assertEquals(b.size(), a.size());
		for (int k = 0; k < a.size(); k++) {
			assertEquals(b.get(k).startS(), a.get(k).startS(), 1e-6);
			assertEquals(b.get(k).direction(), a.get(k).direction());
			assertEquals(new Direction[] { Direction.REST, Direction.STRIPPING, Direction.PLATING }[k % 3], a.get(k).direction());
			assertEquals(k % 3 == 0 ? 0 : k % 3 == 1 ? 0.03 : -0.03, a.get(k).setCurrentMa(), 1e-6);
		}
	}

	@Test
	void longGcplChargeMatchesTheCounterOverEightHours() throws Exception {
		// gcpl.issue_211: 10 half-cycles at ±0.068 mA, (Q-Qo) continuous; dq-based current integrates exactly
		Trace t = read("gcpl.issue_211.mpr");
		double[] q = t.column(Trace.CHARGE_MAH), time = t.timeS();
		CapacityAtTime c = CapacityAtTime.of(t, 0.5);
		for (int k = 0; k < time.length; k += 250)
			assertEquals(q[k] - q[0], c.chargeMahAt(time[k]), 1e-6, "row " + k);
		List<CurrentStep> steps = StepDetector.detect(t);
		assertEquals(10, steps.size());
		for (int k = 0; k < 10; k++)
			assertEquals(k % 2 == 0 ? Direction.STRIPPING : Direction.PLATING, steps.get(k).direction());
		// throughput of each half-cycle from the counter: |ΔQ| between its first and last row
		CcdResult r = CriticalCurrentDensity.analyse(t, 0.5);
		for (int k = 0; k < 10; k++) {
			CurrentStep s = steps.get(k);
			double dq = Math.abs(q[s.lastRow()] - q[Math.max(0, s.firstRow() - 1)]);
			assertEquals(dq / 0.5, r.steps().get(k).capacityMahCm2, 0.01 * dq / 0.5, "half-cycle " + k);
		}
	}

	@Test
	void moduloBatCurrentAndImpedanceStepsAreOneStepEach() throws Exception {
		// mb.issue_149: rest, CC 0.1 mA then PEIS at the same control current, in a loop; the averaged current
		// during the impedance part drifts by > 10 % but the programmed current does not
		Trace t = read("mb.issue_149.mpr");
		List<CurrentStep> steps = StepDetector.detect(t);
		for (CurrentStep s : steps) {
			if (s.isRest()) continue;
			assertEquals(0.1, s.setCurrentMa(), 1e-6);
			assertEquals(0.1, s.currentMa(), 0.01);
		}
		for (int k = 1; k < steps.size(); k++)
			assertTrue(steps.get(k).isRest() != steps.get(k - 1).isRest(), "rest and current alternate");
		double[] ns = t.column("Ns");
		long ccStarts = 0;
		for (int k = 1; k < ns.length; k++)
			if (ns[k] == 1 && ns[k - 1] != 1) ccStarts++;
		assertEquals(ccStarts, steps.stream().filter(s -> !s.isRest()).count());
	}
}
