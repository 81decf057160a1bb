package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlatFieldTest {
	private static ProjectionSet scan(float[][] proj, float[][] flats, double[] flatPos, float[][] darks) {
		return new ProjectionSet(2, 1, 0, proj, Sinograms.evenAnglesRad(proj.length, 0, 180), flats, flatPos, darks, 1.0, ProjectionSet.Kind.COUNTS, "test");
	}

	@Test
	void beerLambertWithMeanAndMedianStacks() {
		// I = D + (F − D)·exp(−p): p must come back exactly
		float d = 100, f = 10100;
		float[][] proj = { { (float) (d + (f - d) * Math.exp(-0.5)), (float) (d + (f - d) * Math.exp(-2)) }, { f, d + (f - d) / 2 } };
		float[][] flats = { { f - 50, f - 50 }, { f + 50, f + 50 }, { f, f } };
		float[][] darks = { { d, d }, { d + 3000, d + 3000 }, { d, d } }; // an outlier dark: median ignores it
		FlatField.Result mean = new FlatField(FlatField.Combine.MEAN, false, true, 1e-4).apply(scan(proj, flats, null, new float[][] { { d, d } }));
		assertEquals(0.5, mean.projections().projections()[0][0], 1e-5);
		assertEquals(2.0, mean.projections().projections()[0][1], 1e-5);
		assertEquals(0.0, mean.projections().projections()[1][0], 1e-6);
		assertEquals(Math.log(2), mean.projections().projections()[1][1], 1e-5);
		FlatField.Result median = new FlatField(FlatField.Combine.MEDIAN, false, true, 1e-4).apply(scan(proj, flats, null, darks));
		assertEquals(0.5, median.projections().projections()[0][0], 1e-5);
		assertEquals(0, median.clampedCount());
	}

	@Test
	void flatsBeforeAndAfterAreInterpolatedByProjectionIndex() {
		// beam decays linearly from 1000 (before) to 600 (after) over 5 projections; the sample transmits 50 %
		int n = 5;
		float[][] proj = new float[n][2];
		for (int i = 0; i < n; i++) {
			float beam = 1000 - 400f * (i + 0.5f) / n;
			proj[i][0] = proj[i][1] = beam / 2;
		}
		float[][] flats = { { 1000, 1000 }, { 600, 600 } };
		double[] pos = { -0.5, n - 0.5 };
		FlatField.Result r = new FlatField(FlatField.Combine.MEAN, true, true, 1e-4).apply(scan(proj, flats, pos, null));
		for (int i = 0; i < n; i++)
			assertEquals(Math.log(2), r.projections().projections()[i][0], 1e-5, "projection " + i);
		FlatField.Result flat = new FlatField(FlatField.Combine.MEAN, false, true, 1e-4).apply(scan(proj, flats, pos, null));
		assertTrue(Math.abs(flat.projections().projections()[0][0] - Math.log(2)) > 0.1, "without interpolation the decay is not corrected");
	}

	@Test
	void nonPositiveTransmissionIsClampedAndCounted() {
		float[][] proj = { { 50, 0 }, { Float.NaN, 500 } };
		float[][] flats = { { 1000, 1000 } };
		float[][] darks = { { 100, 100 } };
		FlatField.Result r = new FlatField(FlatField.Combine.MEAN, false, true, 1e-3).apply(scan(proj, flats, null, darks));
		assertEquals(3, r.clampedCount());
		assertEquals(-Math.log(1e-3), r.projections().projections()[0][0], 1e-4);
		assertEquals(-Math.log(1e-3), r.projections().projections()[1][0], 1e-4);
		for (float[] p : r.projections().projections())
			for (float v : p)
				assertTrue(Float.isFinite(v));
	}

	@Test
	void deadPixelsAreFilledFromTheirNeighbours() {
		// 6-pixel row, pixel 3 dead (flat = dark): a ramp of line integrals 0.1·x must come back, the dead pixel interpolated
		int w = 6;
		float d = 100, f = 10100;
		float[][] proj = new float[3][w];
		float[] flat = new float[w], dark = new float[w];
		for (int x = 0; x < w; x++) {
			flat[x] = x == 3 ? d + 2 : f;
			dark[x] = d;
			for (int i = 0; i < 3; i++)
				proj[i][x] = x == 3 ? d - 1 : (float) (d + (f - d) * Math.exp(-0.1 * x));
		}
		ProjectionSet raw = new ProjectionSet(w, 1, 0, proj, Sinograms.evenAnglesRad(3, 0, 180), new float[][] { flat }, null,
				new float[][] { dark }, 1.0, ProjectionSet.Kind.COUNTS, "test");
		FlatField.Result r = FlatField.defaults().apply(raw);
		assertEquals(1, r.deadPixels());
		assertEquals(0, r.clampedCount(), "a dead pixel is filled, not clamped");
		for (int x = 0; x < w; x++)
			assertEquals(0.1 * x, r.projections().projections()[1][x], 1e-5, "x = " + x);
	}
}
