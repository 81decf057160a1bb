package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Trace;

/**
 * Synthetic critical-current-density (CCD) staircase of a NaK|NASICON|Na cell with a known short circuit, after
 * Fig. 1a and Fig. 2b of Wu &amp; Hatzell, J. Mater. Chem. A 2025 (stable polarisation at low current, rising
 * polarisation while stripping above a threshold, voltage collapse towards 0 V at ≈0.5 mAh cm⁻² of plating at
 * 0.7 mA cm⁻²).
 *
 * <p>Physics: E = E_rest + j·ASR_bulk + η_int, with j the signed current density (positive = stripping from
 * the working electrode) and η_int the voltage of an interfacial R‖C element (τ = interfaceTauS) whose
 * resistance ASR_int(t) = ASR_int,0·(1 + g·(|j| − j_g)/j_g·t_h) grows linearly with the time t_h (h) spent
 * stripping above j_g and recovers at the end of each half-cycle. The short circuit happens in the first
 * plating half-cycle with |j| ≥ j_sc once q_sc mAh cm⁻² have been plated in it: a shunt of ASR_short takes
 * over with time constant collapseTauS (η = η_healthy·s + j·ASR_short·(1 − s), s = e^(−Δt/τ)) and the cell
 * stays shorted. Noise: Gaussian on Ewe and on the measured current; samples at every segment start and
 * every sampleIntervalS.
 */
public final class CcdStaircaseGenerator {

	/** Order of the half-cycles at each current density. */
	public enum Mode {
		STRIP_THEN_PLATE, PLATE_THEN_STRIP, PLATING_ONLY
	}

	/** Experiment and cell parameters; defaults follow the paper's NaK50 cell (7 mm O-ring → 0.385 cm²). */
	public static final class Params {
		public double areaCm2 = Math.PI * 0.35 * 0.35;
		public double[] densitiesMaCm2 = { 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 };
		public double halfCycleS = 3600;
		public double restS = 60;
		public Mode mode = Mode.STRIP_THEN_PLATE;
		public double sampleIntervalS = 10;
		public double restPotentialV = 0.0;
		public double bulkAsrOhmCm2 = 100;
		public double interfaceAsrOhmCm2 = 250;
		public double interfaceTauS = 0.1;
		public double growthOnsetMaCm2 = 0.15;
		public double growthPerHour = 1.0;
		public double shortDensityMaCm2 = 0.7;
		public double shortCapacityMahCm2 = 0.5;
		public double shortAsrOhmCm2 = 1.0;
		public double collapseTauS = 20;
		public double voltageNoiseV = 1e-3;
		public double currentNoiseRel = 5e-4;
		public double currentNoiseMa = 2e-6;

		public Params areaCm2(double v) { areaCm2 = v; return this; }
		public Params densitiesMaCm2(double... v) { densitiesMaCm2 = v.clone(); return this; }
		public Params halfCycleS(double v) { halfCycleS = v; return this; }
		public Params restS(double v) { restS = v; return this; }
		public Params mode(Mode v) { mode = v; return this; }
		public Params sampleIntervalS(double v) { sampleIntervalS = v; return this; }
		public Params restPotentialV(double v) { restPotentialV = v; return this; }
		public Params bulkAsrOhmCm2(double v) { bulkAsrOhmCm2 = v; return this; }
		public Params interfaceAsrOhmCm2(double v) { interfaceAsrOhmCm2 = v; return this; }
		public Params growthOnsetMaCm2(double v) { growthOnsetMaCm2 = v; return this; }
		public Params growthPerHour(double v) { growthPerHour = v; return this; }
		/** Density and in-step plated capacity of the short circuit; NaN density = no short. */
		public Params shortCircuit(double densityMaCm2, double capacityMahCm2) { shortDensityMaCm2 = densityMaCm2; shortCapacityMahCm2 = capacityMahCm2; return this; }
		public Params collapseTauS(double v) { collapseTauS = v; return this; }
		public Params noise(double voltageV, double currentRel, double currentMa) { voltageNoiseV = voltageV; currentNoiseRel = currentRel; currentNoiseMa = currentMa; return this; }

		void check() {
			if (!(areaCm2 > 0)) throw new IllegalArgumentException("areaCm2 must be > 0, got " + areaCm2);
			if (densitiesMaCm2.length == 0) throw new IllegalArgumentException("densitiesMaCm2 is empty");
			if (!(halfCycleS > 0) || !(sampleIntervalS > 0) || restS < 0)
				throw new IllegalArgumentException("halfCycleS and sampleIntervalS must be > 0 and restS ≥ 0");
		}
	}

	private CcdStaircaseGenerator() {}

	public static SyntheticTrace<CcdTruth> generate(Params p, long seed) {
		p.check();
		List<CurrentProgram.Segment> segs = new ArrayList<>();
		double t = 0;
		int ns = 0;
		if (p.restS > 0) {
			segs.add(new CurrentProgram.Segment(t, t + p.restS, 0, ns, 0, "rest"));
			t += p.restS;
		}
		for (int c = 0; c < p.densitiesMaCm2.length; c++) {
			double iMa = p.densitiesMaCm2[c] * p.areaCm2;
			double[] signs = p.mode == Mode.STRIP_THEN_PLATE ? new double[] { 1, -1 } : p.mode == Mode.PLATE_THEN_STRIP ? new double[] { -1, 1 } : new double[] { -1 };
			for (double sg : signs) {
				ns++;
				segs.add(new CurrentProgram.Segment(t, t + p.halfCycleS, sg * iMa, ns, c, sg > 0 ? "stripping" : "plating"));
				t += p.halfCycleS;
				if (p.restS > 0) {
					segs.add(new CurrentProgram.Segment(t, t + p.restS, 0, ns, c, "rest"));
					t += p.restS;
				}
			}
		}
		CurrentProgram program = new CurrentProgram(segs);

		CcdTruth truth = new CcdTruth();
		truth.areaCm2 = p.areaCm2;
		truth.restPotentialV = p.restPotentialV;
		truth.growthOnsetMaCm2 = p.growthOnsetMaCm2;
		truth.collapseTauS = p.collapseTauS;
		for (int k = 0; k < segs.size() && !Double.isNaN(p.shortDensityMaCm2); k++) {
			CurrentProgram.Segment s = segs.get(k);
			double j = Math.abs(s.currentMa) / p.areaCm2;
			if (s.currentMa < 0 && j >= p.shortDensityMaCm2 - 1e-12 && j * s.durationS() / 3600 >= p.shortCapacityMahCm2) {
				truth.shortCircuit = true;
				truth.shortStepIndex = k;
				truth.shortTimeS = s.startS + p.shortCapacityMahCm2 * 3600 / j;
				truth.shortDensityMaCm2 = j;
				truth.shortStepCapacityMahCm2 = p.shortCapacityMahCm2;
				truth.shortThroughputMahCm2 = program.throughputMahAt(truth.shortTimeS) / p.areaCm2;
				break;
			}
		}
		for (int k = 0; k < segs.size(); k++) {
			CurrentProgram.Segment s = segs.get(k);
			CcdTruth.Step st = new CcdTruth.Step();
			st.index = k;
			st.kind = s.kind;
			st.startS = s.startS;
			st.endS = s.endS;
			st.currentMa = s.currentMa;
			st.densityMaCm2 = s.currentMa / p.areaCm2;
			st.direction = s.currentMa > 0 ? "stripping" : s.currentMa < 0 ? "plating" : "rest";
			double mid = 0.5 * (s.startS + s.endS);
			st.midPolarisationV = Math.abs(steadyPolarisation(p, s, mid));
			boolean shorted = truth.shortCircuit && k >= truth.shortStepIndex;
			if (s.currentMa == 0) st.polarisation = "rest";
			else if (shorted) st.polarisation = "shorted";
			else {
				double rise = (Math.abs(steadyPolarisation(p, s, s.endS)) - Math.abs(steadyPolarisation(p, s, s.startS))) / st.midPolarisationV;
				st.relativeRise = rise;
				st.polarisation = rise > 0 ? "growing" : "stable";
			}
			truth.steps.add(st);
		}

		Noise noise = new Noise(seed, p.voltageNoiseV, p.currentNoiseRel, p.currentNoiseMa);
		TraceAssembler out = new TraceAssembler();
		RcElement interfaceRc = new RcElement(p.interfaceTauS);
		double prevT = Double.NaN, prevTarget = 0;
		for (int k = 0; k < segs.size(); k++) {
			CurrentProgram.Segment s = segs.get(k);
			boolean last = k == segs.size() - 1;
			for (int m = 0;; m++) {
				double ts = s.startS + m * p.sampleIntervalS;
				if (ts >= s.endS - 1e-9) {
					if (!last) break;
					ts = s.endS;
				}
				if (!Double.isNaN(prevT)) interfaceRc.advance(ts - prevT, prevTarget);
				double jSigned = s.currentMa / p.areaCm2;
				double eta = jSigned * 1e-3 * p.bulkAsrOhmCm2 + interfaceRc.volts();
				if (truth.shortCircuit && ts >= truth.shortTimeS) {
					double sh = Math.exp(-(ts - truth.shortTimeS) / p.collapseTauS);
					eta = eta * sh + jSigned * 1e-3 * p.shortAsrOhmCm2 * (1 - sh);
				}
				out.add(ts, s.currentMa, noise.voltage(p.restPotentialV + eta), noise.current(s.currentMa), program.chargeMahAt(ts), s.ns, s.cycle);
				prevT = ts;
				prevTarget = jSigned * 1e-3 * interfaceAsr(p, s, ts);
				if (ts >= s.endS) break;
			}
		}
		Trace trace = out.build("synthetic-ccd-seed" + seed, "Galvanostatic Cycling with Potential Limitation", seed);
		return new SyntheticTrace<>(trace, program, p.areaCm2, truth);
	}

	static double interfaceAsr(Params p, CurrentProgram.Segment s, double t) {
		double j = s.currentMa / p.areaCm2;
		if (j <= p.growthOnsetMaCm2) return p.interfaceAsrOhmCm2;
		return p.interfaceAsrOhmCm2 * (1 + p.growthPerHour * (j - p.growthOnsetMaCm2) / p.growthOnsetMaCm2 * (t - s.startS) / 3600);
	}

	/** Signed steady-state overpotential (V) without the short, at time t of segment s. */
	static double steadyPolarisation(Params p, CurrentProgram.Segment s, double t) {
		double j = s.currentMa / p.areaCm2;
		return j * 1e-3 * (p.bulkAsrOhmCm2 + interfaceAsr(p, s, t));
	}
}
