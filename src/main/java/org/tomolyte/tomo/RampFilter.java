package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * The ramp filter of filtered back-projection built from its band-limited spatial-domain kernel
 * h(0) = 1/4, h(n odd) = −1/(π²n²), h(n even) = 0 (Kak &amp; Slaney 1988, eq. 3.61, unit sampling), applied
 * by FFT (JTransforms) on rows padded to at least twice the width so the kernel does not wrap around.
 * Building the response from the spatial kernel, rather than sampling |ω|, gives the correct DC term, so
 * reconstructions keep their absolute scale.
 */
public final class RampFilter {
	private final int width;
	private final int paddedLength;
	private final Padding padding;
	private final float[] response;
	private final ThreadLocal<FloatFFT_1D> fft;

	/** A filter for detector rows of {@code width} pixels. */
	public RampFilter(int width, FilterWindow window, Padding padding) {
		if (width < 2) throw new TomoException("Detector width must be at least 2 pixels, got " + width);
		this.width = width;
		this.padding = padding;
		int p = 64;
		while (p < 2 * width)
			p <<= 1;
		this.paddedLength = p;
		this.response = frequencyResponse(p, window);
		this.fft = ThreadLocal.withInitial(() -> new FloatFFT_1D(paddedLength));
	}

	/** Padded FFT length used (a power of two ≥ 2 × width). */
	public int paddedLength() {
		return paddedLength;
	}

	/**
	 * Real, even response H[k], k = 0..P/2, of the spatial kernel times the window; the window argument is
	 * k/P cycles per pixel.
	 */
	static float[] frequencyResponse(int p, FilterWindow window) {
		double[] h = new double[2 * p];
		h[0] = 0.25;
		for (int n = 1; n <= p / 2; n += 2) {
			double v = -1.0 / (Math.PI * Math.PI * n * n);
			h[2 * n] = v;
			h[2 * (p - n)] = v;
		}
		new org.jtransforms.fft.DoubleFFT_1D(p).complexForward(h);
		float[] r = new float[p / 2 + 1];
		for (int k = 0; k <= p / 2; k++)
			r[k] = (float) (h[2 * k] * window.gain((double) k / p));
		return r;
	}

	/** Filters one detector row ({@code width} values) into {@code out} (same length). Thread-safe. */
	public void filterRow(float[] row, float[] out) {
		int w = width;
		int p = paddedLength;
		float[] a = new float[p];
		System.arraycopy(row, 0, a, 0, w);
		if (padding == Padding.EDGE) {
			// Circular buffer: the right half of the padding continues the last value, the left half (wrapping
			// to the end) the first value.
			int mid = w + (p - w) / 2;
			float last = row[w - 1];
			float first = row[0];
			for (int i = w; i < mid; i++)
				a[i] = last;
			for (int i = mid; i < p; i++)
				a[i] = first;
		}
		FloatFFT_1D f = fft.get();
		f.realForward(a);
		float[] r = response;
		a[0] *= r[0];
		a[1] *= r[p / 2];
		for (int k = 1; k < p / 2; k++) {
			a[2 * k] *= r[k];
			a[2 * k + 1] *= r[k];
		}
		f.realInverse(a, true);
		System.arraycopy(a, 0, out, 0, w);
	}

	/** Filters every row of a sinogram [angle][detector] into a new array, rows in parallel. */
	public float[][] filter(float[][] sinogram, int threads) {
		float[][] out = new float[sinogram.length][width];
		for (float[] row : sinogram)
			if (row.length != width)
				throw new TomoException("Sinogram row has " + row.length + " pixels, the filter was built for " + width);
		Parallel.forEach(sinogram.length, threads, i -> filterRow(sinogram[i], out[i]));
		return out;
	}
}
