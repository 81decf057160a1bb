package org.tomolyte.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;

class PhaseSegmentationTest {
	/**
	 * Four populations (void 0, liquid metal 0.22, K-rich precipitate 0.7, electrolyte 1.4) in known proportions,
	 * with noise well below their spacing: automatic four-class thresholds recover the proportions.
	 */
	@Test
	void fourPhasesWithPrecipitate() {
		java.util.Random r = new java.util.Random(4);
		Volume v = new Volume(40, 40, 20, 1.0);
		double[] grey = { 0, 0.22, 0.7, 1.4 };
		int[] count = new int[4];
		for (int z = 0; z < 20; z++)
			for (int i = 0; i < 1600; i++) {
				int p = z < 4 ? 0 : z < 9 ? 1 : z < 11 ? 2 : 3;
				count[p]++;
				v.slice(z)[i] = (float) (grey[p] + 0.03 * r.nextGaussian());
			}
		PhaseThresholds t = PhaseThresholds.automatic(v, true);
		double[] f = PhaseSegmentation.classify(v, t).fractions();
		int n = 40 * 40 * 20;
		assertEquals(count[0] / (double) n, f[Phase.VOID.ordinal()], 1e-3);
		assertEquals(count[1] / (double) n, f[Phase.LIQUID_METAL.ordinal()], 1e-3);
		assertEquals(count[2] / (double) n, f[Phase.PRECIPITATE.ordinal()], 1e-3);
		assertEquals(count[3] / (double) n, f[Phase.ELECTROLYTE.ordinal()], 1e-3);
	}
}
