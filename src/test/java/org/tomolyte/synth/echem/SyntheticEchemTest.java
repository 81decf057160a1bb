package org.tomolyte.synth.echem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.model.Trace;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class SyntheticEchemTest {

	@Test
	void sameSeedSameTraceOtherSeedOtherNoise() {
		Trace a = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 7).trace();
		Trace b = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 7).trace();
		Trace c = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 8).trace();
		assertArrayEquals(a.eweV(), b.eweV(), 0);
		assertArrayEquals(a.timeS(), c.timeS(), 0);
		assertFalse(java.util.Arrays.equals(a.eweV(), c.eweV()));
	}

	@Test
	void ccdVoltageFollowsOhmsLawBeforeTheShortAndCollapsesAfter() {
		CcdStaircaseGenerator.Params p = new CcdStaircaseGenerator.Params().noise(0, 0, 0);
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(p, 1);
		double[] t = s.trace().timeS(), e = s.trace().eweV(), i = s.trace().currentMa();
		// 60 s into the first stripping step (0.05 mA cm⁻², below the growth onset): E = j·(ASR_bulk + ASR_int)
		int k = java.util.Arrays.binarySearch(t, 120.0);
		assertEquals(0.05e-3 * (p.bulkAsrOhmCm2 + p.interfaceAsrOhmCm2), e[k], 1e-9);
		assertEquals(0.05 * p.areaCm2, i[k], 1e-12);
		// well after the short the polarisation is j·ASR_short
		double tShort = s.truth().shortTimeS;
		int m = java.util.Arrays.binarySearch(t, Math.ceil((tShort + 10 * p.collapseTauS) / 10) * 10);
		assertTrue(m > 0);
		assertEquals(-0.7e-3 * p.shortAsrOhmCm2, e[m], 0.3 * Math.exp(-10)); // healthy part (< 0.3 V) decayed by e^-10
		// the charge column is the exact program integral
		double[] q = s.trace().column(Trace.CHARGE_MAH);
		for (int r = 0; r < t.length; r += 97)
			assertEquals(s.program().chargeMahAt(t[r]), q[r], 1e-12);
		assertEquals(0.5, s.truth().shortStepCapacityMahCm2, 0);
		assertEquals(0.7, Math.abs(s.truth().shortDensityMaCm2), 1e-12);
	}

	@Test
	void staircaseTruthIsOhmicBelowTheOnsetOnly() {
		SyntheticTrace<StaircaseTruth> s = StaircaseScanGenerator.generate(new StaircaseScanGenerator.Params(), 1);
		for (StaircaseTruth.Level l : s.truth().levels) {
			if (l.densityMaCm2 <= 0.6 + 1e-9) assertEquals(0, l.excessV, 1e-12);
			else assertTrue(l.excessV > 0);
		}
		assertEquals(0.61, s.truth().levels.get(s.truth().firstNonlinearLevel).densityMaCm2, 1e-9);
		assertEquals(96, s.truth().levels.size());
	}

	@Test
	void pulsedTruthCapacityIsTheChargeAtTheCutoff() {
		SyntheticTrace<PulsedTruth> s = PulsedStrippingGenerator.generate(new PulsedStrippingGenerator.Params().restS(1), 3);
		PulsedTruth t = s.truth();
		assertTrue(t.cutoffReached);
		double[] e = s.trace().eweV();
		assertEquals(t.cutoffV, e[e.length - 1], 0);
		assertEquals(t.criticalCapacityMahCm2, s.program().throughputMahAt(t.cutoffTimeS) / s.areaCm2(), 1e-9);
		// every rest of 1 s: the t95 of a two-exponential decay lies below the rest length
		for (int k = 0; k < t.pulses - 1; k++)
			assertTrue(t.t95S[k] > 0 && t.t95S[k] <= 1.0);
	}

	@Test
	void zarcDrtIntegratesToItsResistanceAndImpedanceLimits() {
		Zarc z = new Zarc("interface", 500, 0.1, 0.8);
		double sum = 0, h = 0.01;
		for (double lt = Math.log(1e-12); lt < Math.log(1e10); lt += h)
			sum += z.drtOhm(Math.exp(lt)) * h;
		assertEquals(500, sum, 0.5);
		assertEquals(500, z.impedance(1e-6)[0], 0.1);
		assertEquals(0, z.impedance(1e12)[0], 0.1);
		// at ω·τ = 1 the arc is at its apex: Re = R/2
		assertEquals(250, z.impedance(1 / (2 * Math.PI * 0.1))[0], 1e-9);
		assertTrue(z.impedance(1.59)[1] < 0);
	}

	@Test
	void operandoSpectraFollowTheCurrentAndTheShort() {
		SyntheticTrace<CcdTruth> cell = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 2);
		OperandoEisGenerator.Params p = new OperandoEisGenerator.Params().onsetMaCm2(0.15).shortTimeS(cell.truth().shortTimeS).relativeNoise(0);
		SyntheticSpectra sp = OperandoEisGenerator.generate(cell, p, 3);
		EisTruth truth = sp.truth();
		assertEquals(sp.series().size(), truth.spectra.size());
		assertEquals(62, truth.freqHz.length); // 7 MHz .. 5 Hz: 6.15 decades at 10 per decade
		assertEquals(7e6, truth.freqHz[0], 1e-6);
		assertEquals(5, truth.freqHz[61], 0);
		boolean sawFast = false, sawShort = false;
		for (int k = 0; k < truth.spectra.size(); k++) {
			EisTruth.SpectrumTruth st = truth.spectra.get(k);
			assertEquals(st.startS, sp.series().get(k).startTimeS(), 0);
			assertEquals(35, st.endS - st.startS, 1e-9);
			boolean fast = st.zarcs.stream().anyMatch(z -> z.name.equals("fast interface"));
			assertEquals(!st.shorted && st.densityMaCm2 > 0.15 + 1e-9, fast, "fast ZARC only when stripping above the onset");
			sawFast |= fast;
			sawShort |= st.shorted;
			if (st.shorted) assertEquals(0, st.polarisationOhm(), 0);
			// lowest frequency (5 Hz) real part approaches R∞ + ΣR of the slow arcs
			double lowRe = sp.series().get(k).zReOhm(truth.freqHz.length - 1);
			assertTrue(lowRe <= st.rInfOhm + st.polarisationOhm() + 1e-9 && lowRe >= st.rInfOhm - 1e-9);
			// DRT peaks: the grain-boundary density is highest near 1e-6 s
			if (!st.shorted) assertTrue(st.drtOhm(1e-6) > st.drtOhm(1e-8) && st.drtOhm(1e-6) > st.drtOhm(1e-4));
		}
		assertTrue(sawFast && sawShort);
	}

	@Test
	void interfaceRecoversSlowlyAtRestAfterUnstableStripping() {
		SyntheticTrace<StaircaseTruth> scan = StaircaseScanGenerator.generate(new StaircaseScanGenerator.Params().rests(60, 2000), 1);
		OperandoEisGenerator.Params p = new OperandoEisGenerator.Params().relativeNoise(0);
		p.restRecoveryTauS = 500;
		EisTruth truth = OperandoEisGenerator.generate(scan, p, 1).truth();
		double base = p.interfaceOhmCm2 / scan.areaCm2();
		double lastCurrentEnd = scan.truth().levels.get(scan.truth().levels.size() - 1).endS;
		double previous = Double.POSITIVE_INFINITY;
		int rests = 0;
		for (EisTruth.SpectrumTruth st : truth.spectra) {
			if (st.startS < lastCurrentEnd) continue;
			double rInt = st.zarcs.stream().filter(z -> z.name.equals("interface")).findFirst().get().rOhm;
			double expected = base * (1 + p.restEnlargement * (1.0 - 0.6) / 0.6 * Math.exp(-(st.startS - lastCurrentEnd) / 500));
			assertEquals(expected, rInt, 1e-9 * base);
			assertTrue(rInt < previous);
			assertTrue(st.zarcs.stream().noneMatch(z -> z.name.equals("fast interface")), "γ'_int gone at rest");
			previous = rInt;
			rests++;
		}
		assertTrue(rests > 50);
	}

	@Test
	void truthIsWrittenAsJson(@TempDir Path dir) throws Exception {
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 4);
		Path f = dir.resolve("truth.json");
		s.writeTruth(f);
		JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
		assertEquals(s.truth().shortTimeS, o.get("shortTimeS").getAsDouble(), 1e-9);
		assertEquals(s.truth().steps.size(), o.getAsJsonArray("steps").size());
		SyntheticSpectra sp = OperandoEisGenerator.generate(s, new OperandoEisGenerator.Params(), 1);
		Path g = dir.resolve("eis.json");
		sp.writeTruth(g);
		assertNotEquals(0, Files.size(g));
	}

	@Test
	void scanTimesAndBadParameters() {
		SyntheticTrace<CcdTruth> s = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params(), 4);
		ScanTimes st = s.scanTimes(5, 600);
		assertEquals(0, st.startS[0], 0);
		assertEquals(s.program().endS(), st.endS[4], 1e-9);
		assertEquals(s.program().chargeMahAt(st.startS[2]) / s.areaCm2(), st.chargeMahCm2AtStart[2], 0);
		assertThrows(IllegalArgumentException.class, () -> s.scanTimes(1000, 600));
		assertThrows(IllegalArgumentException.class, () -> CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().areaCm2(0), 1));
		assertThrows(IllegalArgumentException.class, () -> new Zarc("x", 1, 1, 1.5));
	}
}
