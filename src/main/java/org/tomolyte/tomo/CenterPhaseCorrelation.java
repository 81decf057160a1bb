package org.tomolyte.tomo;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Centre of rotation from the projections 180° apart: the projection at θ + 180° is the one at θ mirrored about
 * the axis, so phase correlation (C. D. Kuglin &amp; D. C. Hines, Proc. IEEE Conf. Cybernetics and Society, 163
 * (1975)) of a detector row with the flipped row of the opposite angle gives a shift d and the centre
 * (d + width − 1)/2. The opposite projection is interpolated linearly in angle to exactly θ + 180°. Cross-power
 * spectra of all available 180° pairs (and of all rows given) are summed before
 * the inverse FFT; a Gaussian low-pass makes the correlation peak Gaussian so a parabola through the logarithm
 * of the three highest samples gives the sub-pixel position. Independent of the Fourier-metric method
 * {@link CenterVo}, it serves as a check.
 */
public final class CenterPhaseCorrelation {
	private static final double PEAK_SIGMA_PX = 2.0;

	private CenterPhaseCorrelation() {}

	/** Result: the centre, the largest angular distance (deg) bridged by interpolation or extrapolation, the pairs used. */
	public static final class Estimate {
		public final double centerPx;
		public final double angleMismatchDeg;
		public final int pairs;

		Estimate(double centerPx, double angleMismatchDeg, int pairs) {
			this.centerPx = centerPx;
			this.angleMismatchDeg = angleMismatchDeg;
			this.pairs = pairs;
		}
	}

	/**
	 * Estimates the centre from one or more sinograms of the same scan (e.g. several detector rows). Every
	 * projection whose opposite angle lies within the scanned range is used; a 180° scan whose last angle falls
	 * short of 180° gets its 180° projection extrapolated linearly from the last two.
	 */
	public static Estimate find(double[] anglesRad, float[][]... sinograms) {
		for (float[][] s : sinograms)
			Sinograms.check(s, anglesRad, "sinogram");
		int n = anglesRad.length;
		int w = sinograms[0][0].length;
		int p = 64;
		while (p < 2 * w)
			p <<= 1;
		double[] cross = new double[2 * p];
		int pairs = 0;
		double mismatch = 0;
		float[] e = new float[w];
		for (int i = 0; i < n; i++) {
			// The projection at exactly θ + 180°, interpolated linearly between the two bracketing angles: taking the
			// nearest one instead biases the centre when every pair misses 180° by the same fraction of a step.
			double target = anglesRad[i] + Math.PI;
			for (int j = 0; j + 1 < n; j++) {
				double a0 = anglesRad[j], a1 = anglesRad[j + 1];
				if (a0 == a1 || (target - a0) * (target - a1) > 0) continue;
				double t = (target - a0) / (a1 - a0);
				for (float[][] s : sinograms) {
					float[] r0 = s[j], r1 = s[j + 1];
					for (int x = 0; x < w; x++)
						e[x] = (float) (r0[x] + t * (r1[x] - r0[x]));
					accumulate(cross, s[i], e, p);
				}
				pairs++;
				mismatch = Math.max(mismatch, Math.min(Math.abs(target - a0), Math.abs(target - a1)));
				break;
			}
		}
		if (pairs == 0) {
			// 180° scan ending one step short: extrapolate the 180° projection from the last two.
			double target = anglesRad[0] + Math.PI;
			double t = (target - anglesRad[n - 1]) / (anglesRad[n - 1] - anglesRad[n - 2]);
			if (!(t > -0.01 && t < 3))
				throw new TomoException("No projection lies near 180° from the first (angles span "
						+ Math.toDegrees(Math.abs(anglesRad[n - 1] - anglesRad[0])) + "°); phase correlation needs a 180° or 360° scan");
			for (float[][] s : sinograms) {
				float[] a = s[n - 1], b = s[n - 2];
				float[] ex = new float[w];
				for (int x = 0; x < w; x++)
					ex[x] = (float) (a[x] + t * (a[x] - b[x]));
				accumulate(cross, s[0], ex, p);
			}
			pairs = 1;
			mismatch = Math.abs(target - anglesRad[n - 1]);
		}
		double d = peak(cross, p);
		return new Estimate((d + w - 1) / 2.0, Math.toDegrees(mismatch), pairs);
	}

	/** Adds the normalised cross-power spectrum of row a and the flipped row b. */
	private static void accumulate(double[] cross, float[] a, float[] b, int p) {
		int w = a.length;
		double[] fa = prepared(a, false, p);
		double[] fb = prepared(b, true, p);
		DoubleFFT_1D fft = new DoubleFFT_1D(p);
		fft.complexForward(fa);
		fft.complexForward(fb);
		for (int k = 0; k < p; k++) {
			double re = fa[2 * k] * fb[2 * k] + fa[2 * k + 1] * fb[2 * k + 1];
			double im = fa[2 * k + 1] * fb[2 * k] - fa[2 * k] * fb[2 * k + 1];
			double m = Math.hypot(re, im);
			if (m > 1e-30 * w) {
				cross[2 * k] += re / m;
				cross[2 * k + 1] += im / m;
			}
		}
	}

	/**
	 * The row's (optionally flipped) forward differences, edge-tapered and zero-padded to p, as interleaved complex.
	 * Differences rather than the mean-removed row: the normalised cross-power spectrum is the same, but a
	 * mean-removed row steps to −mean at the detector ends, and those steps (and their taper) sit at fixed
	 * detector positions that do not move with the sample, so they pull the peak towards the detector middle
	 * (0.2 px on the synthetic cell's disc-shaped sinograms).
	 */
	private static double[] prepared(float[] row, boolean flip, int p) {
		int w = row.length;
		int n = w - 1;
		int taper = Math.max(1, w / 16);
		double[] c = new double[2 * p];
		for (int x = 0; x < n; x++) {
			double v = flip ? row[w - 2 - x] - row[w - 1 - x] : row[x + 1] - row[x];
			int e = Math.min(x, n - 1 - x);
			if (e < taper) v *= 0.5 - 0.5 * Math.cos(Math.PI * (e + 0.5) / taper);
			c[2 * x] = v;
		}
		return c;
	}

	/** Sub-pixel shift of the Gaussian-smoothed correlation peak. */
	private static double peak(double[] cross, int p) {
		double s2 = 2 * Math.PI * Math.PI * PEAK_SIGMA_PX * PEAK_SIGMA_PX;
		for (int k = 0; k < p; k++) {
			double f = (k <= p / 2 ? k : k - p) / (double) p;
			double g = Math.exp(-s2 * f * f);
			cross[2 * k] *= g;
			cross[2 * k + 1] *= g;
		}
		new DoubleFFT_1D(p).complexInverse(cross, false);
		int best = 0;
		for (int k = 1; k < p; k++)
			if (cross[2 * k] > cross[2 * best]) best = k;
		double a = cross[2 * ((best - 1 + p) % p)], b = cross[2 * best], c = cross[2 * ((best + 1) % p)];
		double off = 0;
		if (a > 0 && b > 0 && c > 0) {
			double la = Math.log(a), lb = Math.log(b), lc = Math.log(c);
			double den = la - 2 * lb + lc;
			if (den < 0) off = 0.5 * (la - lc) / den;
		}
		double d = best + off;
		return d > p / 2.0 ? d - p : d;
	}
}
