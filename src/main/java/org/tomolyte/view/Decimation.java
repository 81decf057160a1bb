package org.tomolyte.view;

/**
 * Reduces a long trace to at most a few points per screen pixel without losing extrema: the x range is
 * cut into buckets and each bucket keeps its first, minimum, maximum and last points in time order. A
 * 10⁶-point voltage trace then draws as fast as a few thousand points and still shows every spike.
 */
public final class Decimation {
	private Decimation() {}

	/** x and y of the kept points, in order: result[0] = x, result[1] = y. x must be non-decreasing. */
	public static double[][] minMax(double[] x, double[] y, double xFrom, double xTo, int buckets) {
		int n = Math.min(x.length, y.length);
		if (n <= 4L * buckets || buckets <= 0) return clip(x, y, n, xFrom, xTo);
		double[] ox = new double[4 * buckets + 2];
		double[] oy = new double[ox.length];
		int k = 0;
		double width = (xTo - xFrom) / buckets;
		int i = lowerBound(x, n, xFrom);
		if (i > 0) i--; // keep one point before the window so lines enter it
		int end = Math.min(n, upperBound(x, n, xTo) + 1);
		while (i < end) {
			int b = width > 0 ? (int) Math.floor((x[i] - xFrom) / width) : 0;
			int first = i, min = i, max = i, last = i;
			while (i < end && (width > 0 ? (int) Math.floor((x[i] - xFrom) / width) : 0) == b) {
				if (y[i] < y[min] || Double.isNaN(y[min])) min = i;
				if (y[i] > y[max] || Double.isNaN(y[max])) max = i;
				last = i++;
			}
			int[] idx = { first, Math.min(min, max), Math.max(min, max), last };
			int prev = -1;
			for (int j : idx) {
				if (j == prev) continue;
				if (k == ox.length) {
					ox = java.util.Arrays.copyOf(ox, ox.length * 2);
					oy = java.util.Arrays.copyOf(oy, oy.length * 2);
				}
				ox[k] = x[j];
				oy[k++] = y[j];
				prev = j;
			}
		}
		return new double[][] { java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k) };
	}

	private static double[][] clip(double[] x, double[] y, int n, double from, double to) {
		int a = Math.max(0, lowerBound(x, n, from) - 1);
		int b = Math.min(n, upperBound(x, n, to) + 1);
		return new double[][] { java.util.Arrays.copyOfRange(x, a, b), java.util.Arrays.copyOfRange(y, a, b) };
	}

	private static int lowerBound(double[] x, int n, double v) {
		int lo = 0, hi = n;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (x[mid] < v) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	private static int upperBound(double[] x, int n, double v) {
		int lo = 0, hi = n;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (x[mid] <= v) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
