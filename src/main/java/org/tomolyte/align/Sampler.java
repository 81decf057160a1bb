package org.tomolyte.align;

import org.tomolyte.model.Volume;

/**
 * Reads a volume at non-integer voxel coordinates (x, y, z in voxel units, 0 = centre of the first voxel) with
 * the chosen {@link Interpolation}. Points outside the volume return {@code outside}; points within half a
 * voxel of the border are read with the edge value repeated, so a volume resampled onto itself is unchanged.
 */
final class Sampler {
	private Sampler() {}

	static float sample(Volume v, double x, double y, double z, Interpolation mode, float outside) {
		int w = v.width(), h = v.height(), d = v.depth();
		if (!(x >= -0.5 && y >= -0.5 && z >= -0.5 && x <= w - 0.5 && y <= h - 0.5 && z <= d - 0.5)) return outside;
		switch (mode) {
		case NEAREST:
			return v.get(clamp((int) Math.round(x), w), clamp((int) Math.round(y), h), clamp((int) Math.round(z), d));
		case LINEAR:
			return linearClamped(v, x, y, z);
		default:
			return cubicClamped(v, x, y, z);
		}
	}

	/** Trilinear with edge replication; no outside test (callers keep the point within the border). */
	static float linearClamped(Volume v, double x, double y, double z) {
		int w = v.width(), h = v.height(), d = v.depth();
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y), z0 = (int) Math.floor(z);
		double fx = x - x0, fy = y - y0, fz = z - z0;
		int xa = clamp(x0, w), xb = clamp(x0 + 1, w), ya = clamp(y0, h) * w, yb = clamp(y0 + 1, h) * w;
		float[] s0 = v.slice(clamp(z0, d)), s1 = v.slice(clamp(z0 + 1, d));
		double c00 = s0[ya + xa] + fx * (s0[ya + xb] - s0[ya + xa]);
		double c10 = s0[yb + xa] + fx * (s0[yb + xb] - s0[yb + xa]);
		double c01 = s1[ya + xa] + fx * (s1[ya + xb] - s1[ya + xa]);
		double c11 = s1[yb + xa] + fx * (s1[yb + xb] - s1[yb + xa]);
		double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
		return (float) (c0 + fz * (c1 - c0));
	}

	/** Keys cubic convolution (a = −0.5) with edge replication. */
	static float cubicClamped(Volume v, double x, double y, double z) {
		int w = v.width(), h = v.height(), d = v.depth();
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y), z0 = (int) Math.floor(z);
		double[] wx = new double[4], wy = new double[4], wz = new double[4];
		keys(x - x0, wx);
		keys(y - y0, wy);
		keys(z - z0, wz);
		int[] xi = new int[4], yi = new int[4];
		for (int k = 0; k < 4; k++) {
			xi[k] = clamp(x0 - 1 + k, w);
			yi[k] = clamp(y0 - 1 + k, h) * w;
		}
		double sum = 0;
		for (int c = 0; c < 4; c++) {
			float[] s = v.slice(clamp(z0 - 1 + c, d));
			double plane = 0;
			for (int b = 0; b < 4; b++) {
				int row = yi[b];
				plane += wy[b] * (wx[0] * s[row + xi[0]] + wx[1] * s[row + xi[1]] + wx[2] * s[row + xi[2]] + wx[3] * s[row + xi[3]]);
			}
			sum += wz[c] * plane;
		}
		return (float) sum;
	}

	/** Weights of the four taps at offsets −1, 0, 1, 2 for the fractional position t in [0, 1). */
	static void keys(double t, double[] w) {
		double t2 = t * t, t3 = t2 * t;
		w[0] = -0.5 * t3 + t2 - 0.5 * t;
		w[1] = 1.5 * t3 - 2.5 * t2 + 1;
		w[2] = -1.5 * t3 + 2 * t2 + 0.5 * t;
		w[3] = 0.5 * t3 - 0.5 * t2;
	}

	static int clamp(int i, int n) {
		return i < 0 ? 0 : (i >= n ? n - 1 : i);
	}
}
