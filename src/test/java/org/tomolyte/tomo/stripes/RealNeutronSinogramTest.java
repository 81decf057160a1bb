package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;

/**
 * The real 360° neutron sinogram from sarepy (459 angles × 503 px, big-endian uint16) with dead and partial
 * stripes: the detectors must find its worst columns and the combined filter must lower the stripe energy.
 */
class RealNeutronSinogramTest {
	private static float[][] sinogram;
	/** The two columns whose column mean stands out most from its running median, found independently here. */
	private static int[] worst;

	@BeforeAll
	static void load() {
		String path = TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif").toString();
		ImagePlus imp = new Opener().openImage(path);
		assertNotNull(imp, "ImageJ could not open " + path);
		assertEquals(503, imp.getWidth());
		assertEquals(459, imp.getHeight());
		ImageProcessor ip = imp.getProcessor();
		double max = ip.getStatistics().max;
		sinogram = new float[459][503];
		for (int a = 0; a < 459; a++)
			for (int x = 0; x < 503; x++) // −log(I / max); zero counts clamped to one count
				sinogram[a][x] = (float) -Math.log(Math.max(ip.getf(x, a), 1f) / max);
		double[] mean = new double[503];
		for (float[] row : sinogram)
			for (int x = 0; x < 503; x++)
				mean[x] += row[x] / 459.0;
		double[] outlier = new double[503];
		for (int x = 0; x < 503; x++) {
			double[] w = new double[15];
			for (int k = -7; k <= 7; k++)
				w[k + 7] = mean[Math.max(0, Math.min(502, x + k))];
			Arrays.sort(w);
			outlier[x] = Math.abs(mean[x] - w[7]);
		}
		int first = SyntheticSinograms.argMaxAbs(outlier);
		outlier[first] = 0;
		int second = SyntheticSinograms.argMaxAbs(outlier);
		worst = new int[] { Math.min(first, second), Math.max(first, second) };
	}

	@Test
	void deadStripeDetectorFindsTheWorstColumns() {
		int[] found = new DeadStripeFilter().detect(sinogram).stripeColumns();
		for (int x : worst)
			assertTrue(Arrays.binarySearch(found, x) >= 0, "column " + x + " not in " + Arrays.toString(found));
		// a less sensitive detector finds exactly those two stripes, widened by its one-pixel dilation
		int[] strict = new DeadStripeFilter(DeadStripeFilter.Settings.DEFAULT.withSnr(5)).detect(sinogram).stripeColumns();
		assertArrayEquals(new int[] { worst[0] - 1, worst[0], worst[0] + 1, worst[1] - 1, worst[1], worst[1] + 1 }, strict);
		// few columns in all: these are defects, not the object
		assertTrue(found.length < 503 / 10, Arrays.toString(found));
	}

	@Test
	void largeStripeProfilePeaksAtTheWorstColumns() {
		double[] profile = new LargeStripeFilter().detect(sinogram).profile.clone();
		int first = SyntheticSinograms.argMaxAbs(profile);
		profile[first] = 0;
		int second = SyntheticSinograms.argMaxAbs(profile);
		assertArrayEquals(worst, new int[] { Math.min(first, second), Math.max(first, second) });
	}

	@Test
	void combinedRemovalLowersStripeEnergyWithoutLosingSharpness() {
		StripePreview all = StripePreview.of(sinogram, new AllStripeFilter());
		assertTrue(all.stripeEnergyAfter < all.stripeEnergyBefore / 5, all.toString());
		assertTrue(all.sharpnessAfter > 0.95 * all.sharpnessBefore, all.toString());
		// the parameters sarepy's own example uses on this sinogram: dead (snr 3, size 31) then sorting (size 5)
		float[][] dead = StripeFilters.parse("dead snr=3 size=31 residual=false").apply(sinogram);
		StripePreview sorting = StripePreview.of(dead, StripeFilters.parse("sorting size=5"));
		assertTrue(StripeMetrics.stripeEnergy(sorting.after) < StripeMetrics.stripeEnergy(sinogram) / 3, sorting.toString());
		assertTrue(sorting.sharpnessAfter > 0.95 * StripeMetrics.sharpness(sinogram), sorting.toString());
		// the dead columns reached zero counts (−log = 10.9); after interpolation nothing is left near that level
		for (float[] row : dead)
			for (int x : worst)
				assertTrue(row[x] < 5, "column " + x + " still holds " + row[x]);
	}
}
