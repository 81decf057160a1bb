package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FilteringFilterTest {

	@Test
	void gaussianWindowScalesEachFrequencyByItsWeight() {
		for (int n : new int[] { 64, 75 }) { // even and odd lengths use different packed layouts
			double sigma = 3;
			for (int k : new int[] { 0, 1, 2, 5, n / 2 - 1 }) {
				float[] data = new float[n];
				for (int i = 0; i < n; i++)
					data[i] = (float) Math.cos(2 * Math.PI * k * i / n + 0.3);
				new GaussianLowPass(n, sigma).apply(data);
				double expected = Math.exp(-k * k / (2 * sigma * sigma));
				for (int i = 0; i < n; i++)
					assertEquals(expected * Math.cos(2 * Math.PI * k * i / n + 0.3), data[i], 2e-5, "n=" + n + " k=" + k);
			}
		}
	}

	@Test
	void removesStripesAndKeepsHighFrequencyDetail() {
		// the high-pass part is passed through untouched, so angular sharpness is kept within 2 %
		StripeInjection.assertRemovesSmallStripes(new FilteringFilter(), 2.5, 0.02);
	}

	@Test
	void unsortedVariantAlsoWorksAndDefaultsAreSafe() {
		float[][] clean = SyntheticSinograms.clean(400, 512);
		double range = StripeMetrics.dynamicRange(clean);
		float[][] out = new FilteringFilter().apply(clean);
		assertTrue(StripeMetrics.rmsDifference(out, clean) < 0.005 * range);
		float[][] striped = StripeInjection.smallStripes(SyntheticSinograms.withNoise(clean, 0.005 * range, 7), range);
		StripePreview p = StripePreview.of(striped, new FilteringFilter(FilteringFilter.Settings.DEFAULT.withSort(false)));
		assertTrue(p.stripeEnergyAfter < p.stripeEnergyBefore / 2, p.toString());
	}
}
