package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PolarRingFilterTest {
	private static final int N = 256;

	/** A slice: large disc, an off-centre dense disc and a smooth gradient (none of them rings). */
	private static float[][] slice(double cx, double cy) {
		float[][] img = new float[N][N];
		for (int y = 0; y < N; y++)
			for (int x = 0; x < N; x++) {
				double r = Math.hypot(x - cx, y - cy);
				if (r < 110) img[y][x] = (float) (1.0 + 0.002 * (x - cx));
				if (Math.hypot(x - cx - 45, y - cy + 30) < 15) img[y][x] += 0.8f;
			}
		return img;
	}

	private static float[][] withRings(float[][] img, double cx, double cy) {
		float[][] out = SyntheticSinograms.copy(img);
		double[] radii = { 22.3, 47.8, 71.1, 93.6 };
		for (int y = 0; y < N; y++)
			for (int x = 0; x < N; x++) {
				double r = Math.hypot(x - cx, y - cy);
				for (double rk : radii)
					if (Math.abs(r - rk) < 0.8) out[y][x] += 0.15f;
			}
		return out;
	}

	@Test
	void removesRingsAroundAnOffCentreAxisAndKeepsTheObject() {
		double cx = 130.5, cy = 124.0;
		float[][] truth = slice(cx, cy);
		float[][] ringed = withRings(truth, cx, cy);
		PolarRingFilter filter = new PolarRingFilter(PolarRingFilter.Settings.DEFAULT.withCentre(cx, cy));
		float[][] out = filter.apply(ringed);
		double before = StripeMetrics.rmsDifference(ringed, truth);
		double after = StripeMetrics.rmsDifference(out, truth);
		assertTrue(after < before / 2.5, "RMS vs ring-free slice " + before + " -> " + after);
		// the dense off-centre disc (not a ring) keeps its contrast within 5 %
		int y = (int) (cy - 30), x = (int) (cx + 45);
		double contrast = out[y][x] - out[y][x + 25];
		assertEquals(truth[y][x] - truth[y][x + 25], contrast, 0.04);
	}

	@Test
	void ringFreeSliceIsLeftAlmostUnchanged() {
		float[][] truth = slice((N - 1) / 2.0, (N - 1) / 2.0);
		float[][] out = new PolarRingFilter().apply(truth);
		assertTrue(StripeMetrics.rmsDifference(out, truth) < 0.01, "rms " + StripeMetrics.rmsDifference(out, truth));
	}

	@Test
	void centreOutsideTheSliceIsRejected() {
		StripeException e = assertThrows(StripeException.class,
				() -> new PolarRingFilter(PolarRingFilter.Settings.DEFAULT.withCentre(300, 10)).apply(slice(128, 128)));
		assertTrue(e.getMessage().contains("outside"), e.getMessage());
	}
}
