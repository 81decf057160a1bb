package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Trace;

/**
 * Synthetic staircase current scan as in the SGEIS experiments of Wu &amp; Hatzell, J. Mater. Chem. A 2025
 * (0.05–1 mA cm⁻² in 0.01 mA cm⁻² steps; each step 5 s of constant current then a ≈35 s GEIS at 5 µA
 * amplitude on top of the same DC current), with a known onset of non-linear ("unstable") stripping.
 *
 * <p>Physics: steady polarisation η(j) = j·(ASR_bulk + ASR_int + k·(j − j_on)⁺) — Ohmic below the onset
 * j_on, and above it an interfacial resistance that grows linearly with the excess current density (contact
 * loss by Na depletion and voiding), which makes the response bend upwards with a kink at j_on. The
 * interfacial part charges with τ = interfaceTauS. During the GEIS part the 5 µA perturbation adds a ripple of
 * amplitude i_ac·R_total (sampled, it looks like extra noise of σ = i_ac·R/√2). Rows: Ns 0 rest, 1 CP, 2 GEIS.
 */
public final class StaircaseScanGenerator {

	/** Experiment and cell parameters (defaults: the paper's NaK50 stripping scan, area 0.385 cm²). */
	public static final class Params {
		public double areaCm2 = Math.PI * 0.35 * 0.35;
		public double startMaCm2 = 0.05;
		public double endMaCm2 = 1.0;
		public double stepMaCm2 = 0.01;
		public double stepS = 40;
		public double constantCurrentS = 5;
		public boolean stripping = true;
		public double restBeforeS = 60;
		public double restAfterS = 120;
		public double sampleIntervalS = 1;
		public double restPotentialV = 0;
		public double bulkAsrOhmCm2 = 100;
		public double interfaceAsrOhmCm2 = 250;
		public double interfaceTauS = 0.1;
		public double onsetMaCm2 = 0.6;
		/** Growth of the interfacial ASR per mA cm⁻² above the onset (Ω cm² per mA cm⁻²). */
		public double contactLossOhmCm2PerMaCm2 = 2000;
		public double acAmplitudeMa = 0.005;
		public double voltageNoiseV = 1e-3;
		public double currentNoiseRel = 5e-4;
		public double currentNoiseMa = 2e-6;

		public Params areaCm2(double v) { areaCm2 = v; return this; }
		public Params range(double startMaCm2, double endMaCm2, double stepMaCm2) { this.startMaCm2 = startMaCm2; this.endMaCm2 = endMaCm2; this.stepMaCm2 = stepMaCm2; return this; }
		public Params stepS(double v) { stepS = v; return this; }
		public Params stripping(boolean v) { stripping = v; return this; }
		public Params rests(double beforeS, double afterS) { restBeforeS = beforeS; restAfterS = afterS; return this; }
		public Params sampleIntervalS(double v) { sampleIntervalS = v; return this; }
		public Params restPotentialV(double v) { restPotentialV = v; return this; }
		public Params asr(double bulkOhmCm2, double interfaceOhmCm2) { bulkAsrOhmCm2 = bulkOhmCm2; interfaceAsrOhmCm2 = interfaceOhmCm2; return this; }
		/** Onset (mA cm⁻², NaN = linear throughout) and the growth of interfacial ASR above it. */
		public Params onset(double onsetMaCm2, double ohmCm2PerMaCm2) { this.onsetMaCm2 = onsetMaCm2; contactLossOhmCm2PerMaCm2 = ohmCm2PerMaCm2; return this; }
		public Params acAmplitudeMa(double v) { acAmplitudeMa = v; return this; }
		public Params noise(double voltageV, double currentRel, double currentMa) { voltageNoiseV = voltageV; currentNoiseRel = currentRel; currentNoiseMa = currentMa; return this; }

		void check() {
			if (!(areaCm2 > 0)) throw new IllegalArgumentException("areaCm2 must be > 0, got " + areaCm2);
			if (!(stepMaCm2 > 0) || !(endMaCm2 >= startMaCm2) || !(startMaCm2 > 0))
				throw new IllegalArgumentException("Need 0 < startMaCm2 ≤ endMaCm2 and stepMaCm2 > 0");
			if (!(stepS > constantCurrentS) || !(constantCurrentS > 0) || !(sampleIntervalS > 0))
				throw new IllegalArgumentException("Need stepS > constantCurrentS > 0 and sampleIntervalS > 0");
		}
	}

	private StaircaseScanGenerator() {}

	/** Signed steady polarisation (V) at signed density j (mA cm⁻²). */
	static double steady(Params p, double jAbs) {
		double excess = Double.isNaN(p.onsetMaCm2) ? 0 : Math.max(0, jAbs - p.onsetMaCm2) * p.contactLossOhmCm2PerMaCm2;
		return jAbs * 1e-3 * (p.bulkAsrOhmCm2 + p.interfaceAsrOhmCm2 + excess);
	}

	public static SyntheticTrace<StaircaseTruth> generate(Params p, long seed) {
		p.check();
		double sign = p.stripping ? 1 : -1;
		int levels = (int) Math.floor((p.endMaCm2 - p.startMaCm2) / p.stepMaCm2 + 1e-6) + 1;
		List<CurrentProgram.Segment> segs = new ArrayList<>();
		double t = 0;
		if (p.restBeforeS > 0) {
			segs.add(new CurrentProgram.Segment(0, p.restBeforeS, 0, 0, 0, "rest"));
			t = p.restBeforeS;
		}
		StaircaseTruth truth = new StaircaseTruth();
		truth.areaCm2 = p.areaCm2;
		truth.direction = p.stripping ? "stripping" : "plating";
		truth.restPotentialV = p.restPotentialV;
		truth.ohmicAsrOhmCm2 = p.bulkAsrOhmCm2 + p.interfaceAsrOhmCm2;
		truth.onsetMaCm2 = p.onsetMaCm2;
		for (int l = 0; l < levels; l++) {
			// round to the step grid so densities are exact decimal multiples
			double j = Math.round((p.startMaCm2 + l * p.stepMaCm2) * 1e9) / 1e9;
			double iMa = sign * j * p.areaCm2;
			segs.add(new CurrentProgram.Segment(t, t + p.constantCurrentS, iMa, 1, l, "cp"));
			segs.add(new CurrentProgram.Segment(t + p.constantCurrentS, t + p.stepS, iMa, 2, l, "geis"));
			StaircaseTruth.Level lv = new StaircaseTruth.Level();
			lv.level = l;
			lv.startS = t;
			lv.endS = t + p.stepS;
			lv.currentMa = iMa;
			lv.densityMaCm2 = sign * j;
			lv.polarisationV = steady(p, j);
			lv.excessV = lv.polarisationV - j * 1e-3 * truth.ohmicAsrOhmCm2;
			truth.levels.add(lv);
			if (truth.firstNonlinearLevel < 0 && !Double.isNaN(p.onsetMaCm2) && j > p.onsetMaCm2 + 1e-9) truth.firstNonlinearLevel = l;
			t += p.stepS;
		}
		if (p.restAfterS > 0) segs.add(new CurrentProgram.Segment(t, t + p.restAfterS, 0, 0, levels, "rest"));
		CurrentProgram program = new CurrentProgram(segs);

		Noise noise = new Noise(seed, p.voltageNoiseV, p.currentNoiseRel, p.currentNoiseMa);
		TraceAssembler out = new TraceAssembler();
		RcElement interfaceRc = new RcElement(p.interfaceTauS);
		double prevT = Double.NaN, prevTarget = 0;
		for (int k = 0; k < segs.size(); k++) {
			CurrentProgram.Segment s = segs.get(k);
			boolean last = k == segs.size() - 1;
			double jAbs = Math.abs(s.currentMa) / p.areaCm2;
			double bulk = sign * jAbs * 1e-3 * p.bulkAsrOhmCm2;
			double interfaceTarget = sign * (steady(p, jAbs) - jAbs * 1e-3 * p.bulkAsrOhmCm2);
			double rippleSigma = "geis".equals(s.kind) ? p.acAmplitudeMa * 1e-3 * (steady(p, jAbs) / Math.max(jAbs * 1e-3, 1e-12)) / p.areaCm2 / Math.sqrt(2) : 0;
			if ("geis".equals(s.kind) && jAbs == 0) rippleSigma = 0;
			for (int m = 0;; m++) {
				double ts = s.startS + m * p.sampleIntervalS;
				if (ts >= s.endS - 1e-9) {
					if (!last) break;
					ts = s.endS;
				}
				if (!Double.isNaN(prevT)) interfaceRc.advance(ts - prevT, prevTarget);
				double e = p.restPotentialV + (s.currentMa == 0 ? 0 : bulk) + interfaceRc.volts();
				out.add(ts, s.currentMa, noise.voltage(e, rippleSigma), noise.current(s.currentMa), program.chargeMahAt(ts), s.ns, s.cycle);
				prevT = ts;
				prevTarget = s.currentMa == 0 ? 0 : interfaceTarget;
				if (ts >= s.endS) break;
			}
		}
		Trace trace = out.build("synthetic-sgeis-seed" + seed, "Modulo Bat", seed);
		return new SyntheticTrace<>(trace, program, p.areaCm2, truth);
	}
}
