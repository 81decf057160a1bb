package org.tomolyte.drt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomolyte.model.Spectrum;

/**
 * Fits DRTs with fixed settings, keeping the grid-dependent matrices ({@link DrtProblem}) of the last
 * few frequency grids so that a series measured on one grid builds its kernels once. Thread-safe: one
 * fitter can serve all threads of a batch, and each fit depends only on its own spectrum.
 */
public final class DrtFitter {
	private static final int CACHE_SIZE = 16;
	private final DrtSettings settings;
	private final Map<String, DrtProblem> cache = new LinkedHashMap<String, DrtProblem>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, DrtProblem> e) {
			return size() > CACHE_SIZE;
		}
	};

	public DrtFitter(DrtSettings settings) {
		this.settings = settings;
	}

	public DrtSettings settings() {
		return settings;
	}

	/** The DRT of one spectrum; {@code what} names it in error messages. */
	public DrtResult fit(Spectrum s, String what) {
		UsedPoints pts = UsedPoints.of(s, settings.fminHz(), settings.fmaxHz(), settings.dropNegativeRe(), settings.dropInductive(), what);
		DrtProblem p = problem(pts.freqHz);
		double[] b = p.data(pts);
		double lambda = settings.lambdaSelection() == LambdaSelection.FIXED ? settings.lambda() : p.ridgePath().choose(b, settings.lambdaSelection());
		double[] theta = p.solve(b, lambda);
		int n = p.n;
		double[] x = Arrays.copyOfRange(theta, p.colX, p.cols);
		double inductance = p.colL >= 0 ? theta[p.colL] : 0;
		double[] fitRe = new double[n], fitIm = new double[n];
		for (int i = 0; i < n; i++) {
			double re = 0, im = p.disc.omega[i] * inductance;
			double[] ar = p.disc.aRe[i], ai = p.disc.aIm[i];
			for (int m = 0; m < n; m++) {
				if (x[m] == 0) continue;
				re += ar[m] * x[m];
				im += ai[m] * x[m];
			}
			fitRe[i] = re;
			fitIm[i] = im;
		}
		double rInf;
		if (p.colR >= 0) rInf = theta[p.colR];
		else { // Im-only fit: R∞ is invisible to the fit; take the least-squares offset of Re, kept ≥ 0
			double sum = 0;
			for (int i = 0; i < n; i++) sum += pts.zRe[i] - fitRe[i];
			rInf = Math.max(0, sum / n);
		}
		for (int i = 0; i < n; i++) fitRe[i] += rInf;
		double ss = 0;
		int count = 0;
		for (int i = 0; i < n; i++) {
			if (p.mode.usesRe) { double d = pts.zRe[i] - fitRe[i]; ss += d * d; count++; }
			if (p.mode.usesIm) { double d = pts.zIm[i] - fitIm[i]; ss += d * d; count++; }
		}
		double rPol = 0;
		for (int m = 0; m < n; m++) rPol += x[m] * p.disc.integralWeights[m];
		double[] gamma = new double[p.fineLnTau.length], tau = new double[gamma.length];
		for (int m = 0; m < n; m++) { // x is sparse (many coefficients sit on the bound 0)
			if (x[m] == 0) continue;
			double xm = x[m];
			double[] col = p.fineBasisByColumn[m];
			for (int i = 0; i < gamma.length; i++) gamma[i] += col[i] * xm;
		}
		for (int i = 0; i < gamma.length; i++) tau[i] = Math.exp(p.fineLnTau[i]);
		List<DrtPeak> peaks = settings.findPeaks() ? PeakFinder.find(p.fineLnTau, gamma, settings.peakShape(), settings.minPeakFraction()) : new ArrayList<>();
		boolean atLimit = false;
		if (settings.lambdaSelection() != LambdaSelection.FIXED) {
			double[] grid = p.ridgePath().lambdas;
			atLimit = lambda == grid[0] || lambda == grid[grid.length - 1];
		}
		return new DrtResult(settings, lambda, rInf, inductance, rPol, Math.sqrt(ss / count), tau, gamma, x, pts, fitRe, fitIm, peaks, s, p)
				.flagLambdaAtLimit(atLimit);
	}

	DrtProblem problem(double[] freqDescending) {
		StringBuilder key = new StringBuilder(freqDescending.length * 17);
		for (double f : freqDescending) key.append(Long.toHexString(Double.doubleToLongBits(f))).append(',');
		String k = key.toString();
		synchronized (cache) {
			DrtProblem p = cache.get(k);
			if (p != null) return p;
		}
		DrtProblem p = new DrtProblem(freqDescending, settings);
		synchronized (cache) {
			DrtProblem q = cache.get(k);
			if (q != null) return q;
			cache.put(k, p);
		}
		return p;
	}
}
