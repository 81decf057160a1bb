package org.tomolyte.view.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Iso-lines of fields whose level sets are known exactly. */
class ContoursTest {

	@Test
	void levelSetOfALinearFieldIsTheStraightLineWhereItEqualsTheLevel() {
		double[] x = { 0, 1, 2, 3 }, y = { 0, 10, 20 };
		double[][] v = new double[y.length][x.length];
		for (int r = 0; r < y.length; r++)
			for (int c = 0; c < x.length; c++)
				v[r][c] = x[c]; // v = x: the level 1.25 is the line x = 1.25
		List<double[]> segs = Contours.segments(x, y, v, 1.25);
		assertEquals(2, segs.size(), "one segment per row of cells");
		for (double[] s : segs) {
			assertEquals(1.25, s[0], 1e-12);
			assertEquals(1.25, s[2], 1e-12);
			assertEquals(10, Math.abs(s[3] - s[1]), 1e-12);
		}
	}

	@Test
	void circleOfARadialFieldAndNaNCellsSkipped() {
		int n = 41;
		double[] x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++)
			x[i] = y[i] = -2 + 4.0 * i / (n - 1);
		double[][] v = new double[n][n];
		for (int r = 0; r < n; r++)
			for (int c = 0; c < n; c++)
				v[r][c] = Math.hypot(x[c], y[r]);
		for (double[] s : Contours.segments(x, y, v, 1)) {
			// linear interpolation of |r| on a 0.1 grid puts crossings within a few thousandths of the circle
			assertEquals(1, Math.hypot(s[0], s[1]), 0.01);
			assertEquals(1, Math.hypot(s[2], s[3]), 0.01);
		}
		int all = Contours.segments(x, y, v, 1).size();
		v[20][29] = Double.NaN; // the node (0.9, 0) beside the circle, as in a failed spectrum's row
		List<double[]> holed = Contours.segments(x, y, v, 1);
		assertTrue(holed.size() < all);
		for (double[] s : holed) // the four cells around the node span x 0.8–1.0, y −0.1–0.1
			assertFalse(s[0] > 0.8 - 1e-9 && s[0] < 1.0 + 1e-9 && Math.abs(s[1]) < 0.1 - 1e-9 && s[2] > 0.8 - 1e-9 && s[2] < 1.0 + 1e-9
					&& Math.abs(s[3]) < 0.1 - 1e-9, "cells with a NaN corner give no segment");
		assertTrue(Contours.segments(x, y, v, 5).isEmpty(), "no level set outside the field's range");
	}
}
