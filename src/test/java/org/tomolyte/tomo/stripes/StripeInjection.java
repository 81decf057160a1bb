package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stripe sets injected by the tests, positions chosen inside and outside the phantom. */
final class StripeInjection {
	private StripeInjection() {}

	/** Columns of the small stripes (1–2 px, full or over part of the angles) added by {@link #smallStripes}. */
	static final int[] SMALL_COLUMNS = { 70, 180, 181, 256, 330, 420 };

	/** RMS of a − b over the given columns. */
	static double rmsOnColumns(float[][] a, float[][] b, int[] columns) {
		double sum = 0;
		for (int i = 0; i < a.length; i++)
			for (int x : columns) {
				double d = a[i][x] - b[i][x];
				sum += d * d;
			}
		return Math.sqrt(sum / (a.length * columns.length));
	}

	/** RMS of a − b over all columns except the given ones. */
	static double rmsOffColumns(float[][] a, float[][] b, int[] columns) {
		double sum = 0;
		int count = 0;
		for (int i = 0; i < a.length; i++)
			for (int x = 0; x < a[i].length; x++) {
				if (nearAny(columns, x)) continue;
				double d = a[i][x] - b[i][x];
				sum += d * d;
				count++;
			}
		return Math.sqrt(sum / count);
	}

	private static boolean nearAny(int[] columns, int x) {
		for (int c : columns)
			if (Math.abs(c - x) <= 1) return true;
		return false;
	}

	/** Small full and partial stripes of 2–5 % of the dynamic range; expects width ≥ 430. */
	static float[][] smallStripes(float[][] s, double range) {
		float[][] out = SyntheticSinograms.copy(s);
		int angles = s.length;
		SyntheticSinograms.addStripe(out, 70, 1, 0, angles, 0.04 * range);
		SyntheticSinograms.addStripe(out, 180, 2, 0, angles, -0.03 * range);
		SyntheticSinograms.addStripe(out, 256, 1, angles / 4, 3 * angles / 4, 0.05 * range);
		SyntheticSinograms.addStripe(out, 330, 1, 0, angles, 0.02 * range);
		SyntheticSinograms.addStripe(out, 420, 1, 0, angles / 2, -0.04 * range);
		return out;
	}

	/**
	 * Injects {@link #smallStripes} into the phantom sinogram (600 angles × 512 px, noise 0.5 % of the range) and
	 * checks the filter: stripe energy cut by {@code energyFactor}; error on the striped columns at least halved;
	 * elsewhere a change below 1 % of the range; angular sharpness within {@code sharpnessTolerance} of the
	 * stripe-free sinogram (stripes have no angular variation).
	 */
	static void assertRemovesSmallStripes(StripeFilter filter, double energyFactor, double sharpnessTolerance) {
		float[][] clean = SyntheticSinograms.clean(600, 512);
		double range = StripeMetrics.dynamicRange(clean);
		float[][] noisy = SyntheticSinograms.withNoise(clean, 0.005 * range, 1);
		float[][] striped = smallStripes(noisy, range);
		StripePreview p = StripePreview.of(striped, filter);
		assertTrue(p.stripeEnergyAfter < p.stripeEnergyBefore / energyFactor, p.toString());
		assertTrue(rmsOnColumns(p.after, clean, SMALL_COLUMNS) < 0.5 * rmsOnColumns(striped, clean, SMALL_COLUMNS), p.toString());
		assertTrue(rmsOffColumns(p.after, striped, SMALL_COLUMNS) < 0.01 * range, p.toString());
		assertEquals(1.0, p.sharpnessAfter / StripeMetrics.sharpness(noisy), sharpnessTolerance, p.toString());
	}
}
