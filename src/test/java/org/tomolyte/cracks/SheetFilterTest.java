package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SheetFilterTest {
	@Test
	void eigenvaluesMatchCommonsMath() {
		java.util.Random r = new java.util.Random(2);
		for (int k = 0; k < 50; k++) {
			double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian(), d = r.nextGaussian(), e = r.nextGaussian(), f = r.nextGaussian();
			double[] want = new EigenDecomposition(new Array2DRowRealMatrix(new double[][] { { a, d, e }, { d, b, f }, { e, f, c } })).getRealEigenvalues();
			java.util.Arrays.sort(want);
			assertArrayEquals(want, SheetFilter.eigenvalues(a, b, c, d, e, f), 1e-9);
		}
	}

	/** A thin bright sheet scores far higher at its centre than a bright ball of the same peak value. */
	@Test
	void sheetScoresAboveBlob() {
		int n = 21;
		float[] sheet = new float[n * n * n], blob = new float[n * n * n];
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					int i = (z * n + y) * n + x;
					sheet[i] = x == 10 ? 1 : 0;
					blob[i] = (x - 10) * (x - 10) + (y - 10) * (y - 10) + (z - 10) * (z - 10) <= 9 ? 1 : 0;
				}
		int c = (10 * n + 10) * n + 10;
		float s = SheetFilter.sheetness(sheet, n, n, n, new double[] { 1.0, 1.5 })[c];
		float b = SheetFilter.sheetness(blob, n, n, n, new double[] { 1.0, 1.5 })[c];
		assertTrue(s > 5 * b, "sheet " + s + " blob " + b);
	}
}
