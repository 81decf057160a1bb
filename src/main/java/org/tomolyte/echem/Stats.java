package org.tomolyte.echem;

import java.util.Arrays;

/** Small robust statistics shared by the analyses (medians, least-squares lines). */
final class Stats {
	private Stats() {}

	static double median(double[] v, int from, int to) {
		int n = to - from;
		if (n <= 0) return Double.NaN;
		double[] c = Arrays.copyOfRange(v, from, to);
		Arrays.sort(c);
		return (n & 1) == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
	}

	static double median(double[] v) {
		return median(v, 0, v.length);
	}

	static double mean(double[] v, int from, int to) {
		double s = 0;
		for (int i = from; i < to; i++)
			s += v[i];
		return to > from ? s / (to - from) : Double.NaN;
	}

	/**
	 * Robust noise level of a sampled signal: 1.4826·MAD of first differences / √2, which ignores the few
	 * large jumps at step changes.
	 */
	static double differenceNoise(double[] v) {
		if (v.length < 3) return 0;
		double[] d = new double[v.length - 1];
		for (int i = 0; i < d.length; i++)
			d[i] = Math.abs(v[i + 1] - v[i]);
		double mad = median(d);
		return 1.4826 * mad / Math.sqrt(2);
	}

	/** Ordinary least-squares line y = a + b·x; returns {a, b, residual standard deviation (n−2 dof)}. */
	static double[] line(double[] x, double[] y, int from, int to) {
		int n = to - from;
		double mx = mean(x, from, to), my = mean(y, from, to);
		double sxx = 0, sxy = 0;
		for (int i = from; i < to; i++) {
			sxx += (x[i] - mx) * (x[i] - mx);
			sxy += (x[i] - mx) * (y[i] - my);
		}
		double b = sxx > 0 ? sxy / sxx : 0;
		double a = my - b * mx;
		double ss = 0;
		for (int i = from; i < to; i++) {
			double r = y[i] - a - b * x[i];
			ss += r * r;
		}
		double sd = n > 2 ? Math.sqrt(ss / (n - 2)) : 0;
		return new double[] { a, b, sd, mx, sxx };
	}
}
