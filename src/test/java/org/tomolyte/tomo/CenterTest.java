package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CenterTest {
	@Test
	void voFindsKnownCentreWithinAQuarterPixel() {
		int w = 320;
		double[] a = Sinograms.evenAnglesRad(360, 0, 180);
		for (double c : new double[] { 160.0, 171.3, 142.75, 199.6 }) {
			float[][] s = Phantoms.cell(80).sinogram(a, w, c);
			double found = CenterVo.defaults().find(s, 0, 0);
			System.out.printf("Vo: true %.2f found %.3f%n", c, found);
			assertEquals(c, found, 0.25);
		}
	}

	@Test
	void phaseCorrelationFindsKnownCentre() {
		int w = 320;
		double[] a = Sinograms.evenAnglesInclusiveRad(361, 0, 180);
		double[] b = Sinograms.evenAnglesRad(360, 0, 180);
		for (double c : new double[] { 160.0, 171.3, 142.75 }) {
			double found = CenterPhaseCorrelation.find(a, Phantoms.cell(80).sinogram(a, w, c)).centerPx;
			double short180 = CenterPhaseCorrelation.find(b, Phantoms.cell(80).sinogram(b, w, c)).centerPx;
			System.out.printf("PC: true %.2f found %.3f (180 short: %.3f)%n", c, found, short180);
			assertEquals(c, found, 0.25);
			assertEquals(c, short180, 0.5);
		}
	}

	@Test
	void halfAcquisitionFindsOffsetAxisAndStitches() {
		int w = 200;
		double[] a = Sinograms.evenAnglesRad(720, 0, 360);
		Phantoms ph = Phantoms.cell(140);
		for (double c : new double[] { 181.4, 17.8 }) {
			float[][] s = ph.sinogram(a, w, c);
			double found = HalfAcquisition.findCenter(s, a, 8);
			System.out.printf("Half acquisition: true %.2f found %.3f%n", c, found);
			assertEquals(c, found, 0.25);
			HalfAcquisition.Stitched st = HalfAcquisition.stitch(s, a, found);
			int n = st.sinogram[0].length;
			float[][] ref = ph.sinogram(st.anglesRad, n, st.centerPx);
			double se = 0, max = 0;
			for (int i = 0; i < ref.length; i++)
				for (int x = 0; x < n; x++) {
					se += (ref[i][x] - st.sinogram[i][x]) * (ref[i][x] - st.sinogram[i][x]);
					max = Math.max(max, ref[i][x]);
				}
			double rms = Math.sqrt(se / (ref.length * n));
			System.out.printf("stitched RMS error %.2g of max %.3g%n", rms, max);
			assertEquals(0, rms / max, 0.005, "stitched sinogram matches the 180° sinogram of the full sample");
		}
	}

	@Test
	void tiltFromCentresAtSeveralRows() {
		int[] rows = { 0, 10, 20, 30 };
		double[] c = { 100, 100.5, 101, 101.5 };
		AxisTilt t = AxisTilt.fit(rows, c);
		assertEquals(0.05, t.slopePxPerRow, 1e-12);
		assertEquals(Math.toDegrees(Math.atan(0.05)), t.angleDeg(), 1e-9);
		assertEquals(100, t.centerAt(0), 1e-9);
	}
}
