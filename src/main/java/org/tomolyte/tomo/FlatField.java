package org.tomolyte.tomo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flat/dark normalisation T = (I − D) / (F − D) and the line integral −ln T (Beer–Lambert), with the flat and
 * dark stacks combined by mean or median, and flats taken before and after the scan interpolated linearly by
 * projection index (beam decay). Transmissions that are not positive or not finite (dead pixels, dark above
 * flat, zingers in the dark) are clamped to a small positive value and counted, so the −log never produces
 * infinities; the count is reported back.
 */
public final class FlatField {
	/** How a stack of flats or darks is combined per pixel. */
	public enum Combine {
		MEAN, MEDIAN
	}

	/** Normalised projections and how many values had to be clamped. */
	public static final class Result {
		private final ProjectionSet set;
		private final long clampedCount;

		Result(ProjectionSet set, long clampedCount) {
			this.set = set;
			this.clampedCount = clampedCount;
		}

		/** Line integrals (or transmissions if log was off). */
		public ProjectionSet projections() {
			return set;
		}

		/** Number of values whose transmission was ≤ the minimum or not finite and was clamped. */
		public long clampedCount() {
			return clampedCount;
		}
	}

	private final Combine combine;
	private final boolean interpolateFlats;
	private final boolean log;
	private final double minTransmission;

	/**
	 * @param combine mean or median of the flat and dark stacks
	 * @param interpolateFlats interpolate between the flats taken before and after the projections (by projection
	 *            index) when their positions are known
	 * @param log return −ln T (line integrals) rather than T
	 * @param minTransmission clamp value for non-positive or non-finite transmissions, e.g. 1e-4
	 */
	public FlatField(Combine combine, boolean interpolateFlats, boolean log, double minTransmission) {
		if (!(minTransmission > 0 && minTransmission < 1))
			throw new TomoException("Minimum transmission must be between 0 and 1 (exclusive), got " + minTransmission);
		this.combine = combine;
		this.interpolateFlats = interpolateFlats;
		this.log = log;
		this.minTransmission = minTransmission;
	}

	/** Mean, interpolated, −log, clamp at 1e-4. */
	public static FlatField defaults() {
		return new FlatField(Combine.MEAN, true, true, 1e-4);
	}

	/**
	 * Normalises raw counts. Without flats the brightest value of each sinogram row band stands in for the open
	 * beam (only an additive constant in −log); without darks the dark is zero. Already-normalised input is
	 * returned unchanged.
	 */
	public Result apply(ProjectionSet raw) {
		if (raw.kind() == ProjectionSet.Kind.LINE_INTEGRALS) return new Result(raw, 0);
		int n = raw.width() * raw.height();
		float[] dark = raw.darks().length > 0 ? combine(raw.darks(), n) : new float[n];
		float[][] proj = raw.projections();
		int np = proj.length;
		float[] flatBefore;
		float[] flatAfter = null;
		double posBefore = 0, posAfter = 0;
		if (raw.flats().length == 0) {
			float max = 0;
			for (float[] p : proj)
				for (float v : p)
					if (v > max) max = v;
			flatBefore = new float[n];
			Arrays.fill(flatBefore, max > 0 ? max : 1);
		} else {
			double[] pos = raw.flatPositions();
			List<float[]> before = new ArrayList<>();
			List<float[]> after = new ArrayList<>();
			double sb = 0, sa = 0;
			for (int i = 0; i < pos.length; i++) {
				if (interpolateFlats && Double.isFinite(pos[i]) && pos[i] > (np - 1) / 2.0) {
					after.add(raw.flats()[i]);
					sa += pos[i];
				} else {
					before.add(raw.flats()[i]);
					sb += Double.isFinite(pos[i]) ? pos[i] : 0;
				}
			}
			if (before.isEmpty()) {
				before = after;
				after = new ArrayList<>();
				sb = sa;
			}
			flatBefore = combine(before.toArray(new float[0][]), n);
			posBefore = sb / before.size();
			if (!after.isEmpty()) {
				flatAfter = combine(after.toArray(new float[0][]), n);
				posAfter = sa / after.size();
			}
		}
		float[][] out = new float[np][n];
		long[] clamped = new long[np];
		float[] fb = flatBefore, fa = flatAfter;
		double pb = posBefore, pa = posAfter;
		float minT = (float) minTransmission;
		Parallel.forEach(np, Parallel.defaultThreads(), i -> {
			float wAfter = fa == null ? 0 : (float) Math.max(0, Math.min(1, (i - pb) / (pa - pb)));
			float[] p = proj[i];
			float[] o = out[i];
			long c = 0;
			for (int k = 0; k < n; k++) {
				float flat = fa == null ? fb[k] : fb[k] + wAfter * (fa[k] - fb[k]);
				float t = (p[k] - dark[k]) / (flat - dark[k]);
				if (!(t >= minT) || t == Float.POSITIVE_INFINITY) {
					t = minT;
					c++;
				}
				o[k] = log ? (float) -Math.log(t) : t;
			}
			clamped[i] = c;
		});
		long total = 0;
		for (long c : clamped)
			total += c;
		ProjectionSet.Kind kind = log ? ProjectionSet.Kind.LINE_INTEGRALS : ProjectionSet.Kind.COUNTS;
		return new Result(raw.withProjections(out, kind), total);
	}

	private float[] combine(float[][] stack, int n) {
		float[] r = new float[n];
		if (stack.length == 1) return stack[0].clone();
		if (combine == Combine.MEAN) {
			for (float[] s : stack)
				for (int k = 0; k < n; k++)
					r[k] += s[k];
			for (int k = 0; k < n; k++)
				r[k] /= stack.length;
		} else {
			float[] v = new float[stack.length];
			for (int k = 0; k < n; k++) {
				for (int j = 0; j < stack.length; j++)
					v[j] = stack[j][k];
				Arrays.sort(v);
				int m = v.length / 2;
				r[k] = v.length % 2 == 1 ? v[m] : 0.5f * (v[m - 1] + v[m]);
			}
		}
		return r;
	}
}
