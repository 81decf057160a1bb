package org.tomolyte.synth.cell;

import org.tomolyte.task.Parallel;
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

	/** Separable 3D Gaussian blur with clamped edges, in place; every pass runs along contiguous memory. */
	static void blur(Volume v, double sigma, int threads, Progress progress) {
		int rad = (int) Math.ceil(3 * sigma);
		float[] k = new float[2 * rad + 1];
		double sum = 0;
		for (int i = -rad; i <= rad; i++) sum += Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = -rad; i <= rad; i++) k[i + rad] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
		int w = v.width(), h = v.height(), d = v.depth();
		Parallel.forEach(d, threads, progress.sub(0, 0.5), "Blurring", z -> {
			float[] s = v.slice(z);
			float[] tmp = new float[w * h];
			// along x
			for (int y = 0; y < h; y++) {
				int o = y * w;
				for (int x = 0; x < w; x++) {
					float a = 0;
					if (x >= rad && x < w - rad) for (int j = -rad; j <= rad; j++) a += k[j + rad] * s[o + x + j];
					else for (int j = -rad; j <= rad; j++) a += k[j + rad] * s[o + clamp(x + j, w)];
					tmp[o + x] = a;
				}
			}
			// along y, whole rows at a time
			java.util.Arrays.fill(s, 0f);
			for (int y = 0; y < h; y++) {
				int o = y * w;
				for (int j = -rad; j <= rad; j++) {
					int src = clamp(y + j, h) * w;
					float kj = k[j + rad];
					for (int x = 0; x < w; x++) s[o + x] += kj * tmp[src + x];
				}
			}
		});
		// along z, whole slices at a time, from a copy of the original slices
		float[][] src = new float[d][];
		for (int z = 0; z < d; z++) src[z] = v.slice(z).clone();
		Parallel.forEach(d, threads, progress.sub(0.5, 1), "Blurring", z -> {
			float[] out = v.slice(z);
			java.util.Arrays.fill(out, 0f);
			for (int j = -rad; j <= rad; j++) {
				float[] in = src[clamp(z + j, d)];
				float kj = k[j + rad];
				for (int i = 0; i < out.length; i++) out[i] += kj * in[i];
			}
		});
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
