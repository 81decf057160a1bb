package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;

/**
 * 360° offset-axis (half-acquisition) scans, where the rotation axis sits near one detector edge so that the
 * sample, twice as wide as the detector, is covered by the projections at θ and θ + 180°. Finds the axis (and
 * so the overlap width and side) by the correlation of each projection with the mirrored opposite one over
 * their overlap (after Vo et al., Opt. Express 29, 17849 (2021), "find_center_360"), and stitches the two halves
 * into a 180° sinogram twice as wide with linear feathering across the overlap.
 */
public final class HalfAcquisition {
	private HalfAcquisition() {}

	/** A stitched 180° sinogram, its angles and its centre. */
	public static final class Stitched {
		public final float[][] sinogram;
		public final double[] anglesRad;
		public final double centerPx;

		Stitched(float[][] sinogram, double[] anglesRad, double centerPx) {
			this.sinogram = sinogram;
			this.anglesRad = anglesRad;
			this.centerPx = centerPx;
		}
	}

	/**
	 * Finds the rotation axis of a 360° sinogram (first half of rows 0…n/2−1 paired with n/2…n−1) on either side,
	 * requiring at least {@code minOverlapPx} pixels of overlap.
	 */
	public static double findCenter(float[][] sinogram360, double[] anglesRad, int minOverlapPx) {
		Sinograms.check(sinogram360, anglesRad, "360° sinogram");
		if (!Sinograms.isFullTurn(anglesRad))
			throw new TomoException("Half-acquisition needs a 360° scan; the angles span only "
					+ Math.round(Math.toDegrees(Sinograms.spanRad(anglesRad))) + "°");
		int half = sinogram360.length / 2;
		int w = sinogram360[0].length;
		int minOv = Math.max(4, minOverlapPx);
		// Trial centres every half pixel: the mirror 2c − u is then an integer pixel.
		int m0 = (int) Math.ceil(minOv - 1.0), m1 = 2 * (w - 1) - m0; // 2c in [minOv−1, 2(w−1) − (minOv−1)]
		int count = m1 - m0 + 1;
		double[] metric = new double[count];
		Parallel.forEach(count, Parallel.threads(0), k -> metric[k] = mismatch(sinogram360, half, m0 + k, 1));
		int best = 0;
		for (int k = 1; k < count; k++)
			if (metric[k] < metric[best]) best = k;
		double twoC = m0 + best;
		if (best > 0 && best < count - 1) {
			double a = metric[best - 1], b = metric[best], d = metric[best + 1];
			double den = a - 2 * b + d;
			if (den > 0) twoC += 0.5 * (a - d) / den;
		}
		return twoC / 2.0;
	}

	/** 1 − Pearson correlation between rows i and the mirrored rows i + half over the overlap, for 2c = twoC. */
	private static double mismatch(float[][] s, int half, int twoC, int rowStep) {
		int w = s[0].length;
		int u0 = Math.max(0, twoC - (w - 1));
		int u1 = Math.min(w - 1, twoC);
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		long n = 0;
		for (int i = 0; i < half; i += rowStep) {
			float[] a = s[i], b = s[i + half];
			for (int u = u0; u <= u1; u++) {
				double x = a[u], y = b[twoC - u];
				sa += x;
				sb += y;
				saa += x * x;
				sbb += y * y;
				sab += x * y;
				n++;
			}
		}
		double cov = sab / n - (sa / n) * (sb / n);
		double va = saa / n - (sa / n) * (sa / n), vb = sbb / n - (sb / n) * (sb / n);
		if (va <= 0 || vb <= 0) return 1;
		return 1 - cov / Math.sqrt(va * vb);
	}

	/**
	 * Stitches a 360° sinogram with the axis at {@code centerPx} into a 180° sinogram of width 2L + 1 with
	 * L = max(c, w − 1 − c), the axis at its centre; in the overlap each side is weighted by its distance to its own
	 * detector edge.
	 */
	public static Stitched stitch(float[][] sinogram360, double[] anglesRad, double centerPx) {
		Sinograms.check(sinogram360, anglesRad, "360° sinogram");
		int w = sinogram360[0].length;
		if (!(centerPx >= 0 && centerPx <= w - 1))
			throw new TomoException("Rotation centre " + centerPx + " px is outside the detector (0 to " + (w - 1) + " px)");
		int half = sinogram360.length / 2;
		double l = Math.max(centerPx, w - 1 - centerPx);
		int outW = (int) Math.floor(2 * l) + 1;
		double outC = (outW - 1) / 2.0;
		float[][] out = new float[half][outW];
		for (int i = 0; i < half; i++) {
			float[] a = sinogram360[i], b = sinogram360[i + half];
			for (int v = 0; v < outW; v++) {
				double s = v - outC;
				double ud = centerPx + s, um = centerPx - s;
				double wd = ud >= 0 && ud <= w - 1 ? Math.min(ud, w - 1 - ud) + 0.5 : 0;
				double wm = um >= 0 && um <= w - 1 ? Math.min(um, w - 1 - um) + 0.5 : 0;
				double val = 0;
				if (wd + wm > 0) val = (wd * (wd > 0 ? Sinograms.sample(a, ud) : 0) + wm * (wm > 0 ? Sinograms.sample(b, um) : 0)) / (wd + wm);
				out[i][v] = (float) val;
			}
		}
		double[] ang = new double[half];
		System.arraycopy(anglesRad, 0, ang, 0, half);
		return new Stitched(out, ang, outC);
	}
}
