package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.filter.GaussianBlur;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * The pieces of the full-resolution refinement of volumes read from disk: the smoothed slice view equals the
 * in-memory blur, the per-sample patches give the same values and gradients as the whole smoothed volume, and
 * samples that leave their patches are reported, not read from the wrong place.
 */
class StreamingRefinementTest {

	private static Volume random(int w, int h, int d, long seed) {
		Random r = new Random(seed);
		float[][] s = new float[d][w * h];
		for (float[] sl : s)
			for (int i = 0; i < sl.length; i++)
				sl[i] = (float) r.nextGaussian();
		return new Volume(w, h, s, 0.7, 0.9, 1.3);
	}

	@Test
	void smoothedSlicesEqualTheVolumeBlurAndReadEachSliceAboutOnce() {
		Volume v = random(23, 17, 19, 1);
		Volume expected = GaussianBlur.blurredCopy(v, 1.2, 2, Progress.NONE);
		int[] reads = new int[1];
		SmoothedSlices s = new SmoothedSlices(TimeSeriesAlignerTest.counting(v, reads, 0), 1.2);
		for (int z = 0; z < v.depth(); z++)
			assertArrayEquals(expected.slice(z), s.slice(z), 0f, "slice " + z);
		assertEquals(v.depth(), reads[0], "a sweep in z reads each source slice once");
		assertEquals(v.depth(), s.sourceReads());
		// out of order still right (re-reading as needed)
		assertArrayEquals(expected.slice(3), s.slice(3), 0f);
		assertArrayEquals(expected.slice(v.depth() - 1), s.slice(v.depth() - 1), 0f);
	}

	@Test
	void patchesGiveTheValuesAndGradientsOfTheWholeVolume() {
		Volume v = random(30, 26, 20, 2);
		// reference positions (µm) near and at the edges, and inside
		Random r = new Random(3);
		int n = 400;
		float[] px = new float[n], py = new float[n], pz = new float[n];
		for (int i = 0; i < n; i++) {
			px[i] = (float) (r.nextDouble() * 29 * v.voxelXUm());
			py[i] = (float) (r.nextDouble() * 25 * v.voxelYUm());
			pz[i] = (float) (r.nextDouble() * 19 * v.voxelZUm());
		}
		Affine3D start = Affine3D.rotationAbout(10, 10, 12, 0.3, -0.2, 1.1).then(Affine3D.translation(0.4, -0.3, 0.2));
		IntensityRefiner.PatchField patches = IntensityRefiner.PatchField.extract(SliceSource.of(v), px, py, pz, start, Progress.NONE);
		IntensityRefiner.VolumeField whole = new IntensityRefiner.VolumeField(v);
		// a later estimate up to about 0.9 voxel away still falls within each patch
		Affine3D later = start.then(Affine3D.translation(0.5, -0.6, 0.9));
		double[] a = new double[4], b = new double[4];
		int compared = 0, escaped = 0;
		for (Affine3D t : new Affine3D[] { start, later }) {
			double[] m = t.toArray();
			for (int i = 0; i < n; i++) {
				double x = (m[0] * px[i] + m[1] * py[i] + m[2] * pz[i] + m[3]) / v.voxelXUm();
				double y = (m[4] * px[i] + m[5] * py[i] + m[6] * pz[i] + m[7]) / v.voxelYUm();
				double z = (m[8] * px[i] + m[9] * py[i] + m[10] * pz[i] + m[11]) / v.voxelZUm();
				if (x < 0 || y < 0 || z < 0 || x > v.width() - 1 || y > v.height() - 1 || z > v.depth() - 1) continue;
				// away from the far edges the two clamp identically; at the edge the volume field steps back one voxel
				if (x > v.width() - 2 || y > v.height() - 2 || z > v.depth() - 2) continue;
				if (!patches.sample(i, x, y, z, a)) {
					escaped++;
					continue;
				}
				assertTrue(whole.sample(i, x, y, z, b));
				assertArrayEquals(b, a, 1e-9, "sample " + i);
				compared++;
			}
		}
		assertTrue(compared > 300, "compared " + compared);
		assertEquals(0, escaped, "moves under a voxel stay within the patches");
		// a move of two voxels leaves them: the field says so instead of reading from the wrong place
		double[] m = start.then(Affine3D.translation(2.2 * v.voxelXUm(), 0, 0)).toArray();
		double x = (m[0] * px[0] + m[1] * py[0] + m[2] * pz[0] + m[3]) / v.voxelXUm();
		double y = (m[4] * px[0] + m[5] * py[0] + m[6] * pz[0] + m[7]) / v.voxelYUm();
		double z = (m[8] * px[0] + m[9] * py[0] + m[10] * pz[0] + m[11]) / v.voxelZUm();
		assertFalse(patches.sample(0, x, y, z, a));
	}
}
