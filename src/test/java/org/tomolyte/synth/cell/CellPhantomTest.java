package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The phantom's "uniform ball" shortcut, on which rendering relies, must never hide a boundary. */
class CellPhantomTest {
	@Test
	void uniformBallsHoldOneMaterial() {
		for (CellParameters p : new CellParameters[] { CellParameters.defaults(), SecondGeometry.apply(CellParameters.builder()).build() }) {
			CellGeometry g = new CellGeometry(p);
			CellPhantom ph = g.phantom(p.scanCount() - 1);
			SplittableRandom r = new SplittableRandom(5);
			double[] o = g.crackOriginUm();
			int uniform = 0;
			for (int i = 0; i < 20000; i++) {
				// half the probes near the crack, where the shortcut is subtle
				double x, y, z;
				if (i % 2 == 0) {
					x = r.nextDouble() * p.widthVoxels() * p.voxelUm();
					y = r.nextDouble() * p.heightVoxels() * p.voxelUm();
					z = r.nextDouble() * p.depthVoxels() * p.voxelUm();
				} else {
					x = o[0] + (r.nextDouble() - 0.5) * 60;
					y = o[1] + (r.nextDouble() - 0.5) * 60;
					z = o[2] - r.nextDouble() * 35 + 3;
				}
				double radius = 0.2 + r.nextDouble() * 2;
				if (!ph.isUniform(x, y, z, radius)) continue;
				uniform++;
				Material m = ph.classify(x, y, z);
				for (int k = 0; k < 60; k++) {
					double dx = r.nextDouble() * 2 - 1, dy = r.nextDouble() * 2 - 1, dz = r.nextDouble() * 2 - 1;
					double l = Math.sqrt(dx * dx + dy * dy + dz * dz);
					if (l > 1 || l == 0) continue;
					double f = radius * Math.cbrt(r.nextDouble()) / l;
					double bx = x, by = y, bz = z, br = radius;
					assertEquals(m, ph.classify(x + dx * f, y + dy * f, z + dz * f), () -> "ball at " + bx + ", " + by + ", " + bz + " radius " + br);
				}
			}
			assertTrue(uniform > 5000, "most probes are in uniform regions");
		}
	}
}
