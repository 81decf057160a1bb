package org.tomolyte.drt;

/**
 * Exact solver of the bound-constrained quadratic program min ½ zᵀHz − cᵀz subject to z_i ≥ 0 for the
 * constrained indices (others free), for a symmetric positive-definite H: the active-set method of
 * Lawson &amp; Hanson ("Solving Least Squares Problems", 1974, ch. 23) written on the normal equations, with
 * a Cholesky factor of H restricted to the passive set that grows by one row per added variable (O(k²))
 * and is rebuilt only when variables leave. It terminates at a point satisfying the KKT conditions
 * (∇ = Hz − c: ∇_i = 0 where z_i &gt; 0 or free, ∇_i ≥ −tol where z_i = 0); nothing is clipped.
 */
final class GramNnls {
	private GramNnls() {}

	/**
	 * @param h symmetric positive-definite n×n matrix (ideally with unit diagonal, i.e. column-scaled)
	 * @param c linear term
	 * @param free indices not constrained to be ≥ 0 (may be null)
	 * @return the minimiser
	 */
	static double[] solve(double[][] h, double[] c, boolean[] free) {
		int n = c.length;
		double cmax = 0;
		for (double v : c) cmax = Math.max(cmax, Math.abs(v));
		double tol = 1e-12 * Math.max(cmax, 1e-300) * n;
		double[] x = new double[n], w = new double[n], z = new double[n];
		boolean[] passive = new boolean[n], banned = new boolean[n];
		int[] order = new int[n];
		double[][] factor = new double[n][n];
		int k = 0;
		for (int i = 0; i < n; i++)
			if (free != null && free[i]) {
				if (!append(h, order, factor, k, i)) throw new DrtException("Singular DRT normal matrix for the free parameters (R∞/L)");
				order[k++] = i;
				passive[i] = true;
			}
		if (k > 0) {
			solveFactor(factor, order, k, c, z);
			for (int t = 0; t < k; t++) x[order[t]] = z[order[t]];
		}
		int maxIter = 10 * n + 50;
		for (int iter = 0; ; iter++) {
			if (iter > maxIter) throw new DrtException("DRT NNLS did not converge in " + maxIter + " iterations (ill-conditioned problem: raise lambda)");
			// w = c − H x, the negative gradient (H symmetric: accumulate rows of the passive set, contiguous)
			System.arraycopy(c, 0, w, 0, n);
			for (int t = 0; t < k; t++) {
				double xv = x[order[t]];
				if (xv == 0) continue;
				double[] row = h[order[t]];
				for (int i = 0; i < n; i++) w[i] -= row[i] * xv;
			}
			int best = -1;
			double bestW = tol;
			for (int i = 0; i < n; i++)
				if (!passive[i] && !banned[i] && w[i] > bestW) {
					bestW = w[i];
					best = i;
				}
			if (best < 0) break;
			if (!append(h, order, factor, k, best)) {
				banned[best] = true; // numerically dependent on the passive set: cannot improve the objective
				continue;
			}
			order[k++] = best;
			passive[best] = true;
			java.util.Arrays.fill(banned, false);
			for (int inner = 0; ; inner++) {
				if (inner > maxIter) throw new DrtException("DRT NNLS inner loop did not converge");
				solveFactor(factor, order, k, c, z);
				double alpha = 1;
				int hit = -1;
				boolean feasible = true;
				for (int t = 0; t < k; t++) {
					int i = order[t];
					if (free != null && free[i]) continue;
					if (z[i] <= 0) {
						feasible = false;
						double a = x[i] / (x[i] - z[i]);
						if (a < alpha || hit < 0) {
							alpha = Math.min(alpha, a);
							hit = i;
						}
					}
				}
				if (feasible) {
					for (int t = 0; t < k; t++) x[order[t]] = z[order[t]];
					break;
				}
				for (int t = 0; t < k; t++) {
					int i = order[t];
					x[i] += alpha * (z[i] - x[i]);
				}
				x[hit] = 0; // the blocking variable lands exactly on its bound
				int kept = 0;
				boolean removedNewest = false;
				for (int t = 0; t < k; t++) {
					int i = order[t];
					boolean constrained = free == null || !free[i];
					if (constrained && (x[i] <= 0 || (z[i] <= 0 && x[i] <= 1e-15 * Math.max(1, Math.abs(z[i]))))) {
						x[i] = 0;
						passive[i] = false;
						if (i == best) removedNewest = true;
					} else {
						order[kept++] = i;
					}
				}
				if (removedNewest && alpha == 0) banned[best] = true; // no progress possible along this variable
				k = kept;
				for (int t = 0; t < k; t++)
					if (!append(h, order, factor, t, order[t])) throw new DrtException("Singular DRT normal matrix while refactoring");
			}
		}
		return x;
	}

	/** Adds row/column j at position k of the Cholesky factor of H restricted to order[0..k). */
	private static boolean append(double[][] h, int[] order, double[][] factor, int k, int j) {
		double[] row = factor[k];
		double[] hj = h[j];
		double d = hj[j];
		for (int i = 0; i < k; i++) {
			double[] fi = factor[i];
			double s = hj[order[i]];
			for (int t = 0; t < i; t++) s -= fi[t] * row[t];
			s /= fi[i];
			row[i] = s;
			d -= s * s;
		}
		if (!(d > 1e-13 * hj[j])) return false;
		row[k] = Math.sqrt(d);
		return true;
	}

	/** Solves (L Lᵀ) z_P = c_P; writes z at the original indices. */
	private static void solveFactor(double[][] factor, int[] order, int k, double[] c, double[] z) {
		double[] y = new double[k];
		for (int i = 0; i < k; i++) {
			double s = c[order[i]];
			double[] fi = factor[i];
			for (int t = 0; t < i; t++) s -= fi[t] * y[t];
			y[i] = s / fi[i];
		}
		for (int i = k - 1; i >= 0; i--) {
			double s = y[i];
			for (int t = i + 1; t < k; t++) s -= factor[t][i] * y[t];
			y[i] = s / factor[i][i];
		}
		for (int i = 0; i < k; i++) z[order[i]] = y[i];
	}
}
