package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;

/** The active-set solver against the KKT conditions and against brute-force enumeration of active sets. */
class GramNnlsTest {
	/** Checks KKT for min ½zᵀHz − cᵀz, z ≥ 0: feasibility, stationarity on the support, dual feasibility, complementarity. */
	static void assertKkt(double[][] h, double[] c, boolean[] free, double[] z, double tol) {
		for (int i = 0; i < c.length; i++) {
			double g = -c[i];
			for (int j = 0; j < c.length; j++) g += h[i][j] * z[j];
			boolean isFree = free != null && free[i];
			if (isFree || z[i] > 0) assertEquals(0, g, tol, "stationarity at " + i);
			else {
				assertEquals(0, z[i], 0, "bound variable " + i + " exactly 0");
				assertTrue(g >= -tol, "dual feasibility at " + i + ": gradient " + g);
			}
			if (!isFree) assertTrue(z[i] >= 0, "feasibility at " + i);
		}
	}

	@Test
	void matchesBruteForceOnRandomProblems() {
		Random rnd = new Random(42);
		for (int trial = 0; trial < 200; trial++) {
			int n = 2 + rnd.nextInt(6), m = n + 3;
			double[][] a = new double[m][n];
			for (double[] row : a) for (int j = 0; j < n; j++) row[j] = rnd.nextGaussian();
			double[][] h = new double[n][n];
			for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (double[] row : a) h[i][j] += row[i] * row[j];
			double[] c = new double[n];
			for (int j = 0; j < n; j++) c[j] = rnd.nextGaussian() * 3;
			double[] z = GramNnls.solve(h, c, null);
			assertKkt(h, c, null, z, 1e-9);
			assertArrayEquals(bruteForce(h, c), z, 1e-8, "trial " + trial);
		}
	}

	/** Tries every support set, keeps the feasible one with the lowest objective. */
	static double[] bruteForce(double[][] h, double[] c) {
		int n = c.length;
		double best = Double.POSITIVE_INFINITY;
		double[] bestZ = null;
		for (int mask = 0; mask < (1 << n); mask++) {
			int k = Integer.bitCount(mask);
			int[] idx = new int[k];
			for (int i = 0, t = 0; i < n; i++) if ((mask & (1 << i)) != 0) idx[t++] = i;
			double[][] sub = new double[k][k];
			double[] rhs = new double[k];
			for (int i = 0; i < k; i++) {
				rhs[i] = c[idx[i]];
				for (int j = 0; j < k; j++) sub[i][j] = h[idx[i]][idx[j]];
			}
			double[] z = new double[n];
			if (k > 0) {
				double[] s = new org.apache.commons.math3.linear.LUDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(sub)).getSolver()
						.solve(new org.apache.commons.math3.linear.ArrayRealVector(rhs)).toArray();
				boolean feasible = true;
				for (int i = 0; i < k; i++) { z[idx[i]] = s[i]; feasible &= s[i] >= 0; }
				if (!feasible) continue;
			}
			double obj = 0;
			for (int i = 0; i < n; i++) { obj -= c[i] * z[i]; for (int j = 0; j < n; j++) obj += 0.5 * z[i] * h[i][j] * z[j]; }
			if (obj < best) { best = obj; bestZ = z; }
		}
		return bestZ;
	}

	@Test
	void drtSolutionSatisfiesKkt() {
		Spectrum s = EisFiles.read("synthetic/2XZARCequal.csv");
		DrtSettings st = DrtSettings.builder().freeInductance(true).build();
		DrtFitter f = new DrtFitter(st);
		UsedPoints p = UsedPoints.of(s, 0, Double.POSITIVE_INFINITY, true, false, "test");
		DrtProblem pr = f.problem(p.freqHz);
		double[][] h = pr.scaledNormal(1e-3);
		double[] c = pr.scaledRhs(pr.data(p));
		double[] z = GramNnls.solve(h, c, pr.free);
		double cmax = 0;
		for (double v : c) cmax = Math.max(cmax, Math.abs(v));
		assertKkt(h, c, pr.free, z, 1e-9 * cmax);
		int zeros = 0;
		for (int i = pr.colX; i < z.length; i++) if (z[i] == 0) zeros++;
		assertTrue(zeros > 5, "the non-negativity constraint must be active somewhere for this spectrum, zeros: " + zeros);
	}
}
