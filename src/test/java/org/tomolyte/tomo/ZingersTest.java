package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ZingersTest {
	private static final int H = 200, W = 300;

	/** A flat-field-corrected-like projection: transmission 0.3–1 with smooth structure, 1 % noise. */
	private static float[][] projection(long seed) {
		Random random = new Random(seed);
		float[][] p = new float[H][W];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				double r = Math.hypot(x - 150, y - 100);
				double t = r < 80 ? 0.35 + 0.3 * r / 80 : 1.0;
				p[y][x] = (float) (t * (1 + 0.01 * random.nextGaussian()));
			}
		return p;
	}

	@Test
	void findsInjectedZingersWithFewFalsePositives() {
		float[][] truth = projection(1);
		float[][] img = new float[H][];
		for (int y = 0; y < H; y++)
			img[y] = truth[y].clone();
		Random random = new Random(2);
		boolean[][] injected = new boolean[H][W];
		int injectedPixels = 0;
		for (int k = 0; k < 60; k++) {
			int y = 3 + random.nextInt(H - 6), x = 3 + random.nextInt(W - 6);
			if (nearInjected(injected, y, x, 5)) continue; // zingers are isolated events
			int w = 1 + random.nextInt(2), h = 1 + random.nextInt(2); // 1x1 to 2x2 blobs
			for (int dy = 0; dy < h; dy++)
				for (int dx = 0; dx < w; dx++) {
					if (!injected[y + dy][x + dx]) injectedPixels++;
					injected[y + dy][x + dx] = true;
					img[y + dy][x + dx] = truth[y + dy][x + dx] * (1.3f + random.nextFloat());
				}
		}
		Zingers.Result r = Zingers.remove(img, 0.08);
		int found = 0, falsePositives = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				if (r.replaced[y][x] && injected[y][x]) found++;
				if (r.replaced[y][x] && !injected[y][x]) falsePositives++;
			}
		assertEquals(injectedPixels, found, "all injected zinger pixels found");
		assertTrue(falsePositives <= injectedPixels / 20, falsePositives + " false positives");
		assertEquals(found + falsePositives, r.replacedPixels);
		// replaced by the local level: close to the true value (noise 1 %, structure gradient)
		// replaced by the local level: close to the true value (1 % noise; biased only next to the object's edge)
		double[] relativeError = new double[found];
		int k = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (injected[y][x]) relativeError[k++] = Math.abs(r.image[y][x] - truth[y][x]) / truth[y][x];
		java.util.Arrays.sort(relativeError);
		assertTrue(relativeError[found / 2] < 0.03, "median relative error " + relativeError[found / 2]);
		assertTrue(relativeError[found - 1] < 0.2, "largest relative error " + relativeError[found - 1]);
	}

	private static boolean nearInjected(boolean[][] injected, int y, int x, int d) {
		for (int j = Math.max(0, y - d); j < Math.min(H, y + d); j++)
			for (int i = Math.max(0, x - d); i < Math.min(W, x + d); i++)
				if (injected[j][i]) return true;
		return false;
	}

	@Test
	void blobCheckSparesLargerBrightFeatures() {
		float[][] img = projection(3);
		for (int y = 50; y < 54; y++)
			for (int x = 20; x < 24; x++)
				img[y][x] *= 1.5f; // a 4x4 bright feature: 16 pixels, not a zinger
		img[150][250] *= 2f;
		Zingers.Result withCheck = Zingers.remove(img, Zingers.Settings.DEFAULT);
		assertFalse(withCheck.replaced[51][21]);
		assertTrue(withCheck.replaced[150][250]);
		Zingers.Result noCheck = Zingers.remove(img, Zingers.Settings.DEFAULT.withMaxBlobPixels(0).withSize(3));
		assertTrue(noCheck.replacedPixels > withCheck.replacedPixels);
	}

	@Test
	void darkZingersInALogSinogramAndMedianLevel() {
		// a smooth −log-like image (no sharp edges): values 1 to 2
		Random random = new Random(4);
		float[][] img = new float[H][W];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				img[y][x] = (float) (1.5 + 0.5 * Math.sin(x / 30.0) * Math.cos(y / 40.0) + 0.01 * random.nextGaussian());
		img[100][100] *= 0.5f;
		Zingers.Result bright = Zingers.remove(img, Zingers.Settings.DEFAULT);
		assertFalse(bright.replaced[100][100]);
		Zingers.Result dark = Zingers.remove(img,
				Zingers.Settings.DEFAULT.withPolarity(Zingers.Polarity.DARK).withLevel(Zingers.Level.MEDIAN));
		assertTrue(dark.replaced[100][100]);
		assertTrue(dark.replacedPixels <= 3, dark.replacedPixels + " replaced");
	}

	@Test
	void cleanImageIsUntouchedAndBadInputIsRejected() {
		float[][] img = projection(5);
		Zingers.Result r = Zingers.remove(img, 0.08);
		assertTrue(r.replacedPixels <= 2, r.replacedPixels + " replaced on a clean image");
		img[3][4] = Float.POSITIVE_INFINITY;
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zingers.remove(img, 0.08));
		assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("column 4"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Zingers.Settings.DEFAULT.withThreshold(-1));
	}
}
