package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The readable decomposition (angles, translation about a centre) must give back the matrix it came from. */
class RigidTransformTest {
	@Test
	void decompositionRoundTripsAndInverseUndoes() {
		double[] c = { 61.75, 61.75, 40.95 }, t = { 1.3, -2.2, 0.7 };
		RigidTransform r = RigidTransform.of(0.3, -0.2, 0.9, c, t);
		assertArrayEquals(new double[] { 0.3, -0.2, 0.9 }, r.anglesDeg(), 1e-12);
		assertArrayEquals(t, r.translationAboutUm(c), 1e-12);
		// the centre moves by the translation only
		assertArrayEquals(new double[] { c[0] + t[0], c[1] + t[1], c[2] + t[2] }, r.apply(c), 1e-12);
		double[] p = { 10, 80, 5 };
		assertArrayEquals(p, r.inverse().apply(r.apply(p)), 1e-12);
		assertArrayEquals(p, r.compose(r.inverse()).apply(p), 1e-12);
		// a rotation about z by +90° takes +x to +y (right-handed)
		RigidTransform z90 = RigidTransform.of(0, 0, 90, new double[3], new double[3]);
		assertArrayEquals(new double[] { 0, 1, 0 }, z90.apply(new double[] { 1, 0, 0 }), 1e-12);
		assertEquals(90, z90.rotationAngleDeg(), 1e-9);
		assertEquals(r, RigidTransform.ofMatrix(r.matrix()));
		assertThrows(SyntheticCellException.class, () -> RigidTransform.ofMatrix(new double[][] { { 2, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 } }));
	}
}
