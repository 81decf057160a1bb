package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;

/**
 * Pixel-driven parallel-beam back-projection with linear interpolation along the detector. Output pixel
 * (x, y) of an n × n slice sits at X = x − (n−1)/2, Y = y − (n−1)/2 pixels from the rotation axis and reads
 * detector position u = centre + X cos θ + Y sin θ. Work is split over blocks of output rows, each summing
 * the angles in a fixed order, so the result is bit-identical whatever the thread count; within a block
 * every filtered projection is swept over all its rows while it is hot in cache.
 */
public final class BackProjector {
	private static final int ROW_BLOCK = 32;
	private static final int GROUP = 4;

	private BackProjector() {}

	/**
	 * Back-projects filtered projections.
	 *
	 * @param filtered [angle][detector] filtered sinogram
	 * @param anglesRad projection angles
	 * @param centerPx rotation axis position on the detector (pixels, sub-pixel allowed)
	 * @param size output width and height
	 * @param circularMask zero outside the inscribed circle of the output
	 * @param scale factor applied to the sum (π / number of angles for FBP)
	 * @param threads worker threads
	 * @return size × size slice, x fastest
	 */
	public static float[] backProject(float[][] filtered, double[] anglesRad, double centerPx, int size,
			boolean circularMask, double scale, int threads) {
		int na = filtered.length;
		if (na != anglesRad.length)
			throw new TomoException("Sinogram has " + na + " rows but " + anglesRad.length + " angles were given");
		int w = filtered[0].length;
		// Interleaved value and forward difference: one cache line serves both interpolation terms.
		float[][] qd = new float[na][];
		Parallel.forEach(na, threads, i -> {
			float[] q = filtered[i];
			float[] d = new float[2 * w + 2];
			for (int k = 0; k < w - 1; k++) {
				d[2 * k] = q[k];
				d[2 * k + 1] = q[k + 1] - q[k];
			}
			d[2 * (w - 1)] = q[w - 1];
			d[2 * (w - 1) + 1] = -q[w - 1];
			qd[i] = d;
		});
		float[] cos = new float[na];
		float[] sin = new float[na];
		for (int i = 0; i < na; i++) {
			cos[i] = (float) Math.cos(anglesRad[i]);
			sin[i] = (float) Math.sin(anglesRad[i]);
		}
		float[] out = new float[size * size];
		double half = (size - 1) / 2.0;
		int[] x0 = new int[size];
		int[] x1 = new int[size];
		for (int y = 0; y < size; y++) {
			if (circularMask) {
				double dy = y - half;
				double r2 = half * half + 0.25 - dy * dy;
				if (r2 < 0) {
					x0[y] = 0;
					x1[y] = -1;
					continue;
				}
				double r = Math.sqrt(r2);
				x0[y] = Math.max(0, (int) Math.ceil(half - r));
				x1[y] = Math.min(size - 1, (int) Math.floor(half + r));
			} else {
				x0[y] = 0;
				x1[y] = size - 1;
			}
		}
		int blocks = (size + ROW_BLOCK - 1) / ROW_BLOCK;
		float umax = w - 1;
		float c = (float) centerPx;
		float fhalf = (float) half;
		// Mirror pairs θ and π − θ: u_{π−θ}(X, Y) = u_θ(−X, Y), so one detector position serves pixel x for θ and
		// pixel n−1−x (same row) for π − θ, halving the index arithmetic of a uniform 180° scan.
		int[] partner = mirrorPartners(anglesRad);
		int[] pairs = java.util.stream.IntStream.range(0, na).filter(i -> partner[i] > i).toArray();
		int[] singles = java.util.stream.IntStream.range(0, na).filter(i -> partner[i] < 0).toArray();
		Parallel.forEach(blocks, threads, b -> {
			int yStart = b * ROW_BLOCK;
			int yEnd = Math.min(size, yStart + ROW_BLOCK);
			int[] lo = new int[GROUP];
			int[] hi = new int[GROUP];
			float[] bases = new float[GROUP];
			// Angles in fixed groups: one pass over the output row per group (fewer loads and stores of the
			// accumulator, more independent work per pixel); the grouping depends only on the angle index, never on
			// the thread, so sums are reproducible.
			for (int g = 0; g < pairs.length; g += 2) {
				int ng = Math.min(2, pairs.length - g);
				for (int y = yStart; y < yEnd; y++) {
					if (x1[y] < x0[y]) continue;
					int off = y * size;
					int mb = off + size - 1;
					int common0 = Integer.MIN_VALUE;
					int common1 = Integer.MAX_VALUE;
					for (int a = 0; a < ng; a++) {
						int i = pairs[g + a];
						float cs = cos[i];
						float base = c + (y - fhalf) * sin[i] - fhalf * cs;
						bases[a] = base;
						clip(base, cs, umax, x0[y], x1[y], lo, hi, a);
						common0 = Math.max(common0, lo[a]);
						common1 = Math.min(common1, hi[a]);
					}
					if (ng == 2 && common0 <= common1) {
						int p0 = pairs[g], p1 = pairs[g + 1];
						float[] dA = qd[p0], dA2 = qd[partner[p0]], dB = qd[p1], dB2 = qd[partner[p1]];
						float c0 = cos[p0], c1 = cos[p1];
						float b0 = bases[0], b1 = bases[1];
						float xf = common0;
						for (int x = common0; x <= common1; x++, xf += 1f) {
							float u0 = b0 + xf * c0;
							float u1 = b1 + xf * c1;
							int k0 = (int) u0, k1 = (int) u1;
							float f0 = u0 - k0, f1 = u1 - k1;
							int j0 = 2 * k0, j1 = 2 * k1;
							out[off + x] += (dA[j0] + f0 * dA[j0 + 1]) + (dB[j1] + f1 * dB[j1 + 1]);
							out[mb - x] += (dA2[j0] + f0 * dA2[j0 + 1]) + (dB2[j1] + f1 * dB2[j1 + 1]);
						}
						for (int a = 0; a < 2; a++) {
							int i = pairs[g + a];
							addPair(out, off, mb, qd[i], qd[partner[i]], bases[a], cos[i], lo[a], common0 - 1);
							addPair(out, off, mb, qd[i], qd[partner[i]], bases[a], cos[i], common1 + 1, hi[a]);
						}
					} else {
						for (int a = 0; a < ng; a++) {
							int i = pairs[g + a];
							addPair(out, off, mb, qd[i], qd[partner[i]], bases[a], cos[i], lo[a], hi[a]);
						}
					}
				}
			}
			for (int g = 0; g < singles.length; g += GROUP) {
				int ng = Math.min(GROUP, singles.length - g);
				for (int y = yStart; y < yEnd; y++) {
					if (x1[y] < x0[y]) continue;
					int off = y * size;
					int common0 = Integer.MIN_VALUE;
					int common1 = Integer.MAX_VALUE;
					for (int a = 0; a < ng; a++) {
						int i = singles[g + a];
						float cs = cos[i];
						float base = c + (y - fhalf) * sin[i] - fhalf * cs;
						bases[a] = base;
						clip(base, cs, umax, x0[y], x1[y], lo, hi, a);
						common0 = Math.max(common0, lo[a]);
						common1 = Math.min(common1, hi[a]);
					}
					if (ng == GROUP && common0 <= common1) {
						int i0 = singles[g], i1 = singles[g + 1], i2 = singles[g + 2], i3 = singles[g + 3];
						float[] d0 = qd[i0], d1 = qd[i1], d2 = qd[i2], d3 = qd[i3];
						float c0 = cos[i0], c1 = cos[i1], c2 = cos[i2], c3 = cos[i3];
						float b0 = bases[0], b1 = bases[1], b2 = bases[2], b3 = bases[3];
						float xf = common0;
						for (int x = common0; x <= common1; x++, xf += 1f) {
							float u0 = b0 + xf * c0;
							float u1 = b1 + xf * c1;
							float u2 = b2 + xf * c2;
							float u3 = b3 + xf * c3;
							int k0 = (int) u0, k1 = (int) u1, k2 = (int) u2, k3 = (int) u3;
							float v0 = d0[2 * k0] + (u0 - k0) * d0[2 * k0 + 1];
							float v1 = d1[2 * k1] + (u1 - k1) * d1[2 * k1 + 1];
							float v2 = d2[2 * k2] + (u2 - k2) * d2[2 * k2 + 1];
							float v3 = d3[2 * k3] + (u3 - k3) * d3[2 * k3 + 1];
							out[off + x] += (v0 + v1) + (v2 + v3);
						}
						for (int a = 0; a < ng; a++) {
							int i = singles[g + a];
							add(out, off, qd[i], bases[a], cos[i], lo[a], common0 - 1);
							add(out, off, qd[i], bases[a], cos[i], common1 + 1, hi[a]);
						}
					} else {
						for (int a = 0; a < ng; a++) {
							int i = singles[g + a];
							add(out, off, qd[i], bases[a], cos[i], lo[a], hi[a]);
						}
					}
				}
			}
			float s = (float) scale;
			for (int y = yStart; y < yEnd; y++) {
				int off = y * size;
				for (int x = 0; x < size; x++)
					out[off + x] *= s;
			}
		});
		return out;
	}

	/** For each angle the index of the angle π − θ (mod 2π) if present, else −1; each angle is used in at most one pair. */
	static int[] mirrorPartners(double[] anglesRad) {
		int n = anglesRad.length;
		int[] partner = new int[n];
		java.util.Arrays.fill(partner, -1);
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		double[] key = new double[n];
		for (int i = 0; i < n; i++)
			key[i] = mod2pi(anglesRad[i]);
		java.util.Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
		double[] sorted = new double[n];
		for (int i = 0; i < n; i++)
			sorted[i] = key[order[i]];
		for (int i = 0; i < n; i++) {
			if (partner[i] >= 0) continue;
			double target = mod2pi(Math.PI - anglesRad[i]);
			int pos = java.util.Arrays.binarySearch(sorted, target);
			if (pos < 0) pos = -pos - 1;
			for (int q = Math.max(0, pos - 1); q <= Math.min(n - 1, pos + 1); q++) {
				int j = order[q];
				double d = Math.abs(sorted[q] - target);
				if (j != i && partner[j] < 0 && (d < 1e-9 || Math.abs(d - 2 * Math.PI) < 1e-9)) {
					partner[i] = j;
					partner[j] = i;
					break;
				}
			}
		}
		return partner;
	}

	private static double mod2pi(double a) {
		double m = a % (2 * Math.PI);
		return m < 0 ? m + 2 * Math.PI : m;
	}

	private static void addPair(float[] out, int off, int mb, float[] d, float[] d2, float base, float cs, int xa, int xb) {
		float xf = xa;
		for (int x = xa; x <= xb; x++, xf += 1f) {
			float u = base + xf * cs;
			int k = (int) u;
			float f = u - k;
			out[off + x] += d[2 * k] + f * d[2 * k + 1];
			out[mb - x] += d2[2 * k] + f * d2[2 * k + 1];
		}
	}

	/** Range of x in [xa, xb] whose detector position base + x cs lies on the detector [0, umax]. */
	private static void clip(float base, float cs, float umax, int xa, int xb, int[] lo, int[] hi, int a) {
		if (cs > 1e-7f) {
			xa = Math.max(xa, (int) Math.ceil((0 - base) / cs));
			xb = Math.min(xb, (int) Math.floor((umax - base) / cs));
		} else if (cs < -1e-7f) {
			xa = Math.max(xa, (int) Math.ceil((umax - base) / cs));
			xb = Math.min(xb, (int) Math.floor((0 - base) / cs));
		} else if (base < 0 || base > umax) {
			xb = xa - 1;
		}
		while (xa <= xb && !inside(base + xa * cs, umax))
			xa++;
		while (xb >= xa && !inside(base + xb * cs, umax))
			xb--;
		lo[a] = xa;
		hi[a] = xb;
	}

	private static void add(float[] out, int off, float[] d, float base, float cs, int xa, int xb) {
		for (int x = xa; x <= xb; x++) {
			float u = base + x * cs;
			int k = (int) u;
			out[off + x] += d[2 * k] + (u - k) * d[2 * k + 1];
		}
	}

	private static boolean inside(float u, float umax) {
		return u >= 0 && u <= umax;
	}
}
