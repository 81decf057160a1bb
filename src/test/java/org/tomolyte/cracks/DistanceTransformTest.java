package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class DistanceTransformTest {
	@Test
	void matchesBruteForce() {
		Random r = new Random(5);
		int nx = 11, ny = 9, nz = 7;
		boolean[] src = new boolean[nx * ny * nz];
		for (int i = 0; i < src.length; i++) src[i] = r.nextDouble() < 0.03;
		src[0] = true;
		float[] d = DistanceTransform.squared(src, nx, ny, nz);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					double best = Double.MAX_VALUE;
					for (int k = 0; k < src.length; k++) {
						if (!src[k]) continue;
						int sx = k % nx, sy = (k / nx) % ny, sz = k / (nx * ny);
						best = Math.min(best, (x - sx) * (x - sx) + (y - sy) * (y - sy) + (z - sz) * (z - sz));
					}
					assertEquals(best, d[(z * ny + y) * nx + x], 1e-4);
				}
	}
}
