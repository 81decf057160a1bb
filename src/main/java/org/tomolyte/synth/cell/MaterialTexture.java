package org.tomolyte.synth.cell;

import java.util.SplittableRandom;

/**
 * A smooth, zero-mean, unit-RMS random texture fixed to the sample (reference frame), standing for the grain
 * and pore structure of the sintered NASICON and the fillers of the housing: the relative attenuation of
 * solid phases is µ (1 + strength · t(x, y, z)). It moves with the drift like the sample, so registration
 * can match blocks of bulk electrolyte and housing (issue 6) while the liquid metal stays homogeneous.
 * Band-pass value noise: Gaussian values on a periodic lattice (period 64 nodes), smoothed, minus a much
 * smoother copy, interpolated trilinearly.
 */
final class MaterialTexture {
	private static final int N = 64;
	private final float[] lattice = new float[N * N * N];
	private final double spacingUm;

	MaterialTexture(CellParameters p) {
		this.spacingUm = p.textureScaleUm();
		SplittableRandom r = Seeds.random(p.seed(), Seeds.TEXTURE, 0);
		double[] g = new double[lattice.length];
		Seeds.gaussians(r, g);
		// [1 2 1]/4 smoothing along each axis removes the lattice's checkerboard look; subtracting a much smoother
		// copy removes the long-wavelength power, so the texture averages out over regions of ~10 µm and does
		// not bias interface heights or plane fits
		double[] a = smooth(g, 1);
		double[] wide = smooth(a, 6);
		for (int i = 0; i < a.length; i++) a[i] -= wide[i];
		for (int i = 0; i < lattice.length; i++) lattice[i] = (float) a[i];
		// unit RMS of the interpolated field, measured on random points
		double ss = 0;
		int m = 20000;
		for (int i = 0; i < m; i++) {
			double v = at(r.nextDouble() * N * spacingUm, r.nextDouble() * N * spacingUm, r.nextDouble() * N * spacingUm);
			ss += v * v;
		}
		float f = (float) (1 / Math.sqrt(ss / m));
		for (int i = 0; i < lattice.length; i++) lattice[i] *= f;
	}

	/** {@code passes} rounds of [1 2 1]/4 along x, y and z on the periodic lattice. */
	private static double[] smooth(double[] in, int passes) {
		double[] a = in.clone(), b = new double[in.length];
		for (int pass = 0; pass < passes; pass++)
			for (int axis = 0; axis < 3; axis++) {
				int stride = axis == 0 ? 1 : axis == 1 ? N : N * N;
				for (int i = 0; i < a.length; i++) {
					int c = (i / stride) % N;
					int lo = i - stride * c + stride * ((c + N - 1) % N), hi = i - stride * c + stride * ((c + 1) % N);
					b[i] = 0.25 * a[lo] + 0.5 * a[i] + 0.25 * a[hi];
				}
				double[] t = a;
				a = b;
				b = t;
			}
		return a;
	}

	/** The texture value at a reference-frame point (µm). */
	double at(double x, double y, double z) {
		double gx = x / spacingUm, gy = y / spacingUm, gz = z / spacingUm;
		double fx = Math.floor(gx), fy = Math.floor(gy), fz = Math.floor(gz);
		int ix = Math.floorMod((int) fx, N), iy = Math.floorMod((int) fy, N), iz = Math.floorMod((int) fz, N);
		double tx = gx - fx, ty = gy - fy, tz = gz - fz;
		int jx = (ix + 1) % N, jy = (iy + 1) % N, jz = (iz + 1) % N;
		double c00 = lerp(lattice[(iz * N + iy) * N + ix], lattice[(iz * N + iy) * N + jx], tx);
		double c10 = lerp(lattice[(iz * N + jy) * N + ix], lattice[(iz * N + jy) * N + jx], tx);
		double c01 = lerp(lattice[(jz * N + iy) * N + ix], lattice[(jz * N + iy) * N + jx], tx);
		double c11 = lerp(lattice[(jz * N + jy) * N + ix], lattice[(jz * N + jy) * N + jx], tx);
		return lerp(lerp(c00, c10, ty), lerp(c01, c11, ty), tz);
	}

	private static double lerp(double a, double b, double t) {
		return a + t * (b - a);
	}
}
