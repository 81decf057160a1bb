package org.tomolyte.align;

import java.util.ArrayList;
import java.util.List;

import org.jtransforms.fft.FloatFFT_2D;
import org.jtransforms.fft.FloatFFT_3D;

/**
 * Windowed, partially whitened phase correlation of two equally sized blocks (2D when nz = 1), with several
 * candidate peaks located to sub-voxel precision. The cross-power spectrum A·B* is divided by |A·B*|^p:
 * p = 1 is classical phase correlation (Kuglin &amp; Hines 1975), p = 0 plain cross-correlation; p ≈ 0.5–0.8
 * keeps the sharp peak of phase correlation while not amplifying noisy high frequencies (the "partial
 * whitening" of e.g. Averbuch &amp; Keller 2002). Optionally the mean along z of every (x, y) column is
 * removed first: lab-frame ring artifacts of tomography are constant along the rotation axis and would
 * otherwise pull the peak to zero shift. Not thread-safe; use one instance per thread.
 */
final class Correlator {
	/** A correlation peak: the block {@code reference(x) ≈ moving(x − shift)}; shift in voxels. */
	static final class Peak {
		final double dx, dy, dz, height;

		Peak(double dx, double dy, double dz, double height) {
			this.dx = dx;
			this.dy = dy;
			this.dz = dz;
			this.height = height;
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "Peak(%.3f, %.3f, %.3f; %.4g)", dx, dy, dz, height);
		}
	}

	final int nx, ny, nz;
	private final float[] wx, wy, wz;
	private final double whitening;
	private final boolean removeAxialMean;
	private final FloatFFT_3D fft3;
	private final FloatFFT_2D fft2;
	private final float[] specA, specB;
	private final float[] surface;
	private final float[] bandWeight;

	Correlator(int nx, int ny, int nz, double tukeyAlpha, double whitening, boolean removeAxialMean) {
		this(nx, ny, nz, tukeyAlpha, whitening, removeAxialMean, 1.0);
	}

	/**
	 * @param bandLimit fraction of the Nyquist frequency above which the cross-power spectrum is tapered to
	 *        zero (cosine roll-off from bandLimit/2): band-limited phase correlation (Takita et al. 2003, IEICE
	 *        Trans. Fundamentals E86-A:1925). Interpolating the scan through the current transform distorts the
	 *        phase of frequencies near Nyquist, and whitening would otherwise let them bias the peak.
	 */
	Correlator(int nx, int ny, int nz, double tukeyAlpha, double whitening, boolean removeAxialMean, double bandLimit) {
		this.nx = nx;
		this.ny = ny;
		this.nz = nz;
		this.wx = tukey(nx, tukeyAlpha);
		this.wy = tukey(ny, tukeyAlpha);
		this.wz = tukey(nz, tukeyAlpha);
		this.whitening = whitening;
		this.removeAxialMean = removeAxialMean && nz > 2;
		this.fft3 = nz > 1 ? new FloatFFT_3D(nz, ny, nx) : null;
		this.fft2 = nz > 1 ? null : new FloatFFT_2D(ny, nx);
		int n = nx * ny * nz;
		this.bandWeight = bandLimit >= 1 ? null : bandWeights(nx, ny, nz, bandLimit);
		specA = new float[2 * n];
		specB = new float[2 * n];
		surface = new float[n];
	}

	private static float[] bandWeights(int nx, int ny, int nz, double limit) {
		float[] w = new float[nx * ny * nz];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					double fx = freq(x, nx), fy = freq(y, ny), fz = nz > 1 ? freq(z, nz) : 0;
					double r = Math.sqrt(fx * fx + fy * fy + fz * fz); // 1 = Nyquist along an axis
					double v;
					if (r <= limit / 2) v = 1;
					else if (r >= limit) v = 0;
					else v = 0.5 * (1 + Math.cos(Math.PI * (r - limit / 2) / (limit / 2)));
					w[(z * ny + y) * nx + x] = (float) v;
				}
		return w;
	}

	/** Frequency of FFT bin i as a fraction of Nyquist. */
	private static double freq(int i, int n) {
		return n <= 1 ? 0 : (i <= n / 2 ? i : i - n) / (n / 2.0);
	}

	/** Tukey window (alpha = 1: Hann, alpha = 0: rectangular); all ones for n ≤ 2. */
	static float[] tukey(int n, double alpha) {
		float[] w = new float[n];
		for (int i = 0; i < n; i++) {
			if (n <= 2 || alpha <= 0) {
				w[i] = 1;
				continue;
			}
			double t = (i + 0.5) / n; // symmetric about the block centre
			double edge = alpha / 2;
			double v = 1;
			if (t < edge) v = 0.5 * (1 - Math.cos(Math.PI * t / edge));
			else if (t > 1 - edge) v = 0.5 * (1 - Math.cos(Math.PI * (1 - t) / edge));
			w[i] = (float) v;
		}
		return w;
	}

	/**
	 * Correlates two blocks (x fastest, length nx·ny·nz) and returns up to {@code maxPeaks} peaks, highest
	 * first, at least two voxels apart.
	 */
	List<Peak> correlate(float[] reference, float[] moving, int maxPeaks) {
		spectrum(reference, specA);
		spectrum(moving, specB);
		int n = nx * ny * nz;
		double meanPow = 0;
		for (int i = 0; i < n; i++) {
			float ar = specA[2 * i], ai = specA[2 * i + 1], br = specB[2 * i], bi = specB[2 * i + 1];
			float cr = ar * br + ai * bi, ci = ai * br - ar * bi;
			specA[2 * i] = cr;
			specA[2 * i + 1] = ci;
			double mag = Math.sqrt(cr * (double) cr + ci * (double) ci);
			meanPow += Math.pow(mag, whitening);
		}
		meanPow /= n;
		double eps = 1e-3 * meanPow + 1e-30;
		if (whitening > 0)
			for (int i = 0; i < n; i++) {
				float cr = specA[2 * i], ci = specA[2 * i + 1];
				double mag = Math.sqrt(cr * (double) cr + ci * (double) ci);
				double s = 1 / (Math.pow(mag, whitening) + eps);
				specA[2 * i] = (float) (cr * s);
				specA[2 * i + 1] = (float) (ci * s);
			}
		if (bandWeight != null)
			for (int i = 0; i < n; i++) {
				specA[2 * i] *= bandWeight[i];
				specA[2 * i + 1] *= bandWeight[i];
			}
		if (fft3 != null) fft3.complexInverse(specA, true);
		else fft2.complexInverse(specA, true);
		for (int i = 0; i < n; i++)
			surface[i] = specA[2 * i];
		return peaks(maxPeaks);
	}

	private void spectrum(float[] data, float[] spec) {
		int plane = nx * ny;
		double[] colMean = null;
		if (removeAxialMean) {
			colMean = new double[plane];
			double wsum = 0;
			for (int z = 0; z < nz; z++) {
				wsum += wz[z];
				for (int i = 0; i < plane; i++)
					colMean[i] += wz[z] * data[z * plane + i];
			}
			for (int i = 0; i < plane; i++)
				colMean[i] /= wsum;
		}
		double sum = 0, wsum = 0;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					int i = (z * ny + y) * nx + x;
					double w = wx[x] * wy[y] * wz[z];
					double v = data[i] - (colMean != null ? colMean[y * nx + x] : 0);
					sum += w * v;
					wsum += w;
				}
		double mean = sum / wsum;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					int i = (z * ny + y) * nx + x;
					double v = data[i] - (colMean != null ? colMean[y * nx + x] : 0) - mean;
					spec[2 * i] = (float) (v * wx[x] * wy[y] * wz[z]);
					spec[2 * i + 1] = 0;
				}
		if (fft3 != null) fft3.complexForward(spec);
		else fft2.complexForward(spec);
	}

	private float at(int x, int y, int z) {
		x = Math.floorMod(x, nx);
		y = Math.floorMod(y, ny);
		z = Math.floorMod(z, nz);
		return surface[(z * ny + y) * nx + x];
	}

	private List<Peak> peaks(int maxPeaks) {
		int n = surface.length;
		List<Peak> out = new ArrayList<>();
		if (maxPeaks == 1) {
			int best = 0;
			for (int i = 1; i < n; i++)
				if (surface[i] > surface[best]) best = i;
			out.add(refine(best % nx, (best / nx) % ny, best / (nx * ny)));
			return out;
		}
		// candidates: values far above the mean, examined from the highest down until enough maxima are found
		double s = 0, ss = 0;
		for (float v : surface) {
			s += v;
			ss += v * (double) v;
		}
		double mean = s / n, sd = Math.sqrt(Math.max(0, ss / n - mean * mean));
		List<Integer> cand = new ArrayList<>();
		for (double k = 4; cand.size() < 50 * maxPeaks && k > -1; k -= 1) {
			cand.clear();
			for (int i = 0; i < n; i++)
				if (surface[i] > mean + k * sd) cand.add(i);
			if (cand.size() > 20000) break;
		}
		cand.sort((a, b) -> surface[a] != surface[b] ? Float.compare(surface[b], surface[a]) : Integer.compare(a, b));
		for (int i : cand) {
			if (out.size() >= maxPeaks) break;
			int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
			if (isLocalMax(x, y, z)) out.add(refine(x, y, z));
		}
		return out;
	}

	private boolean isLocalMax(int x, int y, int z) {
		float v = at(x, y, z);
		int self = index(x, y, z);
		for (int dz = nz > 1 ? -1 : 0; dz <= (nz > 1 ? 1 : 0); dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					if ((dx | dy | dz) == 0) continue;
					float u = at(x + dx, y + dy, z + dz);
					// ties broken by index so that exactly one of equal neighbours is a maximum
					if (u > v || (u == v && index(x + dx, y + dy, z + dz) < self)) return false;
				}
		return true;
	}

	private int index(int x, int y, int z) {
		return (Math.floorMod(z, nz) * ny + Math.floorMod(y, ny)) * nx + Math.floorMod(x, nx);
	}

	private Peak refine(int x, int y, int z) {
		float c = at(x, y, z);
		double ox = parabola(at(x - 1, y, z), c, at(x + 1, y, z));
		double oy = parabola(at(x, y - 1, z), c, at(x, y + 1, z));
		double oz = nz > 1 ? parabola(at(x, y, z - 1), c, at(x, y, z + 1)) : 0;
		return new Peak(signed(x, nx) + ox, signed(y, ny) + oy, nz > 1 ? signed(z, nz) + oz : 0, c);
	}

	/** Vertex offset of the parabola through three samples at −1, 0, 1, limited to ±0.5. */
	static double parabola(double m, double c, double p) {
		double den = m - 2 * c + p;
		if (den >= 0) return 0;
		double o = 0.5 * (m - p) / den;
		return Math.max(-0.5, Math.min(0.5, o));
	}

	private static int signed(int i, int n) {
		return i > n / 2 ? i - n : i;
	}
}
