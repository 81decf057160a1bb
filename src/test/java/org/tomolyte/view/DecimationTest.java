package org.tomolyte.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DecimationTest {

	@Test
	void keepsEveryExtremumOfEachBucketAndFewPoints() {
		int n = 1_000_000;
		double[] x = new double[n], y = new double[n];
		Random r = new Random(3);
		for (int i = 0; i < n; i++) {
			x[i] = i * 0.1;
			y[i] = Math.sin(i * 1e-4) + 0.01 * r.nextGaussian();
		}
		y[123_457] = 5; // a spike
		y[876_543] = -4; // a dip
		double[][] d = Decimation.minMax(x, y, 0, x[n - 1], 1000);
		assertTrue(d[0].length <= 4 * 1000 + 2, "at most four points per bucket, got " + d[0].length);
		assertEquals(5.0, Arrays.stream(d[1]).max().getAsDouble());
		assertEquals(-4.0, Arrays.stream(d[1]).min().getAsDouble());
		for (int i = 1; i < d[0].length; i++)
			assertTrue(d[0][i] >= d[0][i - 1], "time order kept");
		// every bucket's true max is present
		for (int b = 0; b < 1000; b += 97) {
			double lo = b * x[n - 1] / 1000, hi = (b + 1) * x[n - 1] / 1000;
			double trueMax = Double.NEGATIVE_INFINITY, keptMax = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < n; i++)
				if (x[i] >= lo && x[i] < hi) trueMax = Math.max(trueMax, y[i]);
			for (int i = 0; i < d[0].length; i++)
				if (d[0][i] >= lo && d[0][i] < hi) keptMax = Math.max(keptMax, d[1][i]);
			assertEquals(trueMax, keptMax, "bucket " + b);
		}
	}

	@Test
	void shortTracesAreOnlyClippedToTheWindow() {
		double[] x = { 0, 1, 2, 3, 4, 5 }, y = { 1, 2, 3, 4, 5, 6 };
		double[][] d = Decimation.minMax(x, y, 2, 3, 100);
		assertEquals(4, d[0].length, "one point each side of the window is kept");
		assertEquals(1.0, d[0][0]);
		assertEquals(4.0, d[0][3]);
	}
}
