package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Centre of rotation by Vo's Fourier double-wedge metric (N. T. Vo, M. Drakopoulos, R. C. Atwood, C. Reinhard,
 * Opt. Express 22, 19078 (2014)): a 180° sinogram and its mirror about a trial centre are stacked into a 360°
 * sinogram; at the true centre it is consistent and its 2D spectrum is confined to a double wedge
 * |k| ≤ R·ω, so the mean magnitude outside the wedge is minimal. Searched coarse-to-fine: integer steps on a
 * sinogram averaged down to about 256 pixels, then halving the binning down to full resolution, then quarter
 * pixel steps with a least-squares parabola through the five metrics around the minimum for the sub-pixel value.
 * The sinogram is resampled to a power-of-two number of angles (≤ 512) so every FFT is fast, and smoothed along
 * the detector as in Vo's implementation (Algotom).
 */
public final class CenterVo {
	private static final int COARSE_WIDTH = 256;
	private static final int MAX_ROWS = 512;
	private final int threads;
	private final double objectRatio;

	/**
	 * @param objectRatio sample diameter as a fraction of the detector width (Vo's ratio; 0.5 is a safe default
	 *            even for samples filling the field)
	 * @param threads worker threads (trial centres are independent, so the result is thread-count independent)
	 */
	public CenterVo(double objectRatio, int threads) {
		if (!(objectRatio > 0 && objectRatio <= 1)) throw new TomoException("Object ratio must be in (0, 1], got " + objectRatio);
		this.objectRatio = objectRatio;
		this.threads = Math.max(1, threads);
	}

	public static CenterVo defaults() {
		return new CenterVo(0.5, Parallel.threads(0));
	}

	/**
	 * Finds the centre of a 180° sinogram [angle][x] of line integrals within [fromPx, toPx] (0, 0 = automatic:
	 * the middle half of the detector, which allows axes well off-centre).
	 */
	public double find(float[][] sinogram180, double fromPx, double toPx) {
		return find(sinogram180, Sinograms.evenAnglesRad(sinogram180.length, 0, 180), fromPx, toPx);
	}

	/**
	 * Finds the centre from a sinogram with its angles; only the first 180° is used (resampled to exactly 180°),
	 * so 180° and 360° scans with any number of projections are handled alike.
	 */
	public double find(float[][] sinogram, double[] anglesRad, double fromPx, double toPx) {
		Sinograms.check(sinogram, anglesRad, "sinogram");
		float[][] sinogram180 = sinogram;
		int w = sinogram180[0].length;
		if (fromPx == 0 && toPx == 0) {
			fromPx = w / 4.0;
			toPx = 3 * w / 4.0;
		}
		if (fromPx > toPx) {
			double t = fromPx;
			fromPx = toPx;
			toPx = t;
		}
		if (fromPx < 0 || toPx > w - 1)
			throw new TomoException("Centre search range " + fromPx + " to " + toPx + " px lies outside the detector (0 to " + (w - 1) + " px)");
		float[][] rows = resampleRows(sinogram, anglesRad);
		int bin = 1;
		while (w / (bin * 2) >= COARSE_WIDTH)
			bin *= 2;
		// Coarse: integer binned pixels over the whole range, on a sinogram smoothed along the angle.
		float[][] s = smooth(binned(rows, 1, bin), 0, 1);
		double lo = toBinned(fromPx, bin), hi = toBinned(toPx, bin);
		double best = argmin(s, w / bin, Math.ceil(lo), Math.floor(hi), 1.0, false);
		double bestFull = fromBinned(best, bin);
		// Refine: halve the binning, search ±2 binned pixels of the previous level.
		while (bin > 1) {
			bin /= 2;
			s = bin > 1 ? smooth(binned(rows, 1, bin), 0, 1) : smooth(rows, 0, 2);
			double c = toBinned(bestFull, bin);
			best = argmin(s, w / bin, Math.max(0, Math.round(c) - 2), Math.min(s[0].length - 1, Math.round(c) + 2), 1.0, false);
			bestFull = fromBinned(best, bin);
		}
		if (s == null || s[0].length != w) s = smooth(rows, 0, 2);
		double c = Math.max(0.5, Math.min(w - 1.5, bestFull));
		double fine = argmin(s, w, Math.max(0, c - 1.5), Math.min(w - 1, c + 1.5), 0.25, true);
		return Math.max(fromPx, Math.min(toPx, fine));
	}

	/**
	 * The first 180° of the sinogram resampled (averaging, then linear interpolation in angle) to a power-of-two
	 * number of rows at exactly 180°/n steps, at most {@value #MAX_ROWS}: the stacked 360° sinogram is then
	 * seamless whatever the scan's step, and its angular FFT fast.
	 */
	static float[][] resampleRows(float[][] s, double[] anglesRad) {
		int n = s.length;
		double dir = Math.signum(anglesRad[n - 1] - anglesRad[0]);
		if (dir == 0) throw new TomoException("All projection angles are equal; cannot find a centre of rotation");
		int half = Sinograms.isFullTurn(anglesRad) ? Math.min(n, Sinograms.halfTurnRows(anglesRad) + 1) : n;
		int target = Integer.highestOneBit(Math.min(half, MAX_ROWS));
		if (target < 16) target = 16;
		int bin = Math.max(1, half / (2 * target));
		int nb = n / bin;
		float[][] b = binnedRows(s, bin);
		double[] ab = new double[nb];
		for (int i = 0; i < nb; i++) {
			for (int k = 0; k < bin; k++)
				ab[i] += anglesRad[i * bin + k] / bin;
		}
		int w = s[0].length;
		float[][] r = new float[target][w];
		int j = 0;
		for (int i = 0; i < target; i++) {
			double a = anglesRad[0] + dir * Math.PI * i / target;
			while (j + 2 < nb && (ab[j + 1] - a) * dir <= 0)
				j++;
			double t = (a - ab[j]) / (ab[j + 1] - ab[j]);
			t = Math.max(0, Math.min(1, t));
			float f = (float) t;
			float[] lo = b[j], hi = b[j + 1];
			for (int x = 0; x < w; x++)
				r[i][x] = lo[x] + f * (hi[x] - lo[x]);
		}
		return r;
	}

	private static float[][] binnedRows(float[][] s, int bin) {
		if (bin == 1) return s;
		int n = s.length / bin, w = s[0].length;
		float[][] r = new float[n][w];
		for (int i = 0; i < n; i++)
			for (int a = 0; a < bin; a++)
				for (int x = 0; x < w; x++)
					r[i][x] += s[i * bin + a][x] / bin;
		return r;
	}

	/**
	 * Separable Gaussian smoothing (σ along the angle and the detector, reflecting edges; σ = 0 skips that axis),
	 * Vo's denoising. Smoothing along the angle is not used by the search: with non-periodic edges it makes the
	 * stacked 360° sinogram inconsistent at its seams in a way that biases the minimum.
	 */
	static float[][] smooth(float[][] s, double sigmaRows, double sigmaCols) {
		float[][] r = sigmaRows > 0 ? smoothRows(s, sigmaRows) : s;
		return sigmaCols > 0 ? smoothCols(r, sigmaCols) : r;
	}

	private static float[] kernel(double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		float[] k = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++)
			sum += k[i + r] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		return k;
	}

	private static int reflect(int i, int n) {
		while (i < 0 || i >= n)
			i = i < 0 ? -i - 1 : 2 * n - i - 1;
		return i;
	}

	private static float[][] smoothRows(float[][] s, double sigma) {
		float[] k = kernel(sigma);
		int r = k.length / 2, n = s.length, w = s[0].length;
		float[][] o = new float[n][w];
		for (int i = 0; i < n; i++)
			for (int j = -r; j <= r; j++) {
				float[] src = s[reflect(i + j, n)];
				float kv = k[j + r];
				float[] dst = o[i];
				for (int x = 0; x < w; x++)
					dst[x] += kv * src[x];
			}
		return o;
	}

	private static float[][] smoothCols(float[][] s, double sigma) {
		float[] k = kernel(sigma);
		int r = k.length / 2, w = s[0].length;
		float[][] o = new float[s.length][w];
		for (int i = 0; i < s.length; i++)
			for (int x = 0; x < w; x++) {
				float v = 0;
				for (int j = -r; j <= r; j++)
					v += k[j + r] * s[i][reflect(x + j, w)];
				o[i][x] = v;
			}
		return o;
	}

	private static double toBinned(double c, int bin) {
		return (c - (bin - 1) / 2.0) / bin;
	}

	private static double fromBinned(double c, int bin) {
		return c * bin + (bin - 1) / 2.0;
	}

	/** Sinogram averaged over rowBin angles and bin pixels. */
	static float[][] binned(float[][] s, int rowBin, int bin) {
		int n = s.length / rowBin;
		int w = s[0].length / bin;
		float[][] r = new float[n][w];
		float norm = 1f / (rowBin * bin);
		for (int i = 0; i < n; i++)
			for (int a = 0; a < rowBin; a++) {
				float[] src = s[i * rowBin + a];
				float[] dst = r[i];
				for (int x = 0; x < w; x++) {
					float v = 0;
					for (int b = 0; b < bin; b++)
						v += src[x * bin + b];
					dst[x] += v * norm;
				}
			}
		return r;
	}

	/** Trial centre with the smallest metric over [from, to] in {@code step}; optionally refined by a parabola. */
	private double argmin(float[][] s, int width, double from, double to, double step, boolean subPixel) {
		int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
		if (n < 1) n = 1;
		double[] metric = new double[n];
		Metric m = new Metric(s.length, width, objectRatio);
		double f0 = from;
		Parallel.forEach(n, threads, i -> metric[i] = m.of(s, f0 + i * step));
		int k = 0;
		for (int i = 1; i < n; i++)
			if (metric[i] < metric[k]) k = i;
		double c = from + k * step;
		if (subPixel && k > 1 && k < n - 2) {
			// least-squares parabola through the five metrics around the minimum
			double s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
			for (int j = -2; j <= 2; j++) {
				double y = metric[k + j];
				s1 += j;
				s2 += j * j;
				s3 += j * j * j;
				s4 += j * j * j * j;
				t0 += y;
				t1 += j * y;
				t2 += j * j * y;
			}
			// normal equations for y = a j² + b j + c0 with symmetric j: s1 = s3 = 0
			double a = (5 * t2 - s2 * t0) / (5 * s4 - s2 * s2);
			double b = t1 / s2;
			if (a > 0) {
				double off = -b / (2 * a);
				if (Math.abs(off) <= 2) c += step * off;
			}
		} else if (subPixel && k > 0 && k < n - 1) {
			double a = metric[k - 1], b = metric[k], d = metric[k + 1];
			double den = a - 2 * b + d;
			if (den > 0) c += step * 0.5 * (a - d) / den;
		}
		return c;
	}

	/** The double-wedge metric for one sinogram size. */
	static final class Metric {
		final int rows, width, height, fftWidth;
		final int[] halfWidthAtRow;
		final int drop;
		final ThreadLocal<FloatFFT_1D> fftX, fftY;

		Metric(int rows, int width, double ratio) {
			this.rows = rows;
			this.width = width;
			this.height = 2 * rows;
			this.fftWidth = niceSize(width + Math.max(4, width / 32));
			double radius = 0.5 * ratio * width;
			// Outside the wedge: |l| ≤ |k| (H−1)/(2πH) · W / R for angular harmonic k and detector frequency l.
			halfWidthAtRow = new int[height / 2 + 1];
			for (int k = 0; k <= height / 2; k++)
				halfWidthAtRow[k] = (int) Math.ceil(k * (height - 1.0) / (height * 2 * Math.PI) * fftWidth / radius);
			drop = Math.min(20, (int) (0.05 * height));
			fftX = ThreadLocal.withInitial(() -> new FloatFFT_1D(this.fftWidth));
			fftY = ThreadLocal.withInitial(() -> new FloatFFT_1D(this.height));
		}

		/** Smallest even 2^a 3^b 5^c ≥ n (sizes JTransforms transforms fast; even keeps its packing simple). */
		static int niceSize(int n) {
			for (int m = n + (n & 1);; m += 2) {
				int r = m;
				for (int f : new int[] { 2, 3, 5 })
					while (r % f == 0)
						r /= f;
				if (r == 1) return m;
			}
		}

		/**
		 * Mean spectral magnitude outside the double wedge for the trial centre {@code c}. The mirrored half is
		 * built by an integer flip about ⌊2c⌋ and the remaining sub-pixel shift applied as a phase ramp to its
		 * detector spectrum: interpolating it in real space instead low-passes the noise by an amount that depends
		 * on the fraction of 2c, which adds a 0.5 px periodic ripple to the metric and pins the minimum to
		 * quarter pixels.
		 */
		double of(float[][] s, double c) {
			int w = width;
			int wf = fftWidth;
			int h = height;
			int k2 = (int) Math.floor(2 * c);
			double frac = 2 * c - k2;
			int nr = (wf - 1) / 2; // complex bins 1..nr hold (Re, Im) pairs in JTransforms' packing (wf is even)
			float[] rampCos = new float[nr + 1], rampSin = new float[nr + 1];
			for (int l = 1; l <= nr; l++) {
				double phi = -2 * Math.PI * l * frac / wf;
				rampCos[l] = (float) Math.cos(phi);
				rampSin[l] = (float) Math.sin(phi);
			}
			// 2D FFT of the stacked sinogram: real FFT along the detector, complex FFT along the angle.
			float[][] rowsF = new float[h][];
			FloatFFT_1D fx = fftX.get();
			for (int i = 0; i < h; i++) {
				float[] r = new float[wf];
				boolean mirrored = i >= rows;
				if (!mirrored) {
					System.arraycopy(s[i], 0, r, 0, w);
				} else {
					int j = i - rows;
					float[] src = s[j];
					float[] comp = s[rows - 1 - j];
					for (int u = 0; u < w; u++) {
						int m = k2 - u;
						r[u] = m >= 0 && m <= w - 1 ? src[m] : comp[u];
					}
				}
				// the padding ramps back to the first value so the periodic row has no jump at the wrap
				for (int u = w; u < wf; u++)
					r[u] = r[w - 1] + (r[0] - r[w - 1]) * (u - w + 1f) / (wf - w + 1f);
				fx.realForward(r);
				if (mirrored && frac != 0) {
					for (int l = 1; l <= nr; l++) {
						float re = r[2 * l], im = r[2 * l + 1];
						r[2 * l] = re * rampCos[l] - im * rampSin[l];
						r[2 * l + 1] = re * rampSin[l] + im * rampCos[l];
					}
				}
				rowsF[i] = r;
			}
			FloatFFT_1D fy = fftY.get();
			float[] col = new float[2 * h];
			double sum = 0;
			int maxL = wf / 2;
			for (int l = 0; l <= maxL; l++) {
				// JTransforms packing: a[2l], a[2l+1] = Re, Im for 0 < l < w/2; a[0] = Re(0); a[1] = Re(w/2) for even w.
				boolean nyq = (wf % 2 == 0) && l == wf / 2;
				if (l > 1 && l > maxHalfWidth()) break;
				for (int i = 0; i < h; i++) {
					float[] r = rowsF[i];
					if (l == 0) {
						col[2 * i] = r[0];
						col[2 * i + 1] = 0;
					} else if (nyq) {
						col[2 * i] = r[1];
						col[2 * i + 1] = 0;
					} else {
						col[2 * i] = r[2 * l];
						col[2 * i + 1] = r[2 * l + 1];
					}
				}
				fy.complexForward(col);
				if (l <= 1) continue; // the central columns are excluded (Vo's vertical drop)
				double weight = nyq ? 1 : 2; // ±l are mirror images for real input
				for (int k = -h / 2; k < (h + 1) / 2; k++) {
					int ak = Math.abs(k);
					if (ak <= drop) continue;
					if (l > halfWidthAtRow[Math.min(ak, h / 2)]) continue;
					int idx = k < 0 ? k + h : k;
					double re = col[2 * idx], im = col[2 * idx + 1];
					sum += weight * Math.sqrt(re * re + im * im);
				}
			}
			return sum / ((double) h * wf);
		}

		private int maxHalfWidth() {
			return halfWidthAtRow[halfWidthAtRow.length - 1];
		}
	}
}
