package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FbpTest {

	/** Interior mean of a disc and the mean outside it, reconstructed from its analytic sinogram. */
	private static double[] discMeans(FilterWindow window, Padding padding, int angles, double centerPx) {
		int w = 200;
		double mu = 0.02, r = 60;
		Phantoms disc = new Phantoms(new Phantoms.Disc(8, -5, r, mu));
		double[] a = Sinograms.evenAnglesRad(angles, 0, 180);
		float[] img = new Fbp(window, padding, true, 2).reconstruct(disc.sinogram(a, w, centerPx), a, centerPx, w);
		double h = (w - 1) / 2.0, in = 0, out = 0;
		int nin = 0, nout = 0;
		for (int y = 0; y < w; y++)
			for (int x = 0; x < w; x++) {
				double d = Math.hypot(x - h - 8, y - h + 5);
				if (d < r - 4) {
					in += img[y * w + x];
					nin++;
				} else if (d > r + 4 && Math.hypot(x - h, y - h) < h - 4) {
					out += img[y * w + x];
					nout++;
				}
			}
		return new double[] { in / nin, out / nout };
	}

	@Test
	void uniformDiscReconstructsToItsAttenuationPerPixel() {
		// Line integrals 2μ√(R²−s²) with μ = 0.02 / px must give 0.02 / px inside, 0 outside.
		for (FilterWindow win : FilterWindow.values()) {
			double[] m = discMeans(win, Padding.ZERO, 360, 101.3);
			assertEquals(0.02, m[0], 0.02 * 0.01, "disc interior with " + win);
			assertEquals(0, m[1], 0.02 * 0.01, "outside the disc with " + win);
		}
		double[] edge = discMeans(FilterWindow.SHEPP_LOGAN, Padding.EDGE, 360, 98.75);
		assertEquals(0.02, edge[0], 0.02 * 0.01, "edge padding keeps the scale");
	}

	@Test
	void phantomErrorIsSmallAwayFromEdges() {
		int w = 256;
		Phantoms ph = Phantoms.cell(100);
		double c = 131.4;
		double[] a = Sinograms.evenAnglesRad(400, 0, 180);
		float[] img = new Fbp(FilterWindow.SHEPP_LOGAN, Padding.EDGE, true, 2).reconstruct(ph.sinogram(a, w, c), a, c, w);
		float[] truth = ph.image(w);
		double h = (w - 1) / 2.0, se = 0, max = 0;
		int n = 0;
		for (int y = 0; y < w; y++)
			for (int x = 0; x < w; x++) {
				if (ph.edgeDistance(x - h, y - h) < 3 || Math.hypot(x - h, y - h) > h - 3) continue;
				double e = img[y * w + x] - truth[y * w + x];
				se += e * e;
				max = Math.max(max, Math.abs(truth[y * w + x]));
				n++;
			}
		double rms = Math.sqrt(se / n);
		System.out.printf("FBP phantom RMS error (≥3 px from edges): %.3g (%.2f %% of max %.3g)%n", rms, 100 * rms / max, max);
		assertTrue(rms < 0.01 * max, "RMS error " + rms + " should be below 1 % of the phantom maximum " + max);
	}

	@Test
	void outputIsBitIdenticalForAnyThreadCount() {
		int w = 150;
		double[] a = Sinograms.evenAnglesRad(181, 0, 180);
		float[][] s = Phantoms.cell(60).sinogram(a, w, 77.3);
		float[] one = new Fbp(FilterWindow.HANN, Padding.EDGE, true, 1).reconstruct(s, a, 77.3, 0);
		for (int t : new int[] { 2, 3, 7 })
			assertArrayEquals(one, new Fbp(FilterWindow.HANN, Padding.EDGE, true, t).reconstruct(s, a, 77.3, 0), "threads " + t);
	}

	@Test
	void maskZeroesOutsideTheCircleAndCentreIsChecked() {
		int w = 64;
		double[] a = Sinograms.evenAnglesRad(90, 0, 180);
		float[][] s = Phantoms.cell(20).sinogram(a, w, 31.5);
		float[] img = Fbp.defaults().reconstruct(s, a, 31.5, w);
		assertEquals(0f, img[0]);
		assertEquals(0f, img[w * w - 1]);
		TomoException e = assertThrows(TomoException.class, () -> Fbp.defaults().reconstruct(s, a, 70, w));
		assertTrue(e.getMessage().contains("outside the detector"), e.getMessage());
		s[3][5] = Float.NaN;
		e = assertThrows(TomoException.class, () -> Fbp.defaults().reconstruct(s, a, 31.5, w));
		assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
		assertThrows(TomoException.class, () -> Fbp.defaults().reconstruct(s, new double[5], 31.5, w));
	}
}
