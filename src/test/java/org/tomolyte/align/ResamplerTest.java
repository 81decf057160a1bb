package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

class ResamplerTest {
	private static Volume random(int w, int h, int d, long seed) {
		Volume v = new Volume(w, h, d, 1.5);
		Random r = new Random(seed);
		for (float[] s : v.slices())
			for (int i = 0; i < s.length; i++)
				s[i] = (float) r.nextGaussian();
		return v;
	}

	@Test
	void identityAndIntegerShiftsAreExactForEveryInterpolation() {
		Volume v = random(20, 18, 12, 1);
		for (Interpolation mode : Interpolation.values()) {
			Volume same = Resampler.resample(v, Affine3D.identity(), OutputGrid.of(v), mode, 0f, 2, Progress.NONE);
			for (int z = 0; z < v.depth(); z++)
				assertArrayEquals(v.slice(z), same.slice(z), 1e-5f, mode + " slice " + z);
			// the scan moved by +2 voxels in x maps into the reference: out(x) = scan(x − 2)… i.e. scan→ref = +2 voxels
			Volume shifted = Resampler.resample(v, Affine3D.translation(2 * 1.5, 0, -1.5), OutputGrid.of(v), mode, -7f, 1, Progress.NONE);
			assertEquals(v.get(5, 6, 4), shifted.get(7, 6, 3), 1e-5f);
			assertEquals(-7f, shifted.get(0, 6, 3), 0f, "outside the scan gets the fill value");
		}
	}

	@Test
	void linearAndCubicReproduceALinearFieldUnderRotation() {
		Volume v = new Volume(40, 40, 30, 1.0);
		for (int z = 0; z < 30; z++)
			for (int y = 0; y < 40; y++)
				for (int x = 0; x < 40; x++)
					v.set(x, y, z, (float) (0.3 * x - 0.2 * y + 0.7 * z + 5));
		Affine3D t = Affine3D.rotationAbout(20, 20, 15, 3, -2, 10).then(Affine3D.translation(0.37, -0.61, 0.25));
		for (Interpolation mode : new Interpolation[] { Interpolation.LINEAR, Interpolation.CUBIC }) {
			Volume out = Resampler.resample(v, t, OutputGrid.of(v), mode, Float.NaN, 2, Progress.NONE);
			Affine3D inv = t.inverse();
			for (int z = 8; z < 22; z += 3)
				for (int y = 8; y < 32; y += 5)
					for (int x = 8; x < 32; x += 5) {
						double[] q = inv.apply(x, y, z);
						assertEquals(0.3 * q[0] - 0.2 * q[1] + 0.7 * q[2] + 5, out.get(x, y, z), 1e-4, mode + " at " + x + "," + y + "," + z);
					}
		}
	}

	@Test
	void nearestNeighbourKeepsLabelValues() {
		Volume labels = new Volume(16, 16, 8, 1.0);
		for (int z = 0; z < 8; z++)
			for (int i = 0; i < 256; i++)
				labels.slice(z)[i] = (i * 7 + z) % 4;
		Volume out = Resampler.resample(labels, Affine3D.rotationAbout(8, 8, 4, 0, 0, 17).then(Affine3D.translation(0.4, 0.3, 0)), OutputGrid.of(labels),
				Interpolation.NEAREST, 0f, 1, Progress.NONE);
		for (float[] s : out.slices())
			for (float f : s)
				assertTrue(f == 0 || f == 1 || f == 2 || f == 3, "label " + f);
	}

	@Test
	void slicesArriveInOrderAndResultDoesNotDependOnThreads() {
		Volume v = random(24, 20, 17, 2);
		Affine3D t = Affine3D.rigid(1, 2, 3, 0.5, 0.25, -0.75);
		List<Integer> order = new ArrayList<>();
		float[][] one = new float[17][], two = new float[17][];
		Resampler.resample(v, t, OutputGrid.of(v), Interpolation.CUBIC, 0f, 1, (z, s) -> one[z] = s, Progress.NONE);
		Resampler.resample(v, t, OutputGrid.of(v), Interpolation.CUBIC, 0f, 3, (z, s) -> {
			order.add(z);
			two[z] = s;
		}, Progress.NONE);
		for (int z = 0; z < 17; z++) {
			assertEquals(z, order.get(z));
			assertArrayEquals(one[z], two[z], 0f);
		}
	}

	@Test
	void commonFieldOfViewOfTranslatedScansIsTheirOverlap() {
		Volume a = new Volume(50, 40, 30, 2.0), b = new Volume(50, 40, 30, 2.0);
		// scan b moved so that its voxel (0,0,0) lies at reference voxel (3, −2, 5)
		Affine3D tb = Affine3D.translation(6, -4, 10);
		OutputGrid g = OutputGrid.commonFieldOfView(a, Arrays.asList(a, b), Arrays.asList(Affine3D.identity(), tb));
		assertEquals(47, g.width());
		assertEquals(38, g.height());
		assertEquals(25, g.depth());
		assertEquals(6, g.originXUm(), 1e-9);
		assertEquals(0, g.originYUm(), 1e-9);
		assertEquals(10, g.originZUm(), 1e-9);
		// every corner of the grid must map inside both scans
		Affine3D rot = Affine3D.rotationAbout(50, 40, 30, 1, -1, 2);
		OutputGrid r = OutputGrid.commonFieldOfView(a, Arrays.asList(a, b), Arrays.asList(rot, tb));
		for (Affine3D t : Arrays.asList(rot, tb))
			for (int c = 0; c < 8; c++) {
				double[] p = { r.originXUm() + (c & 1) * (r.width() - 1) * 2.0, r.originYUm() + ((c >> 1) & 1) * (r.height() - 1) * 2.0,
						r.originZUm() + ((c >> 2) & 1) * (r.depth() - 1) * 2.0 };
				double[] q = t.inverse().apply(p, new double[3]);
				assertTrue(q[0] >= -1e-6 && q[0] <= 98 + 1e-6 && q[1] >= -1e-6 && q[1] <= 78 + 1e-6 && q[2] >= -1e-6 && q[2] <= 58 + 1e-6, Arrays.toString(q));
			}
		assertThrows(AlignException.class, () -> OutputGrid.commonFieldOfView(a, Arrays.asList(a, b), Arrays.asList(Affine3D.identity(), Affine3D.translation(200, 0, 0))));
	}
}
