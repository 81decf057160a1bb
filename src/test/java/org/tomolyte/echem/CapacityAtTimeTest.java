package org.tomolyte.echem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.tomolyte.synth.echem.CurrentProgram;
import org.tomolyte.synth.echem.ScanTimes;
import org.tomolyte.synth.echem.SyntheticTrace;
import org.tomolyte.synth.echem.CcdTruth;

class CapacityAtTimeTest {

	private static Trace trace(double[] t, double[] i, Map<String, double[]> extra) {
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put(Trace.CURRENT_MA, i);
		cols.putAll(extra);
		return new Trace("test", cols, Map.of());
	}

	@Test
	void sinusoidalCurrentMatchesTheAnalyticIntegral() {
		// I = I0 sin(ω t): ∫0^T I dt = I0 (1 − cos ωT)/ω; trapezoid error ≤ T·Δt²·max|I''|/12
		double i0 = 2.0, w = 2 * Math.PI / 100, dt = 0.5;
		int n = 401;
		double[] t = new double[n], i = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = k * dt;
			i[k] = i0 * Math.sin(w * t[k]);
		}
		CapacityAtTime c = CapacityAtTime.of(trace(t, i, Map.of()), 2.0);
		double bound = 200 * dt * dt * i0 * w * w / 12 / 3600 / 2.0;
		for (double ts : new double[] { 0, 17.3, 50, 99.99, 137.25, 200 }) {
			double exact = i0 * (1 - Math.cos(w * ts)) / w / 3600 / 2.0;
			assertEquals(exact, c.chargeMahCm2At(ts), bound + 1e-12, "t=" + ts);
		}
		// throughput: ∫|I| over one full period is 4·I0/ω
		assertEquals(4 * i0 / w / 3600 / 2.0, c.throughputMahCm2At(100), 2e-3 * 4 * i0 / w / 3600 / 2.0);
		assertEquals(0, c.chargeMahCm2At(-5), 0);
		assertEquals(c.chargeMahCm2At(200), c.chargeMahCm2At(1e6), 0);
	}

	@Test
	void synthetic_CCD_chargeMatchesTheExactProgram() {
		for (long seed : new long[] { 3, 8 }) {
			CcdStaircaseGenerator.Params p = new CcdStaircaseGenerator.Params().areaCm2(0.5).sampleIntervalS(7).halfCycleS(1800);
			SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(p, seed);
			CurrentProgram prog = s.program();
			CapacityAtTime trap = CapacityAtTime.of(s.trace(), s.areaCm2());
			CapacityAtTime hold = CapacityAtTime.of(s.trace(), s.areaCm2(), CapacityAtTime.Integration.PREVIOUS_VALUE_HOLD);
			assertEquals(CapacityAtTime.Integration.TRAPEZOID, trap.integration());
			assertTrue(trap.hasChargeColumn());
			// trapezoid: at most |ΔI|·Δt/2 per current change (plus current noise, 5e-4 relative)
			double jumps = 0;
			for (int k = 1; k < prog.segments().size(); k++)
				jumps += Math.abs(prog.segments().get(k).currentMa - prog.segments().get(k - 1).currentMa);
			double trapBound = jumps * p.sampleIntervalS / 2 / 3600 / s.areaCm2();
			ScanTimes scans = s.scanTimes(12, 600);
			double[] got = trap.chargeMahCm2At(scans.startS);
			double[] gotThroughput = trap.throughputMahCm2At(scans.startS);
			for (int k = 0; k < scans.count(); k++) {
				double noise = 2e-3 * Math.abs(scans.throughputMahCm2AtStart[k]) + 1e-9;
				assertEquals(scans.chargeMahCm2AtStart[k], got[k], trapBound + noise, "trapezoid scan " + k);
				assertEquals(scans.throughputMahCm2AtStart[k], gotThroughput[k], trapBound + noise, "throughput scan " + k);
				assertEquals(scans.chargeMahCm2AtStart[k], hold.chargeMahCm2At(scans.startS[k]), noise, "hold scan " + k);
				// the column is exact at samples and interpolated linearly between them
				assertEquals(scans.chargeMahCm2AtStart[k], trap.columnChargeMahCm2At(scans.startS[k]), trapBound + 1e-9, "column scan " + k);
				assertEquals(prog.chargeMahAt(s.trace().timeS()[100 * k]) / s.areaCm2(), trap.columnChargeMahCm2At(s.trace().timeS()[100 * k]), 1e-12);
				assertEquals(got[k], trap.chargeMahCm2At(scans.startS[k]), 0, "vectorised = scalar");
			}
			Table tab = trap.table(scans.startS);
			assertEquals(12, tab.rowCount());
			assertArrayEquals(got, tab.column("charge_mah_cm2"), 0);
		}
	}

	@Test
	void spectraArePlacedOnTheChargeAxis() {
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().halfCycleS(600).restS(0).sampleIntervalS(1), 2);
		org.tomolyte.model.SpectrumSeries series = org.tomolyte.synth.echem.OperandoEisGenerator.generate(s, new org.tomolyte.synth.echem.OperandoEisGenerator.Params(), 1)
				.series();
		Table t = CapacityAtTime.of(s.trace(), s.areaCm2(), CapacityAtTime.Integration.PREVIOUS_VALUE_HOLD).spectraTable(series);
		assertEquals(series.size(), t.rowCount());
		for (int k = 0; k < series.size(); k += 7) {
			double mid = series.get(k).startTimeS() + 17.5;
			assertEquals(mid, t.getDouble(k, "mid_s"), 1e-9);
			assertEquals(s.program().chargeMahAt(mid) / s.areaCm2(), t.getDouble(k, "charge_mah_cm2"), 2e-3 * s.program().throughputMahAt(mid) / s.areaCm2() + 1e-9);
		}
	}

	@Test
	void chargeColumnResetsAreStitched() {
		// 0.036 mA for 100 s per block = 1e-3 mAh; the instrument column restarts at 0 for each block
		int n = 300;
		double[] t = new double[n], i = new double[n], q = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = k;
			i[k] = 0.036;
			q[k] = (k % 100) * 0.036 / 3600;
		}
		CapacityAtTime c = CapacityAtTime.of(trace(t, i, Map.of(Trace.CHARGE_MAH, q)), 1.0);
		assertEquals(299 * 0.036 / 3600, c.columnChargeMahCm2At(299), 1e-12);
		assertEquals(299 * 0.036 / 3600, c.chargeMahCm2At(299), 1e-12);
	}

	@Test
	void currentFromChargeIncrementsIsIntegratedExactly() {
		// a GCPL .mpr without I/mA: dq/mA.h per row, with an unrecorded 100 s gap at rest
		double[] t = { 0, 1, 2, 3, 103, 104, 105 };
		double[] dq = { 0, 0.01 / 3600, 0.01 / 3600, 0.01 / 3600, 0, -0.02 / 3600, -0.02 / 3600 };
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put("dq/mA.h", dq);
		CapacityAtTime c = CapacityAtTime.of(new Trace("gcpl", cols, Map.of()), 1.0);
		assertEquals(CapacityAtTime.Integration.INTERVAL_MEAN, c.integration());
		assertFalse(c.hasChargeColumn());
		double sum = 0;
		for (double d : dq)
			sum += d;
		assertEquals(sum, c.chargeMahCm2At(105), 1e-15);
		assertEquals(3 * 0.01 / 3600, c.chargeMahCm2At(50), 1e-15);
	}

	@Test
	void badInputGivesClearErrors() {
		double[] t = { 0, 1, 2 }, i = { 1, 1, 1 };
		Trace ok = trace(t, i, Map.of());
		assertTrue(assertThrows(EchemAnalysisException.class, () -> CapacityAtTime.of(ok, 0)).getMessage().contains("area_cm2"));
		assertTrue(assertThrows(EchemAnalysisException.class, () -> CapacityAtTime.of(ok, Double.NaN)).getMessage().contains("area_cm2"));
		Trace back = trace(new double[] { 0, 2, 1 }, i, Map.of());
		assertTrue(assertThrows(EchemAnalysisException.class, () -> CapacityAtTime.of(back, 1)).getMessage().contains("backwards at row 2"));
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put(Trace.EWE_V, i);
		Trace noCurrent = new Trace("file.mpt", cols, Map.of());
		String msg = assertThrows(EchemAnalysisException.class, () -> CapacityAtTime.of(noCurrent, 1)).getMessage();
		assertTrue(msg.contains("file.mpt") && msg.contains("I/mA"), msg);
	}
}
