package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

class SortingFilterTest {

	/** Straightforward re-implementation of algorithm 3 (boxed argsort, per-pixel sorted median window). */
	private static float[][] naive(float[][] s, int size) {
		int rows = s.length, width = s[0].length, half = size / 2;
		float[][] sorted = new float[rows][width];
		int[][] from = new int[rows][width];
		for (int x = 0; x < width; x++) {
			final int col = x;
			Integer[] order = new Integer[rows];
			for (int a = 0; a < rows; a++)
				order[a] = a;
			Arrays.sort(order, (p, q) -> p.equals(q) ? 0
					: s[p][col] != s[q][col] ? Float.compare(s[p][col], s[q][col]) : Integer.compare(p, q));
			for (int r = 0; r < rows; r++) {
				sorted[r][x] = s[order[r]][x];
				from[r][x] = order[r];
			}
		}
		float[][] out = new float[rows][width];
		for (int r = 0; r < rows; r++)
			for (int x = 0; x < width; x++) {
				float[] w = new float[size];
				for (int k = -half; k <= half; k++) {
					int j = x + k;
					while (j < 0 || j >= width)
						j = j < 0 ? -j - 1 : 2 * width - j - 1;
					w[k + half] = sorted[r][j];
				}
				Arrays.sort(w);
				out[from[r][x]][x] = w[half];
			}
		return out;
	}

	@Test
	void matchesDirectImplementationOfTheAlgorithm() {
		Random random = new Random(5);
		float[][] s = new float[37][29];
		for (float[] row : s)
			for (int x = 0; x < row.length; x++)
				row[x] = random.nextInt(7) - 3 + (random.nextBoolean() ? 0.5f : 0f); // many ties, negatives
		for (int size : new int[] { 1, 3, 5, 21, 61 })
			for (int a = 0; a < s.length; a++)
				assertArrayEquals(naive(s, size)[a], new SortingFilter(new SortingFilter.Settings(size, 1)).apply(s)[a],
						"size " + size + ", angle row " + a);
	}

	@Test
	void removesFullAndPartialStripesAndKeepsStructure() {
		// the injected stripes dominate the column-mean high-pass: removing them must cut it by 3x or more
		StripeInjection.assertRemovesSmallStripes(new SortingFilter(), 3, 0.10);
	}

	@Test
	void defaultFilterBarelyChangesACleanSinogram() {
		float[][] clean = SyntheticSinograms.clean(600, 512);
		double range = StripeMetrics.dynamicRange(clean);
		float[][] out = StripeFilters.defaultFilter().apply(clean);
		double rms = StripeMetrics.rmsDifference(out, clean);
		assertTrue(rms < 0.005 * range, "RMS change " + rms + " vs dynamic range " + range);
		assertTrue(StripeMetrics.stripeEnergy(out) <= StripeMetrics.stripeEnergy(clean) * 1.05);
		assertTrue(StripeMetrics.sharpness(out) >= 0.98 * StripeMetrics.sharpness(clean));
	}

	@Test
	void resultDoesNotDependOnThreadCount() throws Exception {
		float[][] s = StripeInjection.smallStripes(SyntheticSinograms.withNoise(SyntheticSinograms.clean(300, 700), 0.01, 2), 1.0);
		float[][] parallel = new SortingFilter().apply(s);
		ForkJoinPool single = new ForkJoinPool(1);
		try {
			float[][] serial = single.submit(() -> new SortingFilter().apply(s)).get();
			for (int a = 0; a < s.length; a++)
				assertArrayEquals(parallel[a], serial[a]);
		} finally {
			single.shutdown();
		}
	}

	@Test
	void squareWindowAlsoRemovesStripes() {
		float[][] clean = SyntheticSinograms.clean(150, 512);
		double range = StripeMetrics.dynamicRange(clean);
		float[][] striped = StripeInjection.smallStripes(SyntheticSinograms.withNoise(clean, 0.005 * range, 4), range);
		StripePreview p = StripePreview.of(striped, new SortingFilter(new SortingFilter.Settings(11, 2)));
		assertTrue(p.stripeEnergyAfter < p.stripeEnergyBefore / 2, p.toString());
	}

	@Test
	void rejectsBadInput() {
		float[][] s = new float[4][5];
		s[2][3] = Float.NaN;
		StripeException e = assertThrows(StripeException.class, () -> new SortingFilter().apply(s));
		assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("column 3"), e.getMessage());
		assertThrows(StripeException.class, () -> new SortingFilter.Settings(21, 3));
		assertThrows(StripeException.class, () -> new SortingFilter().apply(new float[][] { { 1, 2 }, { 1 } }));
	}
}
