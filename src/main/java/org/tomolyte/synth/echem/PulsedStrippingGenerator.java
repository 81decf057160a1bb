package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Trace;

/**
 * Synthetic pulsed Na stripping from a liquid NaK anode until a cut-off voltage, after Fig. 4 of Wu &amp;
 * Hatzell, J. Mater. Chem. A 2025 (1 s pulses at 1 mA cm⁻² separated by 0.1–10 s rests; the critical
 * stripping capacity grows with the rest length and plateaus once the rest exceeds the interfacial recovery
 * time of a few seconds).
 *
 * <p>Physics (time-compressed: the damage rates are chosen so a run has a few hundred pulses, not the
 * paper's thousands): contact fraction a = 1 − φ focuses the current, j_loc = j/a.
 * E = E_rest + j·ASR_bulk + η_int + η_c, with η_int an R‖C element (ASR_int, τ_int) driven by j_loc, and
 * η_c = ASR_c·j_ref·c the concentration overpotential of the Na depletion c, which relaxes as
 * dc/dt = (j_loc/j_ref − c)/τ_c (Fick's diffusion layer as one exponential mode). Damage is irreversible:
 * dφ/dt = κ_dep·(c − c*)⁺ + κ_q·j/3600 (depletion above c* voids the interface; every mAh cm⁻² costs a
 * little contact). Rests let c relax, so long rests avoid depletion damage; the cut-off stops the run and the
 * exact crossing instant (from a fine internal time step) defines the critical capacity.
 */
public final class PulsedStrippingGenerator {

	/** Experiment and cell parameters; defaults give ≈0.02–0.2 mAh cm⁻² critical capacities. */
	public static final class Params {
		public double areaCm2 = Math.PI * 0.35 * 0.35;
		public double densityMaCm2 = 1.0;
		public double pulseS = 1;
		public double restS = 1;
		public double cutoffV = 3.0;
		public double initialRestS = 5;
		public double sampleIntervalS = 0.05;
		public double simStepS = 0.005;
		public double maxTimeS = 2e5;
		public double restPotentialV = 0;
		public double bulkAsrOhmCm2 = 100;
		public double interfaceAsrOhmCm2 = 200;
		public double interfaceTauS = 0.1;
		public double concentrationAsrOhmCm2 = 300;
		public double relaxationTauS = 1.5;
		public double depletionRefMaCm2 = 1.0;
		public double depletionThreshold = 0.6;
		public double depletionDamagePerS = 0.03;
		public double chargeDamagePerMahCm2 = 5.0;
		public double voltageNoiseV = 1e-3;
		public double currentNoiseRel = 5e-4;
		public double currentNoiseMa = 2e-6;

		public Params areaCm2(double v) { areaCm2 = v; return this; }
		public Params densityMaCm2(double v) { densityMaCm2 = v; return this; }
		public Params pulseS(double v) { pulseS = v; return this; }
		public Params restS(double v) { restS = v; return this; }
		public Params cutoffV(double v) { cutoffV = v; return this; }
		public Params sampleIntervalS(double v) { sampleIntervalS = v; return this; }
		public Params relaxationTauS(double v) { relaxationTauS = v; return this; }
		public Params damage(double depletionPerS, double perMahCm2) { depletionDamagePerS = depletionPerS; chargeDamagePerMahCm2 = perMahCm2; return this; }
		public Params noise(double voltageV, double currentRel, double currentMa) { voltageNoiseV = voltageV; currentNoiseRel = currentRel; currentNoiseMa = currentMa; return this; }
		public Params copy() {
			Params c = new Params();
			for (java.lang.reflect.Field f : Params.class.getFields())
				try {
					f.set(c, f.get(this));
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			return c;
		}

		void check() {
			if (!(areaCm2 > 0) || !(densityMaCm2 > 0) || !(pulseS > 0) || restS < 0 || !(sampleIntervalS > 0) || !(simStepS > 0))
				throw new IllegalArgumentException("Need areaCm2, densityMaCm2, pulseS, sampleIntervalS, simStepS > 0 and restS ≥ 0");
			if (!(cutoffV > restPotentialV)) throw new IllegalArgumentException("cutoffV must be above the rest potential, got " + cutoffV);
		}
	}

	private PulsedStrippingGenerator() {}

	/** One run per rest length (e.g. 0, 0.1, 0.5, 1, 2, 5, 10 s), each with its own seed (seed + k). */
	public static List<SyntheticTrace<PulsedTruth>> series(Params base, double[] restsS, long seed) {
		List<SyntheticTrace<PulsedTruth>> out = new ArrayList<>();
		for (int k = 0; k < restsS.length; k++)
			out.add(generate(base.copy().restS(restsS[k]), seed + k));
		return out;
	}

	public static SyntheticTrace<PulsedTruth> generate(Params p, long seed) {
		p.check();
		Noise noise = new Noise(seed, p.voltageNoiseV, p.currentNoiseRel, p.currentNoiseMa);
		TraceAssembler out = new TraceAssembler();
		List<CurrentProgram.Segment> segs = new ArrayList<>();
		List<Double> t95 = new ArrayList<>(), starts = new ArrayList<>();
		double iMa = p.densityMaCm2 * p.areaCm2;
		RcElement interfaceRc = new RcElement(p.interfaceTauS);
		double c = 0, phi = 0, onTimeS = 0;
		double t = 0;
		PulsedTruth truth = new PulsedTruth();
		truth.areaCm2 = p.areaCm2;
		truth.densityMaCm2 = p.densityMaCm2;
		truth.pulseS = p.pulseS;
		truth.restS = p.restS;
		truth.cutoffV = p.cutoffV;
		truth.restPotentialV = p.restPotentialV;
		truth.relaxationTauS = p.relaxationTauS;
		truth.interfaceTauS = p.interfaceTauS;
		boolean continuous = p.restS == 0;
		int pulse = 0;
		int ns = 0;
		double segStart = 0, segCurrent = 0;
		String segKind = "rest";
		double segEnd = p.initialRestS > 0 ? p.initialRestS : 0;
		double pendingEndV = Double.NaN, pendingVint = 0, pendingC = 0;
		boolean done = false;
		while (!done) {
			if (segEnd > segStart) {
				// simulate the segment [segStart, segEnd) sample by sample with fine sub-steps
				for (int m = 0; !done; m++) {
					double ts = segStart + m * p.sampleIntervalS;
					if (ts >= segEnd - 1e-9) break;
					double eta = eta(p, segCurrent, phi, interfaceRc.volts(), c);
					if (segCurrent != 0 && p.restPotentialV + eta >= p.cutoffV) { // cut-off at a pulse start (ohmic jump)
						finish(truth, out, ts, segCurrent, p.cutoffV, onTimeS, p, noise, ns, pulse, segs, segStart, segKind);
						done = true;
						break;
					}
					out.add(ts, segCurrent, noise.voltage(p.restPotentialV + eta), noise.current(segCurrent), onTimeS * iMa / 3600, ns, pulse);
					double next = Math.min(ts + p.sampleIntervalS, segEnd);
					int sub = Math.max(1, (int) Math.ceil((next - ts) / p.simStepS - 1e-9));
					double h = (next - ts) / sub;
					for (int q = 0; q < sub; q++) {
						double before = p.restPotentialV + eta(p, segCurrent, phi, interfaceRc.volts(), c);
						double a = 1 - phi;
						double jLoc = segCurrent == 0 ? 0 : p.densityMaCm2 / a;
						interfaceRc.advance(h, jLoc * 1e-3 * p.interfaceAsrOhmCm2);
						double target = jLoc / p.depletionRefMaCm2;
						c = target + (c - target) * Math.exp(-h / p.relaxationTauS);
						if (segCurrent != 0) {
							phi += p.depletionDamagePerS * Math.max(0, c - p.depletionThreshold) * h + p.chargeDamagePerMahCm2 * p.densityMaCm2 * h / 3600;
							phi = Math.min(phi, 0.999);
							onTimeS += h;
						}
						double after = p.restPotentialV + eta(p, segCurrent, phi, interfaceRc.volts(), c);
						if (segCurrent != 0 && after >= p.cutoffV) {
							double f = after > before ? (p.cutoffV - before) / (after - before) : 1;
							double tc = ts + q * h + f * h;
							double on = onTimeS - (1 - f) * h;
							finish(truth, out, tc, segCurrent, p.cutoffV, on, p, noise, ns, pulse, segs, segStart, segKind);
							done = true;
							break;
						}
						if (segCurrent != 0 && q == sub - 1 && next >= segEnd - 1e-12) {
							pendingEndV = after - p.restPotentialV;
							pendingVint = interfaceRc.volts();
							pendingC = c;
						}
					}
					if (!done && ts + p.sampleIntervalS >= segEnd - 1e-9) break;
				}
				if (done) break;
				segs.add(new CurrentProgram.Segment(segStart, segEnd, segCurrent, ns, pulse, segKind));
				if (segCurrent != 0 && !continuous) {
					// analytic relaxation over the coming rest: E(t) = v_int·e^(−t/τ_int) + ASR_c·j_ref·c·e^(−t/τ_c)
					double a0 = pendingVint, b0 = p.concentrationAsrOhmCm2 * 1e-3 * p.depletionRefMaCm2 * pendingC;
					double endV = a0 * Math.exp(-p.restS / p.interfaceTauS) + b0 * Math.exp(-p.restS / p.relaxationTauS);
					double thr = endV + 0.05 * (pendingEndV - endV);
					double lo = 0, hi = p.restS;
					if (a0 + b0 <= thr) hi = 0;
					for (int it = 0; it < 100 && hi > 0; it++) {
						double mid = 0.5 * (lo + hi);
						if (a0 * Math.exp(-mid / p.interfaceTauS) + b0 * Math.exp(-mid / p.relaxationTauS) > thr) lo = mid;
						else hi = mid;
					}
					t95.add(hi);
				}
			}
			if (t >= p.maxTimeS) {
				truth.cutoffReached = false;
				truth.criticalCapacityMahCm2 = onTimeS * p.densityMaCm2 / 3600;
				out.add(segEnd, segCurrent, noise.voltage(p.restPotentialV + eta(p, segCurrent, phi, interfaceRc.volts(), c)), noise.current(segCurrent),
						onTimeS * iMa / 3600, ns, pulse);
				break;
			}
			// next segment
			segStart = segEnd;
			if (continuous) {
				segCurrent = iMa;
				segKind = "stripping";
				segEnd = p.maxTimeS;
				pulse = 1;
				ns = 1;
				starts.add(segStart);
			} else if (segCurrent == 0) {
				segCurrent = iMa;
				segKind = "pulse";
				segEnd = segStart + p.pulseS;
				pulse++;
				ns = 1;
				starts.add(segStart);
			} else {
				segCurrent = 0;
				segKind = "rest";
				segEnd = segStart + p.restS;
				ns = 2;
			}
			t = segStart;
		}
		truth.pulses = pulse;
		truth.pulseStartS = starts.stream().mapToDouble(Double::doubleValue).toArray();
		double[] t95s = new double[pulse];
		java.util.Arrays.fill(t95s, Double.NaN);
		for (int k = 0; k < t95.size() && k < pulse; k++)
			t95s[k] = t95.get(k);
		truth.t95S = t95s;
		CurrentProgram program = new CurrentProgram(segs);
		Trace trace = out.build("synthetic-pulsed-rest" + p.restS + "s-seed" + seed, "Modulo Bat", seed);
		return new SyntheticTrace<>(trace, program, p.areaCm2, truth);
	}

	private static double eta(Params p, double currentMa, double phi, double vInt, double c) {
		double bulk = currentMa == 0 ? 0 : p.densityMaCm2 * 1e-3 * p.bulkAsrOhmCm2;
		return bulk + vInt + p.concentrationAsrOhmCm2 * 1e-3 * p.depletionRefMaCm2 * c;
	}

	private static void finish(PulsedTruth truth, TraceAssembler out, double tc, double currentMa, double cutoffV, double onTimeS, Params p, Noise noise,
			int ns, int pulse, List<CurrentProgram.Segment> segs, double segStart, String kind) {
		truth.cutoffReached = true;
		truth.cutoffTimeS = tc;
		truth.criticalCapacityMahCm2 = onTimeS * p.densityMaCm2 / 3600;
		out.add(tc, currentMa, cutoffV, noise.current(currentMa), onTimeS * currentMa / 3600, ns, pulse);
		if (tc > segStart) segs.add(new CurrentProgram.Segment(segStart, tc, currentMa, ns, pulse, kind));
	}
}
