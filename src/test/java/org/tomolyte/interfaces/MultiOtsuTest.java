package org.tomolyte.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;

class MultiOtsuTest {

	/** Three equal, equally wide Gaussian peaks: by symmetry the optimal cuts are the midpoints between them. */
	@Test
	void threeSymmetricPeaksAreCutAtTheMidpoints() {
		double[] c = new double[300];
		double[] means = { 50, 150, 250 };
		for (int b = 0; b < c.length; b++)
			for (double m : means) c[b] += Math.exp(-0.5 * Math.pow((b - m) / 12, 2));
		int[] cut = MultiOtsu.cutBins(c, 3);
		assertEquals(100, cut[0], 1);
		assertEquals(200, cut[1], 1);
	}

	/**
	 * The brightest class of the automatic three-phase thresholds on a real XCT slice (a multi-phase Li-ion cell)
	 * agrees with the expert mask shipped with it.
	 */
	@Test
	void realSliceAgreesWithExpertMask() {
		Path im = TestData.file("xct/battery_xct_workflows/im_1.tif"), mk = TestData.file("xct/battery_xct_workflows/mask_1.tif");
		ImagePlus ip = IJ.openImage(im.toString()), mp = IJ.openImage(mk.toString());
		ImageProcessor a = ip.getProcessor(), m = mp.getProcessor();
		float[] px = new float[a.getPixelCount()];
		for (int i = 0; i < px.length; i++) px[i] = a.getf(i);
		org.tomolyte.model.Volume v = new org.tomolyte.model.Volume(a.getWidth(), a.getHeight(), new float[][] { px }, 1, 1, 1);
		double t = PhaseThresholds.automatic(v, false).electrolyteMin();
		long tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < px.length; i++) {
			boolean seg = px[i] >= t, ref = m.get(i) > 0;
			if (seg && ref) tp++;
			else if (seg) fp++;
			else if (ref) fn++;
		}
		double dice = 2.0 * tp / (2.0 * tp + fp + fn);
		assertTrue(dice > 0.85, "Dice of the Otsu segmentation against the expert mask: " + dice);
	}
}
