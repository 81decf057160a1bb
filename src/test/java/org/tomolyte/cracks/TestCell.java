package org.tomolyte.cracks;

import java.util.Random;
import java.util.stream.IntStream;

import org.tomolyte.model.Volume;

/**
 * A small synthetic NaK | NASICON cell with analytic truth for the crack tests (independent of the library):
 * tilted, gently rough interface inside an O-ring, two interfacial voids, a half-elliptical crack sheet in the
 * sheared frame δ = h(x, y) − z (opening w₀(1 − ρ²)^p, exact volume w₀ a D π / (2 (p + 1) sin dip)), and a
 * half-ellipsoidal edge chip (volume 2/3 π a b c). Rendered with 3³ supersampling near boundaries, Gaussian
 * blur and Gaussian noise.
 */
final class TestCell {
	// geometry in voxel units (voxel = 1.3 µm)
	int n = 96, nz = 64;
	double voxelUm = 1.3;
	double centre = 47.5, pelletR = 45, contactR = 35;
	double h0 = 26, slopeX = 0.015, slopeY = -0.008, roughAmp = 0.35;
	double lmThickness = 22;
	double eGrey = 1.40, lmGrey = 0.22, oringGrey = 0.33, collectorGrey = 0.56, voidGrey = 0;
	double blurSigma = 0.7, noiseSigma = 0.04;
	long seed = 7;
	// crack
	double crackAzimuthDeg = 30, crackEdgeOffset = 8, strikeOffsetDeg = 0, dipDeg = 75, aspect = 1.3, exponent = 0.25;
	boolean dipInward = true;
	// chip (voxels)
	double chipA = 6.2, chipB = 3.9, chipC = 3.9, chipGap = 1.6;
	double[][] voids = { { 40, 60, 4.0, 1.8 }, { 60, 36, 3.0, 1.6 } }; // x, y, radius, half-height

	/** Per scan: crack depth (voxels, 0 = none), crack max opening (voxels), crack filled, chip present, chip filled. */
	double[] crackDepth = { 0, 5.7, 9.5, 14, 20 };
	double[] crackOpening = { 0, 2.0, 2.3, 2.6, 2.85 };
	boolean[] crackFilled = { false, false, false, false, true };
	boolean[] chipPresent = { false, false, false, true, true };
	boolean[] chipFilled = { false, false, false, false, true };

	double ox, oy, tx, ty, mx, my, chipX, chipY;

	void place() {
		double az = Math.toRadians(crackAzimuthDeg);
		double r0 = contactR - crackEdgeOffset;
		ox = centre + r0 * Math.cos(az);
		oy = centre + r0 * Math.sin(az);
		double strike = az + Math.PI / 2 + Math.toRadians(strikeOffsetDeg);
		tx = Math.cos(strike);
		ty = Math.sin(strike);
		// m: horizontal dip direction, towards the cell centre when dipInward
		mx = -ty;
		my = tx;
		double inward = mx * (centre - ox) + my * (centre - oy);
		if ((inward < 0) == dipInward) { mx = -mx; my = -my; }
		double maxOpen = 0;
		for (double w : crackOpening) maxOpen = Math.max(maxOpen, w);
		double off = chipGap + chipB + 0.5 * maxOpen / Math.sin(Math.toRadians(dipDeg));
		chipX = ox - off * mx;
		chipY = oy - off * my;
	}

	double surface(double x, double y) {
		return h0 + slopeX * (x - centre) + slopeY * (y - centre) + roughAmp * Math.sin(x * 0.31 + 0.5) * Math.cos(y * 0.23 + 0.2);
	}

	boolean inCrack(int scan, double x, double y, double depth) {
		double dmax = crackDepth[scan];
		if (dmax <= 0 || depth < 0 || depth > dmax) return false;
		double dx = x - ox, dy = y - oy;
		double u = dx * tx + dy * ty, a = aspect * dmax;
		double rho2 = (u / a) * (u / a) + (depth / dmax) * (depth / dmax);
		if (rho2 > 1) return false;
		double dip = Math.toRadians(dipDeg);
		double e = dx * mx + dy * my, ec = depth * Math.cos(dip) / Math.sin(dip);
		double half = 0.5 * crackOpening[scan] * Math.pow(1 - rho2, exponent) / Math.sin(dip);
		return Math.abs(e - ec) <= half;
	}

	boolean inChip(double x, double y, double depth) {
		if (depth < 0 || depth > chipC) return false;
		double dx = x - chipX, dy = y - chipY;
		double u = (dx * tx + dy * ty) / chipA, e = (dx * mx + dy * my) / chipB, d = depth / chipC;
		return u * u + e * e + d * d <= 1;
	}

	double grey(int scan, double x, double y, double z) {
		double r = Math.hypot(x - centre, y - centre);
		if (r > pelletR) return 0;
		double h = surface(x, y), depth = h - z;
		if (depth >= 0) {
			if (chipPresent[scan] && inChip(x, y, depth)) return chipFilled[scan] ? lmGrey : voidGrey;
			if (inCrack(scan, x, y, depth)) return crackFilled[scan] ? lmGrey : voidGrey;
			return eGrey;
		}
		if (z > h0 + lmThickness) return collectorGrey;
		if (r >= contactR) return oringGrey;
		for (double[] v : voids) {
			double q = ((x - v[0]) * (x - v[0]) + (y - v[1]) * (y - v[1])) / (v[2] * v[2]) + (depth / v[3]) * (depth / v[3]);
			if (q <= 1) return voidGrey;
		}
		return lmGrey;
	}

	Volume render(int scan) {
		place();
		double dmax = 0;
		for (double dd : crackDepth) dmax = Math.max(dmax, dd);
		double reach = aspect * dmax + chipA + chipB + 8, deep = Math.max(dmax, chipC) + 3;
		float[][] s = new float[nz][n * n];
		IntStream.range(0, nz).parallel().forEach(z -> {
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double c = grey(scan, x, y, z);
					boolean uniform = true;
					for (int k = 0; k < 6 && uniform; k++) {
						double dx = k == 0 ? 0.5 : k == 1 ? -0.5 : 0, dy = k == 2 ? 0.5 : k == 3 ? -0.5 : 0, dz = k == 4 ? 0.5 : k == 5 ? -0.5 : 0;
						if (grey(scan, x + dx, y + dy, z + dz) != c) uniform = false;
					}
					double below = surface(x, y) - z;
					boolean near = Math.abs(below) < 2 || (Math.hypot(x - ox, y - oy) < reach && below < deep && below > -2);
					if (uniform && !near) { s[z][y * n + x] = (float) c; continue; }
					double sum = 0;
					for (int a = -1; a <= 1; a++)
						for (int b = -1; b <= 1; b++)
							for (int d = -1; d <= 1; d++) sum += grey(scan, x + a / 3.0, y + b / 3.0, z + d / 3.0);
					s[z][y * n + x] = (float) (sum / 27);
				}
		});
		blur(s);
		Random rnd = new Random(seed * 31 + scan);
		for (float[] sl : s)
			for (int i = 0; i < sl.length; i++) sl[i] += (float) (noiseSigma * rnd.nextGaussian());
		return new Volume(n, n, s, voxelUm, voxelUm, voxelUm);
	}

	private void blur(float[][] s) {
		int r = (int) Math.ceil(4 * blurSigma);
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-0.5 * i * i / (blurSigma * blurSigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		float[][] t = new float[nz][n * n];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double a = 0;
					for (int i = -r; i <= r; i++) a += k[i + r] * s[z][y * n + Math.max(0, Math.min(n - 1, x + i))];
					t[z][y * n + x] = (float) a;
				}
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double a = 0;
					for (int i = -r; i <= r; i++) a += k[i + r] * t[z][Math.max(0, Math.min(n - 1, y + i)) * n + x];
					s[z][y * n + x] = (float) a;
				}
		for (int z = 0; z < nz; z++)
			for (int i = 0; i < n * n; i++) {
				double a = 0;
				for (int j = -r; j <= r; j++) a += k[j + r] * s[Math.max(0, Math.min(nz - 1, z + j))][i];
				t[z][i] = (float) a;
			}
		for (int z = 0; z < nz; z++) System.arraycopy(t[z], 0, s[z], 0, n * n);
	}

	// ---- truth (analytic) ----
	double crackVolumeUm3(int scan) {
		double d = crackDepth[scan], a = aspect * d, w = crackOpening[scan];
		return w * a * d * Math.PI / (2 * (exponent + 1) * Math.sin(Math.toRadians(dipDeg))) * Math.pow(voxelUm, 3);
	}

	/** Face area of the planar sheet (flat interface): the half ellipse π a D / 2 stretched by 1 / sin dip. */
	double crackFaceAreaUm2(int scan) {
		double d = crackDepth[scan], a = aspect * d;
		return Math.PI * a * d / (2 * Math.sin(Math.toRadians(dipDeg))) * voxelUm * voxelUm;
	}

	double crackDepthUm(int scan) {
		return crackDepth[scan] * voxelUm;
	}

	double crackOpeningUm(int scan) {
		return crackOpening[scan] * voxelUm;
	}

	double chipVolumeUm3() {
		return 2.0 / 3.0 * Math.PI * chipA * chipB * chipC * Math.pow(voxelUm, 3);
	}
}
