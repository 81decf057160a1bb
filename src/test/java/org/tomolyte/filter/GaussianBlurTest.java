package org.tomolyte.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/** The separable blur against a direct triple sum with clamped edges, in place and as a copy, for 1–3 threads. */
class GaussianBlurTest {

	@Test
	void matchesTheDirectSumWhateverTheThreadsAndBlockBoundaries() {
		int w = 13, h = 9, d = 11; // odd depth: the in-place z pass splits it into uneven blocks
		Volume v = random(w, h, d, 3);
		double sigma = 1.3;
		float[] k = GaussianBlur.kernel(sigma);
		int rad = k.length / 2;
		Volume ref = v.copy();
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double s = 0;
					for (int c = -rad; c <= rad; c++)
						for (int b = -rad; b <= rad; b++)
							for (int a = -rad; a <= rad; a++)
								s += k[a + rad] * k[b + rad] * k[c + rad] * v.get(clamp(x + a, w), clamp(y + b, h), clamp(z + c, d));
					ref.set(x, y, z, (float) s);
				}
		Volume first = null;
		for (int threads = 1; threads <= 3; threads++) {
			Volume copy = GaussianBlur.blurredCopy(v, sigma, threads, Progress.NONE);
			Volume inPlace = v.copy();
			GaussianBlur.blur(inPlace, sigma, threads, Progress.NONE);
			for (int z = 0; z < d; z++) {
				assertArrayEquals(copy.slice(z), inPlace.slice(z), 0f, "copy vs in place, slice " + z);
				assertArrayEquals(ref.slice(z), copy.slice(z), 1e-5f, "direct sum, slice " + z + ", " + threads + " threads");
				if (first != null) assertArrayEquals(first.slice(z), copy.slice(z), 0f, "thread count changed slice " + z);
			}
			if (first == null) first = copy;
		}
		// the input of blurredCopy is left alone
		assertArrayEquals(random(w, h, d, 3).slice(5), v.slice(5), 0f);
	}

	@Test
	void aSingleSliceIsBlurredIn2dOnly() {
		int w = 16, h = 12;
		Volume v = random(w, h, 1, 5);
		Volume b = GaussianBlur.blurredCopy(v, 1.0, 2, Progress.NONE);
		float[] k = GaussianBlur.kernel(1.0);
		int rad = k.length / 2;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int bb = -rad; bb <= rad; bb++)
					for (int a = -rad; a <= rad; a++)
						s += k[a + rad] * k[bb + rad] * v.get(clamp(x + a, w), clamp(y + bb, h), 0);
				assertEquals(s, b.get(x, y, 0), 1e-5, "pixel " + x + "," + y);
			}
	}

	private static Volume random(int w, int h, int d, long seed) {
		Random r = new Random(seed);
		Volume v = new Volume(w, h, d, 1.0);
		for (int z = 0; z < d; z++)
			for (int i = 0; i < w * h; i++)
				v.slice(z)[i] = (float) r.nextGaussian();
		return v;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
