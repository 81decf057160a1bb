package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Trace;

/**
 * Synthetic operando GEIS spectra taken back to back during a synthetic cycling trace, from an equivalent
 * circuit with a known DRT, after Figs. 1, 3 and 5 of Wu &amp; Hatzell, J. Mater. Chem. A 2025: R∞ + ZARC
 * grain boundary (τ ≈ 1e-6 s) + ZARC interface (τ ≈ 1e-1 s), plus a fast interfacial ZARC (τ ≈ 1e-3 s,
 * γ'_int) that appears while stripping above an onset current density.
 *
 * <p>Dependence on the DC current density j of each spectrum (mean of the exact program over the
 * spectrum): stripping above j_on grows the interfacial resistance by (1 + g·(j − j_on)/j_on) and shifts its τ
 * down by e^(−s·(j − j_on)/j_on), and brings in the fast ZARC with R_fast·(1 − e^(−(j − j_on)/w)); plating
 * shrinks the interfacial resistance by e^(−|j|/j_fill) (Na filling interfacial voids). At rest after stripping
 * above j_on the interfacial arc is enlarged and recovers slowly (restRecoveryTauS). After the short
 * circuit the arcs vanish and only a small resistance remains. Noise: independent Gaussian on Re and Im of
 * σ = relativeNoise·|Z|. Frequencies 7 MHz → 5 Hz, log-spaced, high to low as EC-Lab measures.
 */
public final class OperandoEisGenerator {

	/** Circuit and timing parameters (resistances area-specific, Ω cm²). */
	public static final class Params {
		public double maxFreqHz = 7e6;
		public double minFreqHz = 5;
		public int pointsPerDecade = 10;
		public double spectrumS = 35;
		public double gapS = 0;
		public double rInfOhmCm2 = 60;
		public double gbOhmCm2 = 40;
		public double gbTauS = 1e-6;
		public double gbAlpha = 0.9;
		public double interfaceOhmCm2 = 250;
		public double interfaceTauS = 0.1;
		public double interfaceAlpha = 0.8;
		public double onsetMaCm2 = 0.6;
		public double interfaceGrowth = 1.0;
		public double interfaceTauShift = 1.0;
		public double fastOhmCm2 = 150;
		public double fastTauS = 1e-3;
		public double fastAlpha = 0.85;
		public double fastWidthMaCm2 = 0.1;
		public double platingFillMaCm2 = 0.5;
		public double shortOhmCm2 = 1.0;
		/** After stripping above the onset, the interface stays enlarged at rest and recovers with this τ (s). */
		public double restRecoveryTauS = 3600;
		/** Relative enlargement of the interfacial resistance right after the current stops, per unit (j − j_on)/j_on. */
		public double restEnlargement = 0.5;
		/** Time of the short circuit (s), NaN if none. */
		public double shortTimeS = Double.NaN;
		public double relativeNoise = 0.005;

		public Params frequencies(double maxHz, double minHz, int perDecade) { maxFreqHz = maxHz; minFreqHz = minHz; pointsPerDecade = perDecade; return this; }
		public Params timing(double spectrumS, double gapS) { this.spectrumS = spectrumS; this.gapS = gapS; return this; }
		public Params onsetMaCm2(double v) { onsetMaCm2 = v; return this; }
		public Params shortTimeS(double v) { shortTimeS = v; return this; }
		public Params relativeNoise(double v) { relativeNoise = v; return this; }

		void check() {
			if (!(maxFreqHz > minFreqHz) || !(minFreqHz > 0) || pointsPerDecade < 1) throw new IllegalArgumentException("Need maxFreqHz > minFreqHz > 0 and pointsPerDecade ≥ 1");
			if (!(spectrumS > 0) || gapS < 0) throw new IllegalArgumentException("Need spectrumS > 0 and gapS ≥ 0");
		}
	}

	private OperandoEisGenerator() {}

	/** Frequencies from maxFreqHz down to minFreqHz inclusive, log-spaced at about pointsPerDecade. */
	public static double[] frequencies(Params p) {
		double decades = Math.log10(p.maxFreqHz / p.minFreqHz);
		int n = (int) Math.round(decades * p.pointsPerDecade) + 1;
		double[] f = new double[n];
		for (int k = 0; k < n; k++)
			f[k] = p.maxFreqHz * Math.pow(10, -decades * k / (n - 1));
		f[n - 1] = p.minFreqHz;
		return f;
	}

	/** Spectra back to back over the whole experiment, with parameters following each spectrum's DC current. */
	public static SyntheticSpectra generate(SyntheticTrace<?> cycling, Params p, long seed) {
		p.check();
		CurrentProgram program = cycling.program();
		List<double[]> windows = new ArrayList<>();
		for (double t = program.startS(); t + p.spectrumS <= program.endS() + 1e-9; t += p.spectrumS + p.gapS)
			windows.add(new double[] { t, t + p.spectrumS });
		return generate(cycling, p, windows, seed);
	}

	/** Spectra over the given windows {startS, endS}. */
	public static SyntheticSpectra generate(SyntheticTrace<?> cycling, Params p, List<double[]> windows, long seed) {
		p.check();
		double area = cycling.areaCm2();
		Trace trace = cycling.trace();
		double[] f = frequencies(p);
		Random rnd = new Random(seed);
		EisTruth truth = new EisTruth();
		truth.areaCm2 = area;
		truth.freqHz = f;
		truth.relativeNoise = p.relativeNoise;
		List<Spectrum> spectra = new ArrayList<>();
		for (int k = 0; k < windows.size(); k++) {
			double t0 = windows.get(k)[0], t1 = windows.get(k)[1];
			double jMean = (cycling.program().chargeMahAt(t1) - cycling.program().chargeMahAt(t0)) * 3600 / (t1 - t0) / area;
			EisTruth.SpectrumTruth st = circuit(p, area, jMean, !Double.isNaN(p.shortTimeS) && t0 >= p.shortTimeS);
			if (Math.abs(jMean) < 1e-12 && !st.shorted) recoverAtRest(p, cycling.program(), area, t0, st);
			st.index = k;
			st.startS = t0;
			st.endS = t1;
			st.densityMaCm2 = jMean;
			st.dcCurrentMa = meanOf(trace, trace.currentMa(), t0, t1);
			st.meanEweV = meanOf(trace, trace.eweV(), t0, t1);
			double[] re = new double[f.length], im = new double[f.length];
			for (int q = 0; q < f.length; q++) {
				double zr = st.rInfOhm, zi = 0;
				for (Zarc z : st.zarcs) {
					double[] zz = z.impedance(f[q]);
					zr += zz[0];
					zi += zz[1];
				}
				double mag = Math.hypot(zr, zi);
				re[q] = zr + p.relativeNoise * mag * rnd.nextGaussian();
				im[q] = zi + p.relativeNoise * mag * rnd.nextGaussian();
			}
			spectra.add(new Spectrum(f, re, im, t0, t1, st.meanEweV, st.dcCurrentMa));
			truth.spectra.add(st);
		}
		return new SyntheticSpectra(new SpectrumSeries(trace.source() + "-geis", spectra), truth);
	}

	/**
	 * At rest after stripping above the onset, the interfacial arc is back at its original τ but enlarged by
	 * restEnlargement·(j_last − j_on)/j_on, decaying as e^(−t_rest/restRecoveryTauS) (Fig. 3c: the slow
	 * recovery between 35 s and 15 h of rest).
	 */
	private static void recoverAtRest(Params p, CurrentProgram program, double area, double t0, EisTruth.SpectrumTruth st) {
		CurrentProgram.Segment last = null;
		for (CurrentProgram.Segment s : program.segments())
			if (s.endS <= t0 + 1e-9 && s.currentMa != 0) last = s;
		if (last == null || Double.isNaN(p.onsetMaCm2)) return;
		double j = last.currentMa / area;
		if (j <= p.onsetMaCm2) return;
		double factor = 1 + p.restEnlargement * (j - p.onsetMaCm2) / p.onsetMaCm2 * Math.exp(-(t0 - last.endS) / p.restRecoveryTauS);
		for (int k = 0; k < st.zarcs.size(); k++) {
			Zarc z = st.zarcs.get(k);
			if (z.name.equals("interface")) st.zarcs.set(k, new Zarc(z.name, z.rOhm * factor, z.tauS, z.alpha));
		}
	}

	static EisTruth.SpectrumTruth circuit(Params p, double area, double j, boolean shorted) {
		EisTruth.SpectrumTruth st = new EisTruth.SpectrumTruth();
		st.shorted = shorted;
		if (shorted) {
			st.rInfOhm = p.shortOhmCm2 / area;
			return st;
		}
		st.rInfOhm = p.rInfOhmCm2 / area;
		st.zarcs.add(new Zarc("grain boundary", p.gbOhmCm2 / area, p.gbTauS, p.gbAlpha));
		double rInt = p.interfaceOhmCm2 / area, tauInt = p.interfaceTauS;
		double excess = Double.isNaN(p.onsetMaCm2) ? 0 : Math.max(0, j - p.onsetMaCm2);
		if (j > 0 && excess > 0) {
			rInt *= 1 + p.interfaceGrowth * excess / p.onsetMaCm2;
			tauInt *= Math.exp(-p.interfaceTauShift * excess / p.onsetMaCm2);
		} else if (j < 0) rInt *= Math.exp(-Math.abs(j) / p.platingFillMaCm2);
		st.zarcs.add(new Zarc("interface", rInt, tauInt, p.interfaceAlpha));
		if (j > 0 && excess > 0) st.zarcs.add(new Zarc("fast interface", p.fastOhmCm2 / area * (1 - Math.exp(-excess / p.fastWidthMaCm2)), p.fastTauS, p.fastAlpha));
		return st;
	}

	private static double meanOf(Trace trace, double[] v, double t0, double t1) {
		if (v == null) return Double.NaN;
		double[] t = trace.timeS();
		int k = java.util.Arrays.binarySearch(t, t0);
		if (k < 0) k = -k - 1;
		while (k > 0 && t[k - 1] >= t0)
			k--;
		double s = 0;
		int n = 0;
		for (; k < t.length && t[k] <= t1; k++) {
			s += v[k];
			n++;
		}
		return n == 0 ? Double.NaN : s / n;
	}
}
