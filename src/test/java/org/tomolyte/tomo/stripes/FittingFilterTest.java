package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FittingFilterTest {

	@Test
	void polynomialFitReproducesAPolynomialExactly() {
		int rows = 101, width = 5;
		float[][] s = new float[rows][width];
		for (int a = 0; a < rows; a++)
			for (int x = 0; x < width; x++)
				s[a][x] = (float) (1 + 0.5 * x + 0.01 * a * (x - 2) - 3e-5 * a * a);
		float[][] fit = FittingFilter.polynomialFitAlongAngles(s, 2);
		for (int a = 0; a < rows; a++)
			assertArrayEquals(s[a], fit[a], 1e-4f);
	}

	@Test
	void removesFullStripesFromASmoothSinogram() {
		// low-contrast sample with slowly varying columns: the case the fitting method is made for
		int width = 512;
		float[][] clean = SyntheticSinograms.sinogram(SyntheticSinograms.smoothPhantom(width), 400, width, 180);
		double range = StripeMetrics.dynamicRange(clean);
		float[][] noisy = SyntheticSinograms.withNoise(clean, 0.005 * range, 3);
		float[][] striped = SyntheticSinograms.copy(noisy);
		for (int x : new int[] { 100, 180, 256, 300, 390 })
			SyntheticSinograms.addStripe(striped, x, 1, 0, 400, (x % 3 - 1 + 0.5) * 0.04 * range);
		StripePreview p = StripePreview.of(striped, new FittingFilter());
		assertTrue(p.stripeEnergyAfter < p.stripeEnergyBefore / 3, p.toString());
		assertEquals(1.0, p.sharpnessAfter / StripeMetrics.sharpness(noisy), 0.05, p.toString());
		// the published ratio form works on intensities exp(−sinogram), where a stripe is a gain factor
		float[][] intensity = SyntheticSinograms.exponential(striped);
		StripePreview q = StripePreview.of(intensity,
				new FittingFilter(FittingFilter.Settings.DEFAULT.withModel(StripeModel.MULTIPLICATIVE)));
		assertTrue(q.stripeEnergyAfter < q.stripeEnergyBefore / 3, q.toString());
		assertEquals(1.0, q.sharpnessAfter / StripeMetrics.sharpness(SyntheticSinograms.exponential(noisy)), 0.05, q.toString());
	}
}
