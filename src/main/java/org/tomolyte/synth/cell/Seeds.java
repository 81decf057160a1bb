package org.tomolyte.synth.cell;

import java.util.SplittableRandom;

/** Independent, reproducible random streams for each part of the generator, derived from the user seed. */
final class Seeds {
	static final int SURFACE = 1, VOIDS = 2, DRIFT = 3, RINGS = 4, NOISE = 5, PROJECTION = 6;

	private Seeds() {}

	static SplittableRandom random(long seed, int purpose, long index) {
		long h = seed * 0x9E3779B97F4A7C15L;
		h ^= (purpose + 1L) * 0xC2B2AE3D27D4EB4FL;
		h = Long.rotateLeft(h, 31) * 0x165667B19E3779F9L;
		h ^= (index + 1L) * 0xD6E8FEB86659FD93L;
		h ^= h >>> 29;
		return new SplittableRandom(h);
	}

	/** A standard normal deviate (Box–Muller, one value per call, deterministic). */
	static double gaussian(SplittableRandom r) {
		double u1 = r.nextDouble(), u2 = r.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Fills {@code out} with standard normal deviates (Marsaglia's polar method, two per accepted pair). */
	static void gaussians(SplittableRandom r, double[] out) {
		int i = 0;
		while (i < out.length) {
			double u = 2 * r.nextDouble() - 1, v = 2 * r.nextDouble() - 1, s = u * u + v * v;
			if (s >= 1 || s == 0) continue;
			double f = Math.sqrt(-2 * Math.log(s) / s);
			out[i++] = u * f;
			if (i < out.length) out[i++] = v * f;
		}
	}
}
