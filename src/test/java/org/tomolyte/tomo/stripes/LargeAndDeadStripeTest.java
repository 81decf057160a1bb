package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Large (algorithm 5) and dead/fluctuating (algorithm 6) stripes on a phantom of large smooth features. */
class LargeAndDeadStripeTest {
	private static final int WIDTH = 512, ANGLES = 400;

	private static float[][] noisyClean() {
		float[][] clean = SyntheticSinograms.sinogram(SyntheticSinograms.smoothPhantom(WIDTH), ANGLES, WIDTH, 180);
		return SyntheticSinograms.withNoise(clean, 0.005 * StripeMetrics.dynamicRange(clean), 11);
	}

	private static void assertFound(int[] found, int from, int to, String what) {
		for (int x = from; x < to; x++)
			assertTrue(Arrays.binarySearch(found, x) >= 0, what + ": column " + x + " not found in " + Arrays.toString(found));
	}

	@Test
	void nothingIsDetectedOnACleanSinogram() {
		float[][] s = noisyClean();
		assertEquals(0, new LargeStripeFilter().detect(s).stripeColumns().length);
		assertEquals(0, new DeadStripeFilter().detect(s).stripeColumns().length);
	}

	@Test
	void defaultsChangeACleanNoisySinogramByATinyFraction() {
		float[][] noisy = noisyClean();
		double range = StripeMetrics.dynamicRange(noisy);
		for (String name : StripeFilters.NAMES) {
			if (name.equals("fitting")) continue; // smooths across object edges by design, see FittingFilter
			float[][] out = StripeFilters.create(name, null).apply(noisy);
			double rms = StripeMetrics.rmsDifference(out, noisy);
			assertTrue(rms < 0.005 * range, name + ": RMS change " + rms + " vs dynamic range " + range);
			assertTrue(StripeMetrics.sharpness(out) > 0.98 * StripeMetrics.sharpness(noisy), name);
		}
	}

	@Test
	void largeStripesAreDetectedAndRemoved() {
		float[][] noisyLog = noisyClean();
		double range = StripeMetrics.dynamicRange(noisyLog);
		float[][] stripedLog = SyntheticSinograms.copy(noisyLog);
		SyntheticSinograms.addStripe(stripedLog, 120, 8, 0, ANGLES, 0.06 * range); // full, 8 px wide
		SyntheticSinograms.addStripe(stripedLog, 300, 6, 100, 300, -0.06 * range); // partial, 6 px wide
		for (StripeModel model : StripeModel.values()) {
			// the additive model works on line integrals, the published ratio model on intensities exp(−p)
			boolean additive = model == StripeModel.ADDITIVE;
			float[][] s = additive ? stripedLog : SyntheticSinograms.exponential(stripedLog);
			float[][] noisy = additive ? noisyLog : SyntheticSinograms.exponential(noisyLog);
			LargeStripeFilter filter = new LargeStripeFilter(LargeStripeFilter.Settings.DEFAULT.withModel(model));
			LargeStripeFilter.Detection detection = filter.detect(s);
			int[] found = detection.stripeColumns();
			assertFound(found, 120, 128, model + " full large stripe");
			assertFound(found, 300, 306, model + " partial large stripe");
			// the detection profile peaks inside the injected bands
			double[] profile = detection.profile.clone();
			for (int x = 0; x < profile.length; x++)
				profile[x] -= additive ? 0 : 1;
			int peak = SyntheticSinograms.argMaxAbs(profile);
			assertTrue(peak >= 120 && peak < 128 || peak >= 300 && peak < 306, model + ": profile peak at " + peak);
			StripePreview p = StripePreview.of(s, filter);
			assertTrue(p.stripeEnergyAfter < p.stripeEnergyBefore / 4, model + ": " + p);
			// the full band is normalised away and replaced: its error at least halves; the partial band, which
			// the column means see only in part, is still improved
			int[] full = { 120, 121, 122, 123, 124, 125, 126, 127 }, partial = { 300, 301, 302, 303, 304, 305 };
			assertTrue(StripeInjection.rmsOnColumns(p.after, noisy, full) < 0.5 * StripeInjection.rmsOnColumns(s, noisy, full),
					model + ": " + p);
			assertTrue(StripeInjection.rmsOnColumns(p.after, noisy, partial) < 0.9 * StripeInjection.rmsOnColumns(s, noisy, partial),
					model + ": " + p);
		}
	}

	@Test
	void deadAndFluctuatingColumnsAreDetectedAndInterpolated() {
		float[][] noisy = noisyClean();
		double range = StripeMetrics.dynamicRange(noisy);
		float[][] s = SyntheticSinograms.copy(noisy);
		SyntheticSinograms.deadColumn(s, 150, 0.2 * range); // unresponsive inside the object
		SyntheticSinograms.deadColumn(s, 40, 0.0); // unresponsive in air
		java.util.Random random = new java.util.Random(9);
		for (float[] row : s)
			row[350] += (float) (0.2 * range * random.nextGaussian()); // fluctuating
		DeadStripeFilter filter = new DeadStripeFilter();
		int[] found = filter.detect(s).stripeColumns();
		int[][] injected = { { 150, 151 }, { 40, 41 }, { 350, 351 } };
		for (int[] band : injected)
			assertFound(found, band[0], band[1], "dead/fluctuating");
		// besides the injected columns at most one more (dilated) group, e.g. at the object's edge
		assertTrue(found.length <= 3 * injected.length + 3, Arrays.toString(found));
		float[][] out = filter.apply(s);
		// interpolated columns follow the true (smooth) object: error well below the injected defect
		for (int x : new int[] { 150, 350 }) {
			double err = 0, defect = 0;
			for (int a = 0; a < ANGLES; a++) {
				err += Math.abs(out[a][x] - noisy[a][x]);
				defect += Math.abs(s[a][x] - noisy[a][x]);
			}
			assertTrue(err < 0.1 * defect, "column " + x + ": error " + err + " vs defect " + defect);
		}
		assertTrue(StripeMetrics.stripeEnergy(out) < StripeMetrics.stripeEnergy(s) / 4);
	}

	@Test
	void allRemovesAMixOfStripeTypes() {
		float[][] noisy = noisyClean();
		double range = StripeMetrics.dynamicRange(noisy);
		float[][] s = StripeInjection.smallStripes(noisy, range);
		SyntheticSinograms.addStripe(s, 120, 8, 0, ANGLES, 0.06 * range);
		SyntheticSinograms.deadColumn(s, 210, 0.1 * range);
		StripePreview p = StripePreview.of(s, new AllStripeFilter());
		assertTrue(p.stripeEnergyAfter < p.stripeEnergyBefore / 5, p.toString());
		assertTrue(StripeMetrics.rmsDifference(p.after, noisy) < 0.5 * StripeMetrics.rmsDifference(s, noisy), p.toString());
		assertTrue(p.sharpnessAfter > 0.95 * StripeMetrics.sharpness(noisy), p.toString());
	}

	@Test
	void detectorFlagsOutliersOnBothSides() {
		double[] profile = new double[200];
		java.util.Random random = new java.util.Random(1);
		for (int i = 0; i < profile.length; i++)
			profile[i] = 1 + 0.01 * random.nextGaussian();
		profile[50] = 1.5;
		profile[120] = 0.4;
		assertArrayEquals(new int[] { 50, 120 }, StripeDetector.indices(StripeDetector.detect(profile, 3)));
		profile[50] = 1.0;
		profile[120] = 1.0;
		assertEquals(0, StripeDetector.indices(StripeDetector.detect(profile, 3)).length);
	}
}
