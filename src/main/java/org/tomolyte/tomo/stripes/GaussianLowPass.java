package org.tomolyte.tomo.stripes;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Gaussian low-pass in the Fourier domain (JTransforms real FFT) for one padded line: bin k is scaled by
 * exp(−k²/(2σ²)), k the signed frequency index of the padded length. This is the window Vo et al. (2018) use to
 * split a column into its smooth (low-pass) and sharp parts (algorithm 2) and to smooth the fitted sinogram
 * (algorithm 1). Not thread-safe: one instance per thread.
 */
final class GaussianLowPass {
	private final int length;
	private final FloatFFT_1D fft;
	private final float[] weightOfBin;

	GaussianLowPass(int length, double sigma) {
		if (!(sigma > 0)) throw new StripeException("sigma must be > 0, got " + sigma);
		this.length = length;
		this.fft = new FloatFFT_1D(length);
		this.weightOfBin = new float[length / 2 + 1];
		for (int k = 0; k < weightOfBin.length; k++)
			weightOfBin[k] = (float) Math.exp(-(double) k * k / (2 * sigma * sigma));
	}

	int length() {
		return length;
	}

	/** Filters {@code data[0..length)} in place. */
	void apply(float[] data) {
		fft.realForward(data);
		// JTransforms' packed layout: [0] = bin 0, [1] = bin n/2 (real part, or imaginary part for odd n),
		// [i >= 2] = real/imaginary parts of bin i/2; a real symmetric window scales both parts alike.
		data[0] *= weightOfBin[0];
		if (length > 1) data[1] *= weightOfBin[length / 2];
		for (int i = 2; i < length; i++)
			data[i] *= weightOfBin[i / 2];
		fft.realInverse(data, true);
	}
}
