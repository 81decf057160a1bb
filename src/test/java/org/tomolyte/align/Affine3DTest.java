package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

class Affine3DTest {
	@Test
	void rotationConventionFollowsRightHandRule() {
		double[] p = Affine3D.rotationDegrees(0, 0, 90).apply(1, 0, 0);
		assertArrayEquals(new double[] { 0, 1, 0 }, p, 1e-12); // x → y about z
		p = Affine3D.rotationDegrees(90, 0, 0).apply(0, 1, 0);
		assertArrayEquals(new double[] { 0, 0, 1 }, p, 1e-12); // y → z about x
		p = Affine3D.rotationDegrees(0, 90, 0).apply(0, 0, 1);
		assertArrayEquals(new double[] { 1, 0, 0 }, p, 1e-12); // z → x about y
		// order: x first, then y, then z
		Affine3D composed = Affine3D.rotationDegrees(0, 0, 30).concatenate(Affine3D.rotationDegrees(0, 20, 0)).concatenate(Affine3D.rotationDegrees(10, 0, 0));
		assertEquals(0, composed.maxDifferenceUm(Affine3D.rotationDegrees(10, 20, 30), 1, 1, 1), 1e-12);
	}

	@Test
	void decompositionInverseAndCompositionRoundTrip() {
		Random r = new Random(3);
		for (int i = 0; i < 50; i++) {
			double rx = 170 * (r.nextDouble() - 0.5) * 2, ry = 85 * (r.nextDouble() - 0.5) * 2, rz = 170 * (r.nextDouble() - 0.5) * 2;
			double tx = 50 * r.nextGaussian(), ty = 50 * r.nextGaussian(), tz = 50 * r.nextGaussian();
			Affine3D a = Affine3D.rigid(rx, ry, rz, tx, ty, tz);
			assertArrayEquals(new double[] { rx, ry, rz }, a.rotationDegrees(), 1e-9);
			assertArrayEquals(new double[] { tx, ty, tz }, a.translationUm(), 1e-9);
			assertTrue(a.isRigid(1e-12));
			assertEquals(0, a.concatenate(a.inverse()).maxDifferenceUm(Affine3D.identity(), 100, 100, 100), 1e-9);
			Affine3D b = Affine3D.rigid(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), 0, 1);
			double[] p = { 3, -4, 5 };
			double[] viaCompose = a.concatenate(b).apply(p, new double[3]);
			double[] stepwise = a.apply(b.apply(p, new double[3]), new double[3]);
			assertArrayEquals(stepwise, viaCompose, 1e-9);
			assertArrayEquals(stepwise, b.then(a).apply(p, new double[3]), 1e-9);
		}
	}

	@Test
	void generalAffineInverseAndNearestRotation() {
		Affine3D a = Affine3D.of(1.2, 0.1, 0, 3, -0.05, 0.9, 0.2, 1, 0, 0.1, 1.1, -2);
		assertEquals(0, a.inverse().concatenate(a).maxDifferenceUm(Affine3D.identity(), 10, 10, 10), 1e-12);
		assertFalse(a.isRigid(1e-3));
		Affine3D scaledRotation = Affine3D.rotationDegrees(5, -3, 2).concatenate(Affine3D.scaling(2, 2, 2));
		assertArrayEquals(new double[] { 5, -3, 2 }, scaledRotation.rotationDegrees(), 1e-9);
		assertThrows(AlignException.class, () -> Affine3D.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0));
		assertThrows(AlignException.class, () -> Affine3D.of(1, 2, 3));
	}
}
