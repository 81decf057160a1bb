package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;

class CrossSectionTest {
	/** Trilinear sampling reproduces a linear field exactly: I = 2x + 3y + 5z (voxel units, 0.5 µm voxels). */
	@Test
	void sectionOfALinearField() {
		Volume v = new Volume(20, 20, 20, 0.5);
		for (int z = 0; z < 20; z++)
			for (int y = 0; y < 20; y++)
				for (int x = 0; x < 20; x++) v.set(x, y, z, 2 * x + 3 * y + 5 * z);
		double s = Math.sqrt(0.5);
		CrossSection cs = new CrossSection(new double[] { 5, 5, 5 }, new double[] { s, s, 0 }, new double[] { 0, 0, 1 }, 9, 7, 0.5);
		float[] img = cs.sample(v);
		for (int r = 0; r < 7; r++)
			for (int c = 0; c < 9; c++) {
				double a = (c - 4) * 0.5, b = (3 - r) * 0.5;
				double x = (5 + a * s) / 0.5, y = (5 + a * s) / 0.5, z = (5 + b) / 0.5;
				assertEquals(2 * x + 3 * y + 5 * z, img[r * 9 + c], 1e-3);
			}
	}
}
