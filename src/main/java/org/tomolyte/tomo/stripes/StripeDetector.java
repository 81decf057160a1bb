package org.tomolyte.tomo.stripes;

import java.util.Arrays;

/**
 * Locates stripes in a normalised per-column profile, algorithm 4 of Vo, Atwood &amp; Drakopoulos, Opt. Express 26,
 * 28396 (2018). The profile is sorted; a straight line fitted to its middle half measures the noise spread
 * (the rise of the line over the whole profile); if the extreme values stand out from that line by at least
 * {@code snr} times the spread, all values beyond half that margin are flagged. Offset- and scale-invariant, so
 * it works on ratio or difference profiles alike.
 */
public final class StripeDetector {
	private StripeDetector() {}

	/**
	 * Flags the outlying entries of a profile.
	 *
	 * @param profile one value per detector column, about constant where there is no stripe
	 * @param snr ratio (> 1) of an outlier's distance to the noise spread; larger is less sensitive
	 * @return true at the columns found to be stripes
	 */
	public static boolean[] detect(double[] profile, double snr) {
		int n = profile.length;
		boolean[] mask = new boolean[n];
		if (n < 8) return mask;
		double[] sorted = profile.clone();
		Arrays.sort(sorted);
		int drop = (int) (0.25 * n);
		// straight-line least squares of sorted[i] against i over the middle half
		int from = drop, to = n - drop - 1; // exclusive end, as the published code
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		int m = to - from;
		for (int i = from; i < to; i++) {
			sx += i;
			sy += sorted[i];
			sxx += (double) i * i;
			sxy += i * sorted[i];
		}
		double denominator = m * sxx - sx * sx;
		double slope = denominator != 0 ? (m * sxy - sx * sy) / denominator : 0;
		double intercept = (sy - slope * sx) / m;
		double end = intercept + slope * (n - 1);
		double noise = Math.max(1e-6, Math.abs(end - intercept));
		double highScore = Math.abs(sorted[n - 1] - end) / noise;
		double lowScore = Math.abs(intercept - sorted[0]) / noise;
		if (highScore >= snr) {
			double upper = end + noise * snr * 0.5;
			for (int i = 0; i < n; i++)
				if (profile[i] > upper) mask[i] = true;
		}
		if (lowScore >= snr) {
			double lower = intercept - noise * snr * 0.5;
			for (int i = 0; i < n; i++)
				if (profile[i] <= lower) mask[i] = true;
		}
		return mask;
	}

	/** Grows a mask by one column on each side (binary dilation with a 3-wide element). */
	static boolean[] dilate(boolean[] mask) {
		boolean[] out = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++)
			if (mask[i]) {
				out[i] = true;
				if (i > 0) out[i - 1] = true;
				if (i + 1 < mask.length) out[i + 1] = true;
			}
		return out;
	}

	/** Indices of the true entries. */
	public static int[] indices(boolean[] mask) {
		int count = 0;
		for (boolean b : mask)
			if (b) count++;
		int[] out = new int[count];
		int k = 0;
		for (int i = 0; i < mask.length; i++)
			if (mask[i]) out[k++] = i;
		return out;
	}
}
