package org.tomolyte.view.linked;

/** Nearest-time look-ups the views share (binary search on ascending times, linear otherwise). */
final class SessionStateTimes {
	private SessionStateTimes() {}

	/** Index of the time nearest to t, or -1 when there are none or t is NaN. */
	static int nearest(double[] times, double t) {
		int n = times.length;
		if (n == 0 || Double.isNaN(t)) return -1;
		if (!ascending(times)) {
			int best = 0;
			for (int i = 1; i < n; i++)
				if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) best = i;
			return best;
		}
		int lo = 0, hi = n - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (times[mid] < t) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0 && Math.abs(times[lo - 1] - t) <= Math.abs(times[lo] - t)) return lo - 1;
		return lo;
	}

	private static boolean ascending(double[] t) {
		for (int i = 1; i < t.length; i++)
			if (!(t[i] >= t[i - 1])) return false;
		return true;
	}

	/** Linear interpolation of y(x) at x0 (x ascending); clamps at the ends, NaN when empty. */
	static double interpolate(double[] x, double[] y, double x0) {
		int n = Math.min(x.length, y.length);
		if (n == 0 || Double.isNaN(x0)) return Double.NaN;
		if (x0 <= x[0]) return y[0];
		if (x0 >= x[n - 1]) return y[n - 1];
		int lo = 0, hi = n - 1;
		while (hi - lo > 1) {
			int mid = (lo + hi) >>> 1;
			if (x[mid] <= x0) lo = mid;
			else hi = mid;
		}
		double f = x[hi] == x[lo] ? 0 : (x0 - x[lo]) / (x[hi] - x[lo]);
		return y[lo] + f * (y[hi] - y[lo]);
	}
}
