package org.tomolyte.synth.cell;

import org.tomolyte.filter.GaussianBlur;
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
		if (p.blurSigmaVoxels() > 0) GaussianBlur.blur(v, p.blurSigmaVoxels(), p.threads(), progress.sub(0, 0.6));
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
}
