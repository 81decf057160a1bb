package org.tomolyte.echem;

/**
 * Least-squares fit of a single exponential relaxation E(t) = E∞ + A·e^(−t/τ) to the voltage during a rest
 * (the diffusion-layer recovery after a stripping pulse, Wu &amp; Hatzell 2025, Fig. 4b): for each τ the model
 * is linear in (E∞, A), so τ is found by a log-spaced scan refined by golden-section search on the residual.
 */
final class RelaxationFit {
	private RelaxationFit() {}

	/** τ (s) fitted to points (t, e) from index from to to (exclusive); NaN if fewer than 5 points. */
	static double tauS(double[] t, double[] e, int from, int to, double t0) {
		int n = to - from;
		if (n < 5) return Double.NaN;
		double span = t[to - 1] - t0;
		double dtMin = Double.POSITIVE_INFINITY;
		for (int k = from + 1; k < to; k++)
			if (t[k] > t[k - 1]) dtMin = Math.min(dtMin, t[k] - t[k - 1]);
		if (!(span > 0) || !Double.isFinite(dtMin)) return Double.NaN;
		double lo = Math.log(dtMin * 0.5), hi = Math.log(span * 20);
		int grid = 60;
		double best = lo, bestSs = Double.POSITIVE_INFINITY;
		for (int g = 0; g <= grid; g++) {
			double lt = lo + (hi - lo) * g / grid;
			double ss = sse(t, e, from, to, t0, Math.exp(lt));
			if (ss < bestSs) {
				bestSs = ss;
				best = lt;
			}
		}
		double step = (hi - lo) / grid;
		double a = best - step, b = best + step;
		double gr = (Math.sqrt(5) - 1) / 2;
		double c = b - gr * (b - a), d = a + gr * (b - a);
		double fc = sse(t, e, from, to, t0, Math.exp(c)), fd = sse(t, e, from, to, t0, Math.exp(d));
		for (int it = 0; it < 40; it++) {
			if (fc < fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - gr * (b - a);
				fc = sse(t, e, from, to, t0, Math.exp(c));
			} else {
				a = c;
				c = d;
				fc = fd;
				d = a + gr * (b - a);
				fd = sse(t, e, from, to, t0, Math.exp(d));
			}
		}
		double tau = Math.exp(0.5 * (a + b));
		// a τ at the edge of the scan means no exponential was resolved within the rest
		if (Math.log(tau) >= hi - step || Math.log(tau) <= lo + step) return Double.NaN;
		return tau;
	}

	private static double sse(double[] t, double[] e, int from, int to, double t0, double tau) {
		double s1 = 0, sx = 0, sxx = 0, sy = 0, sxy = 0;
		for (int k = from; k < to; k++) {
			double x = Math.exp(-(t[k] - t0) / tau);
			s1++;
			sx += x;
			sxx += x * x;
			sy += e[k];
			sxy += x * e[k];
		}
		double det = s1 * sxx - sx * sx;
		if (Math.abs(det) < 1e-300) return Double.POSITIVE_INFINITY;
		double eInf = (sxx * sy - sx * sxy) / det;
		double amp = (s1 * sxy - sx * sy) / det;
		double ss = 0;
		for (int k = from; k < to; k++) {
			double r = e[k] - eInf - amp * Math.exp(-(t[k] - t0) / tau);
			ss += r * r;
		}
		return ss;
	}
}
