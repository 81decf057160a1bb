package org.tomolyte.interfaces;

import org.tomolyte.model.Volume;

/**
 * A fixed-range histogram of a volume's grey values (every {@code stride}-th voxel in x and y, every slice),
 * the input of automatic thresholds; NaN and infinite values are skipped.
 */
public final class GreyHistogram {
	private final double min;
	private final double binWidth;
	private final double[] counts;

	private GreyHistogram(double min, double binWidth, double[] counts) {
		this.min = min;
		this.binWidth = binWidth;
		this.counts = counts;
	}

	/** Histogram over the 0.05 %–99.95 % grey range (outliers such as zingers are clamped into the end bins). */
	public static GreyHistogram of(Volume v, int bins, int stride) {
		if (bins < 8) throw new InterfaceException("Histogram needs at least 8 bins, got " + bins);
		int s = Math.max(1, stride);
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (int z = 0; z < v.depth(); z++) {
			float[] sl = v.slice(z);
			for (int y = 0; y < v.height(); y += s)
				for (int x = 0, i = y * v.width(); x < v.width(); x += s, i += s) {
					float f = sl[i];
					if (!Float.isFinite(f)) continue;
					if (f < lo) lo = f;
					if (f > hi) hi = f;
				}
		}
		if (lo > hi) throw new InterfaceException("Volume " + v + " holds no finite grey values");
		if (hi == lo) hi = lo + 1;
		// a fine pass to find robust limits
		int fine = 4096;
		double[] c = fill(v, s, lo, (hi - lo) / fine, fine);
		double total = 0;
		for (double x : c) total += x;
		double acc = 0, rlo = lo, rhi = hi;
		boolean loSet = false;
		for (int i = 0; i < fine; i++) {
			acc += c[i];
			if (!loSet && acc >= 0.0005 * total) { rlo = lo + i * (hi - lo) / fine; loSet = true; }
			if (acc >= 0.9995 * total) { rhi = lo + (i + 1) * (hi - lo) / fine; break; }
		}
		if (rhi <= rlo) rhi = rlo + (hi - lo) / fine;
		double w = (rhi - rlo) / bins;
		return new GreyHistogram(rlo, w, fill(v, s, rlo, w, bins));
	}

	private static double[] fill(Volume v, int s, double lo, double w, int bins) {
		double[] c = new double[bins];
		for (int z = 0; z < v.depth(); z++) {
			float[] sl = v.slice(z);
			for (int y = 0; y < v.height(); y += s)
				for (int x = 0, i = y * v.width(); x < v.width(); x += s, i += s) {
					float f = sl[i];
					if (!Float.isFinite(f)) continue;
					int b = (int) Math.floor((f - lo) / w);
					c[Math.max(0, Math.min(bins - 1, b))]++;
				}
		}
		return c;
	}

	public double[] counts() {
		return counts;
	}

	/** Grey value at the lower edge of bin {@code b}. */
	public double binStart(int b) {
		return min + b * binWidth;
	}

	/** Grey value at the centre of bin {@code b}. */
	public double binCentre(int b) {
		return min + (b + 0.5) * binWidth;
	}

	/** Centre of the most populated bin in [from, to), after a 5-bin running mean. */
	public double mode(int from, int to) {
		int best = from;
		double bestV = -1;
		for (int b = Math.max(0, from); b < Math.min(counts.length, to); b++) {
			double s = 0;
			for (int k = -2; k <= 2; k++) {
				int j = b + k;
				if (j >= 0 && j < counts.length) s += counts[j];
			}
			if (s > bestV) { bestV = s; best = b; }
		}
		return binCentre(best);
	}

	/**
	 * The bin of the valley on the dark side of the peak at {@code peakBin}: climbing to the peak's top, then walking down while
	 * the 5-bin running mean keeps falling (the histogram-minimum threshold between two phases).
	 */
	public int valleyBelow(int peakBin) {
		int b = Math.max(0, Math.min(counts.length - 1, peakBin));
		// climb to the top of the peak first (the given bin may sit on its flank), then walk down into the valley
		while (b + 1 < counts.length && smooth(b + 1) > smooth(b)) b++;
		while (b > 0 && smooth(b - 1) >= smooth(b)) b--;
		double cur = smooth(b);
		while (b > 0) {
			double next = smooth(b - 1);
			if (next > cur) break;
			cur = next;
			b--;
		}
		return b;
	}

	private double smooth(int b) {
		double s = 0;
		for (int k = -2; k <= 2; k++) {
			int j = b + k;
			if (j >= 0 && j < counts.length) s += counts[j];
		}
		return s;
	}

	/** Grey value of bin position {@code b}, for a cut between bins b − 1 and b. */
	public double cutValue(int b) {
		return binStart(b);
	}

	public int binOf(double value) {
		return Math.max(0, Math.min(counts.length - 1, (int) Math.floor((value - min) / binWidth)));
	}
}
