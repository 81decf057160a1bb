package org.tomolyte.tomo;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Centre of rotation by Vo's Fourier double-wedge metric (N. T. Vo, M. Drakopoulos, R. C. Atwood, C. Reinhard,
 * Opt. Express 22, 19078 (2014)): a 180° sinogram and its mirror about a trial centre are stacked into a 360°
 * sinogram; at the true centre it is consistent and its 2D spectrum is confined to a double wedge
 * |k| ≤ R·ω, so the mean magnitude outside the wedge is minimal. Searched coarse-to-fine: integer steps on a
 * sinogram averaged down to about 256 pixels, then halving the binning down to full resolution, then quarter
 * pixel steps with a parabola through the three best metrics for the sub-pixel value.
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
		return new CenterVo(0.5, Parallel.defaultThreads());
	}

	/**
	 * Finds the centre of a 180° sinogram [angle][x] of line integrals within [fromPx, toPx] (0, 0 = automatic:
	 * the middle half of the detector, which allows axes well off-centre).
	 */
	public double find(float[][] sinogram180, double fromPx, double toPx) {
		Sinograms.check(sinogram180, new double[sinogram180.length], "sinogram");
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
		int rowBin = Math.max(1, (int) Math.ceil(sinogram180.length / (double) MAX_ROWS));
		int bin = 1;
		while (w / (bin * 2) >= COARSE_WIDTH)
			bin *= 2;
		// Coarse: integer binned pixels over the whole range.
		float[][] s = binned(sinogram180, rowBin, bin);
		double lo = toBinned(fromPx, bin), hi = toBinned(toPx, bin);
		double best = argmin(s, Math.ceil(lo), Math.floor(hi), 1.0, false);
		double bestFull = fromBinned(best, bin);
		// Refine: halve the binning, search ±2 binned pixels of the previous level.
		while (bin > 1) {
			bin /= 2;
			s = binned(sinogram180, rowBin, bin);
			double c = toBinned(bestFull, bin);
			best = argmin(s, Math.max(0, Math.round(c) - 2), Math.min(s[0].length - 1, Math.round(c) + 2), 1.0, false);
			bestFull = fromBinned(best, bin);
		}
		double c = Math.max(0.5, Math.min(w - 1.5, bestFull));
		double fine = argmin(s, Math.max(0, c - 1.5), Math.min(w - 1, c + 1.5), 0.25, true);
		return Math.max(fromPx, Math.min(toPx, fine));
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
	private double argmin(float[][] s, double from, double to, double step, boolean subPixel) {
		int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
		if (n < 1) n = 1;
		double[] metric = new double[n];
		Metric m = new Metric(s.length, s[0].length, objectRatio);
		double f0 = from;
		Parallel.forEach(n, threads, i -> metric[i] = m.of(s, f0 + i * step));
		int k = 0;
		for (int i = 1; i < n; i++)
			if (metric[i] < metric[k]) k = i;
		double c = from + k * step;
		if (subPixel && k > 0 && k < n - 1) {
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

		Metric(int rows, int width, double ratio) {
			this.rows = rows;
			this.width = width;
			this.height = 2 * rows;
			this.fftWidth = width;
			double radius = 0.5 * ratio * width;
			// Outside the wedge: |l| ≤ |k| (H−1)/(2πH) · W / R for angular harmonic k and detector frequency l.
			halfWidthAtRow = new int[height / 2 + 1];
			for (int k = 0; k <= height / 2; k++)
				halfWidthAtRow[k] = (int) Math.ceil(k * (height - 1.0) / (height * 2 * Math.PI) * width / radius);
			drop = Math.min(20, (int) (0.05 * height));
		}

		/** Mean spectral magnitude outside the double wedge for the trial centre {@code c}. */
		double of(float[][] s, double c) {
			int w = width;
			int h = height;
			// 2D FFT of the stacked sinogram: real FFT along the detector, complex FFT along the angle.
			float[][] rowsF = new float[h][];
			FloatFFT_1D fx = new FloatFFT_1D(w);
			for (int i = 0; i < h; i++) {
				float[] r = new float[w];
				if (i < rows) {
					System.arraycopy(s[i], 0, r, 0, w);
				} else {
					int j = i - rows;
					float[] src = s[j];
					float[] comp = s[rows - 1 - j];
					for (int u = 0; u < w; u++) {
						double m = 2 * c - u;
						r[u] = m >= 0 && m <= w - 1 ? Sinograms.sample(src, m) : comp[u];
					}
				}
				fx.realForward(r);
				rowsF[i] = r;
			}
			FloatFFT_1D fy = new FloatFFT_1D(h);
			float[] col = new float[2 * h];
			double sum = 0;
			int maxL = w / 2;
			for (int l = 0; l <= maxL; l++) {
				// JTransforms packing: a[2l], a[2l+1] = Re, Im for 0 < l < w/2; a[0] = Re(0); a[1] = Re(w/2) for even w.
				boolean nyq = (w % 2 == 0) && l == w / 2;
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
			return sum / ((double) h * w);
		}

		private int maxHalfWidth() {
			return halfWidthAtRow[halfWidthAtRow.length - 1];
		}
	}
}
