package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;

/** GCV and modified GCV against the textbook formulas with an explicit hat matrix (commons-math LU). */
class RidgePathTest {
	@Test
	void gcvMatchesExplicitHatMatrix() {
		Spectrum full = EisFiles.read("synthetic/2XZARCequal.csv");
		// every second point: 41 frequencies keeps the explicit computation small
		int n = (full.size() + 1) / 2;
		double[] f = new double[n], re = new double[n], im = new double[n];
		for (int i = 0; i < n; i++) {
			f[i] = full.freqHz(2 * i);
			re[i] = full.zReOhm(2 * i);
			im[i] = full.zImOhm(2 * i);
		}
		Spectrum s = new Spectrum(f, re, im);
		for (LambdaSelection sel : new LambdaSelection[] { LambdaSelection.GCV, LambdaSelection.MGCV }) {
			DrtFitter fitter = new DrtFitter(DrtSettings.builder().lambdaSelection(sel).build());
			UsedPoints p = UsedPoints.of(s, 0, Double.POSITIVE_INFINITY, true, false, "test");
			DrtProblem pr = fitter.problem(p.freqHz);
			double[] b = pr.data(p);
			RealMatrix a = new Array2DRowRealMatrix(pr.design);
			RealMatrix m = new Array2DRowRealMatrix(pr.penalty);
			RealVector bv = MatrixUtils.createRealVector(b);
			int rows = pr.rows;
			double rho = rows < 50 ? 1.3 : 2;
			double bestScore = Double.POSITIVE_INFINITY, bestLambda = 0;
			for (double lambda : pr.ridgePath().lambdas) {
				RealMatrix inner = a.transpose().multiply(a).add(m.scalarMultiply(lambda));
				RealMatrix k = a.multiply(new LUDecomposition(inner, 1e-300).getSolver().getInverse()).multiply(a.transpose());
				RealVector r = bv.subtract(k.operate(bv));
				double tr = k.getTrace();
				double denom = sel == LambdaSelection.GCV ? (rows - tr) / rows : (rows - rho * tr) / rows;
				double score = r.dotProduct(r) / rows / (denom * denom);
				if (denom > 0 && score < bestScore) {
					bestScore = score;
					bestLambda = lambda;
				}
			}
			assertEquals(bestLambda, pr.ridgePath().choose(b, sel), 0, sel.label());
		}
	}
}
