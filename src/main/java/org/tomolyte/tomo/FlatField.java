package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flat/dark normalisation T = (I − D) / (F − D) and the line integral −ln T (Beer–Lambert), with the flat and
 * dark stacks combined by mean or median, and flats taken before and after the scan interpolated linearly by
 * projection index (beam decay). Transmissions that are not positive or not finite (dead pixels, dark above
 * flat, zingers in the dark) are clamped to a small positive value and counted, so the −log never produces
 * infinities; the count is reported back. Dead detector pixels — whose flat field rises less than
 * {@value #DEAD_FRACTION} of the row's median above the dark — carry no signal at all; they are filled by linear
 * interpolation between their live neighbours along the detector row (the usual defective-pixel correction), as
 * a clamped −log of noise over noise would be a full-height stripe of about 9 that ruins the centre search and
 * rings the reconstruction.
 */
public final class FlatField {
	/** A pixel whose flat − dark is below this fraction of its row's median is dead. */
	static final double DEAD_FRACTION = 0.05;

	/** How a stack of flats or darks is combined per pixel. */
	public enum Combine {
		MEAN, MEDIAN
	}

	/** Normalised projections and how many values had to be clamped. */
	public static final class Result {
		private final ProjectionSet set;
		private final long clampedCount;
		private final int deadPixels;

		Result(ProjectionSet set, long clampedCount, int deadPixels) {
			this.set = set;
			this.clampedCount = clampedCount;
			this.deadPixels = deadPixels;
		}

		/** Number of dead detector pixels (flat not above dark) filled from their neighbours in every projection. */
		public int deadPixels() {
			return deadPixels;
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
		if (raw.kind() == ProjectionSet.Kind.LINE_INTEGRALS) return new Result(raw, 0, 0);
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
		boolean[] dead = raw.flats().length == 0 ? null : deadPixels(flatBefore, flatAfter, dark, raw.width(), raw.height());
		int deadCount = 0;
		if (dead != null)
			for (boolean d : dead)
				if (d) deadCount++;
		float[][] out = new float[np][n];
		long[] clamped = new long[np];
		float[] fb = flatBefore, fa = flatAfter;
		double pb = posBefore, pa = posAfter;
		float minT = (float) minTransmission;
		Parallel.forEach(np, Parallel.threads(0), i -> {
			float wAfter = fa == null ? 0 : (float) Math.max(0, Math.min(1, (i - pb) / (pa - pb)));
			float[] p = proj[i];
			float[] o = out[i];
			long c = 0;
			for (int k = 0; k < n; k++) {
				if (dead != null && dead[k]) continue;
				float flat = fa == null ? fb[k] : fb[k] + wAfter * (fa[k] - fb[k]);
				float t = (p[k] - dark[k]) / (flat - dark[k]);
				if (!(t >= minT) || t == Float.POSITIVE_INFINITY) {
					t = minT;
					c++;
				}
				o[k] = log ? (float) -Math.log(t) : t;
			}
			clamped[i] = c;
			if (dead != null) fillDead(o, dead, raw.width(), log ? 0 : 1);
		});
		long total = 0;
		for (long c : clamped)
			total += c;
		ProjectionSet.Kind kind = log ? ProjectionSet.Kind.LINE_INTEGRALS : ProjectionSet.Kind.COUNTS;
		return new Result(raw.withProjections(out, kind), total, deadCount);
	}

	/** Pixels whose flat (before and, if any, after) rises less than DEAD_FRACTION of the row median above the dark. */
	private static boolean[] deadPixels(float[] flatBefore, float[] flatAfter, float[] dark, int width, int height) {
		boolean[] dead = new boolean[width * height];
		float[] gap = new float[width];
		for (int y = 0; y < height; y++) {
			int off = y * width;
			for (int x = 0; x < width; x++) {
				float g = flatBefore[off + x] - dark[off + x];
				if (flatAfter != null) g = Math.min(g, flatAfter[off + x] - dark[off + x]);
				gap[x] = Float.isFinite(g) ? g : 0;
			}
			float[] sorted = gap.clone();
			Arrays.sort(sorted);
			double limit = DEAD_FRACTION * sorted[width / 2];
			if (!(limit > 0)) continue; // no usable open beam on this row: leave it to the clamping
			for (int x = 0; x < width; x++)
				dead[off + x] = gap[x] <= limit;
		}
		return dead;
	}

	/** Linear interpolation across runs of dead pixels along each detector row; a row with no live pixel gets {@code fallback}. */
	private static void fillDead(float[] values, boolean[] dead, int width, float fallback) {
		for (int off = 0; off < values.length; off += width) {
			int x = 0;
			while (x < width) {
				if (!dead[off + x]) {
					x++;
					continue;
				}
				int left = x - 1, right = x;
				while (right < width && dead[off + right])
					right++;
				for (int k = x; k < right; k++) {
					float v;
					if (left < 0 && right >= width) v = fallback;
					else if (left < 0) v = values[off + right];
					else if (right >= width) v = values[off + left];
					else v = values[off + left] + (float) (k - left) / (right - left) * (values[off + right] - values[off + left]);
					values[off + k] = v;
				}
				x = right;
			}
		}
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
