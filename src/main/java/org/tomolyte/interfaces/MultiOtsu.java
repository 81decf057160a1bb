package org.tomolyte.interfaces;

/**
 * Multi-level Otsu thresholds on a histogram: the k − 1 cut points that maximise the between-class variance
 * (Otsu 1979, IEEE Trans. Syst. Man Cybern. 9, 62; multi-level form of Liao, Chen &amp; Chung 2001,
 * J. Inf. Sci. Eng. 17, 713), found exactly by searching all cuts with cumulative sums.
 */
public final class MultiOtsu {
	private MultiOtsu() {}

	/**
	 * @param counts histogram counts
	 * @param classes 2, 3 or 4
	 * @return the first bin of classes 1 … k − 1 (a value in bin b belongs to class c when cut[c−1] ≤ b &lt; cut[c])
	 */
	public static int[] cutBins(double[] counts, int classes) {
		if (classes < 2 || classes > 4) throw new InterfaceException("Multi-level Otsu supports 2 to 4 classes, asked for " + classes);
		int n = counts.length;
		if (n < classes) throw new InterfaceException("Histogram has " + n + " bins, fewer than the " + classes + " classes asked for");
		double[] p = new double[n + 1], m = new double[n + 1];
		for (int i = 0; i < n; i++) {
			p[i + 1] = p[i] + counts[i];
			m[i + 1] = m[i] + counts[i] * i;
		}
		if (p[n] <= 0) throw new InterfaceException("Histogram is empty: no voxels to threshold");
		int[] best = new int[classes - 1];
		double bestScore = -1;
		if (classes == 2) {
			for (int a = 1; a < n; a++) {
				double s = term(p, m, 0, a) + term(p, m, a, n);
				if (s > bestScore) { bestScore = s; best[0] = a; }
			}
		} else if (classes == 3) {
			for (int a = 1; a < n - 1; a++) {
				double t0 = term(p, m, 0, a);
				for (int b = a + 1; b < n; b++) {
					double s = t0 + term(p, m, a, b) + term(p, m, b, n);
					if (s > bestScore) { bestScore = s; best[0] = a; best[1] = b; }
				}
			}
		} else {
			for (int a = 1; a < n - 2; a++) {
				double t0 = term(p, m, 0, a);
				for (int b = a + 1; b < n - 1; b++) {
					double t1 = t0 + term(p, m, a, b);
					for (int c = b + 1; c < n; c++) {
						double s = t1 + term(p, m, b, c) + term(p, m, c, n);
						if (s > bestScore) { bestScore = s; best[0] = a; best[1] = b; best[2] = c; }
					}
				}
			}
		}
		return best;
	}

	/** Σ over the class of counts × mean², which the between-class variance maximises (the total mean is fixed). */
	private static double term(double[] p, double[] m, int from, int to) {
		double w = p[to] - p[from];
		if (w <= 0) return 0;
		double s = m[to] - m[from];
		return s * s / w;
	}
}
