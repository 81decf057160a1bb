package org.tomolyte.synth.cell;

import java.util.SplittableRandom;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Turns a partial-volume rendering into a reconstruction-like scan: Gaussian blur (the system's point spread),
 * lab-frame rings, then noise (Gaussian with optional signal-dependent variance). Noise streams are seeded
 * per (seed, scan, slice), so the result is identical whatever the thread count.
 */
final class ImageDegradation {
	private ImageDegradation() {}

	static void apply(Volume v, CellParameters p, RingPattern rings, int scanIndex, Progress progress) {
		if (p.blurSigmaVoxels() > 0) blur(v, p.blurSigmaVoxels(), p.threads(), progress.sub(0, 0.6));
		int w = v.width(), h = v.height();
		double sg2 = p.noiseSigmaPerCm() * p.noiseSigmaPerCm(), gain = p.poissonGainPerCm();
		Parallel.forEach(v.depth(), p.threads(), progress.sub(0.6, 1), "Adding rings and noise", z -> {
			float[] s = v.slice(z);
			rings.addTo(s, w, h, z);
			if (sg2 > 0 || gain > 0) {
				SplittableRandom r = Seeds.random(p.seed(), Seeds.NOISE, (long) scanIndex * 1_000_003L + z);
				double[] g = new double[s.length];
				Seeds.gaussians(r, g);
				double sg = Math.sqrt(sg2);
				for (int i = 0; i < s.length; i++)
					s[i] += (float) ((gain > 0 ? Math.sqrt(sg2 + gain * Math.max(0, s[i])) : sg) * g[i]);
			}
		});
	}

	/** Separable 3D Gaussian blur with clamped edges, in place. */
	static void blur(Volume v, double sigma, int threads, Progress progress) {
		int rad = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * rad + 1];
		double sum = 0;
		for (int i = -rad; i <= rad; i++) sum += k[i + rad] = Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		int w = v.width(), h = v.height(), d = v.depth();
		Parallel.forEach(d, threads, progress.sub(0, 0.5), "Blurring", z -> {
			float[] s = v.slice(z);
			float[] row = new float[Math.max(w, h)];
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					double a = 0;
					for (int j = -rad; j <= rad; j++) a += k[j + rad] * s[y * w + clamp(x + j, w)];
					row[x] = (float) a;
				}
				System.arraycopy(row, 0, s, y * w, w);
			}
			for (int x = 0; x < w; x++) {
				for (int y = 0; y < h; y++) {
					double a = 0;
					for (int j = -rad; j <= rad; j++) a += k[j + rad] * s[clamp(y + j, h) * w + x];
					row[y] = (float) a;
				}
				for (int y = 0; y < h; y++) s[y * w + x] = row[y];
			}
		});
		float[][] src = new float[d][];
		for (int z = 0; z < d; z++) src[z] = v.slice(z).clone();
		Parallel.forEach(d, threads, progress.sub(0.5, 1), "Blurring", z -> {
			float[] out = v.slice(z);
			for (int i = 0; i < out.length; i++) {
				double a = 0;
				for (int j = -rad; j <= rad; j++) a += k[j + rad] * src[clamp(z + j, d)][i];
				out[i] = (float) a;
			}
		});
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
