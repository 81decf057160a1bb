package org.tomolyte.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;

/**
 * Height map, levels, blur, contact fraction, roughness and tilt of an analytic blurred interface: a tilted
 * plane z = h(x, y) with a blurred step I(z) = I_lm + (I_e − I_lm) Φ((h − z)/σ), and disc-shaped voids of known
 * footprint above it.
 */
class InterfaceAnalyzerTest {
	static final double E = 1.4, LM = 0.22, SIGMA = 0.8;

	static double h(double x, double y) {
		return 20.3 + 0.04 * x - 0.02 * y;
	}

	static Volume cell(double[][] voids) {
		int n = 64, d = 40;
		Volume v = new Volume(n, n, d, 1.0);
		for (int z = 0; z < d; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double top = LM;
					for (double[] c : voids)
						if (Math.hypot(x - c[0], y - c[1]) <= c[2]) top = 0; // void column: the gap reaches 4 voxels up
					double hh = h(x, y), s = hh - z;
					double value = s >= -4.5 || top == LM ? top + (E - top) * InterfaceAnalyzer.phi(s / SIGMA) : LM + (E - LM) * InterfaceAnalyzer.phi(s / SIGMA);
					v.set(x, y, z, (float) value);
				}
		return v;
	}

	@Test
	void heightTiltLevelsAndContact() {
		double[][] voids = { { 20, 20, 6 }, { 44, 40, 5 } };
		Volume v = cell(voids);
		HeightMap hm = HeightMap.of(v, 0.5 * (E + LM));
		// sub-voxel height: exact for the noise-free linear-interpolated crossing within 0.05 voxel
		for (int y = 5; y < 60; y += 11)
			for (int x = 5; x < 60; x += 13)
				if (Math.hypot(x - 20, y - 20) > 7 && Math.hypot(x - 44, y - 40) > 6) assertEquals(h(x, y), hm.at(x, y), 0.05, x + "," + y);
		PhaseLevels lv = PhaseLevels.measure(v, hm, 0.5 * (E + LM));
		assertEquals(E, lv.electrolyteGrey(), 0.01);
		assertEquals(LM, lv.liquidMetalGrey(), 0.01);
		assertEquals(SIGMA, lv.blurSigmaVoxels(), 0.1);
		ContactRegion all = ContactRegion.disc(hm, 32, 32, 28);
		InterfaceMetrics m = InterfaceAnalyzer.analyze(v, hm, all, lv);
		double voidArea = Math.PI * (36 + 25);
		double nominal = all.columnCount();
		assertEquals(1 - voidArea / nominal, m.contactFraction(), 0.02);
		assertEquals(Math.toDegrees(Math.atan(Math.hypot(0.04, 0.02))), m.tiltDeg(), 0.02);
		assertEquals(0, m.roughnessRmsUm(), 0.1); // void columns bias their heights slightly (the crossing level assumes liquid metal above)
		// effective current density = I / (contact fraction × area)
		assertEquals(0.0882 / (m.contactFraction() * 0.126), m.effectiveCurrentDensityMaCm2(0.0882, 0.126), 1e-12);
	}
}
