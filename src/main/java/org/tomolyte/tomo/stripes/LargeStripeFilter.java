package org.tomolyte.tomo.stripes;

/**
 * Large-stripe removal, algorithm 5 of Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396 (2018). Columns are
 * sorted along the angles and median-filtered along the detector with a large window; the mean of each sorted
 * column over its middle ranks (a fraction {@code drop_ratio} of extreme values dropped), compared with the same
 * mean after filtering, gives a per-column profile in which large stripes stand out; {@link StripeDetector}
 * flags them. Every column is then normalised by that profile (full stripes vanish), and the flagged columns
 * are replaced by the sorted-and-filtered values put back in angular order (partial stripes vanish).
 * <p>
 * Caveat (a property of the published method): the detector's noise scale comes from the profile itself, so on
 * sinograms with little noise and object features narrower than {@code size}, the object's own structure can be
 * flagged once a real stripe is present, and those columns are then smoothed. Raise {@code snr}, or use
 * {@link DeadStripeFilter} plus a small {@link SortingFilter} as Vo's sarepy example does for such data.
 */
public final class LargeStripeFilter implements StripeFilter {

	/** Immutable settings with the published defaults ({@code snr=3 size=51 drop_ratio=0.1 norm=true}). */
	public static final class Settings {
		public static final Settings DEFAULT = new Settings(3, 51, 0.1, true, StripeModel.ADDITIVE);

		/** Detection ratio (> 1); larger is less sensitive. */
		public final double snr;
		/** Median window size along the detector, pixels (odd); wider than the widest stripe. */
		public final int size;
		/** Fraction (0 to 0.8) of the sorted values, half at each end, left out of the column means. */
		public final double dropRatio;
		/** Normalise every column by the detected profile (removes full stripes everywhere). */
		public final boolean norm;
		/** Difference (−log sinograms) or ratio (intensity sinograms, as published) normalisation. */
		public final StripeModel model;

		public Settings(double snr, int size, double dropRatio, boolean norm, StripeModel model) {
			if (!(snr > 0) || !Double.isFinite(snr)) throw new StripeException("large: snr must be > 0, got " + snr);
			if (!(dropRatio >= 0 && dropRatio <= 0.8))
				throw new StripeException("large: drop_ratio must be between 0 and 0.8, got " + dropRatio);
			if (model == null) throw new StripeException("large: model must be given");
			this.snr = snr;
			this.size = Sinograms.requireOddSize(size, "large: size");
			this.dropRatio = dropRatio;
			this.norm = norm;
			this.model = model;
		}

		public Settings withSnr(double v) {
			return new Settings(v, size, dropRatio, norm, model);
		}

		public Settings withSize(int v) {
			return new Settings(snr, v, dropRatio, norm, model);
		}

		public Settings withDropRatio(double v) {
			return new Settings(snr, size, v, norm, model);
		}

		public Settings withNorm(boolean v) {
			return new Settings(snr, size, dropRatio, v, model);
		}

		public Settings withModel(StripeModel v) {
			return new Settings(snr, size, dropRatio, norm, v);
		}
	}

	/** What the detector found: the per-column profile and the flagged columns (after one-pixel dilation). */
	public static final class Detection {
		/** Sorted-column mean over filtered mean: a ratio (multiplicative model) or a difference (additive model). */
		public final double[] profile;
		/** True at columns treated as large stripes. */
		public final boolean[] stripe;

		Detection(double[] profile, boolean[] stripe) {
			this.profile = profile;
			this.stripe = stripe;
		}

		public int[] stripeColumns() {
			return StripeDetector.indices(stripe);
		}
	}

	private final Settings settings;

	public LargeStripeFilter(Settings settings) {
		this.settings = settings;
	}

	public LargeStripeFilter() {
		this(Settings.DEFAULT);
	}

	public Settings settings() {
		return settings;
	}

	/** Runs only the detection step. */
	public Detection detect(float[][] sinogram) {
		Sinograms.check(sinogram, 3, 8, "large");
		SortedColumns sorted = SortedColumns.of(sinogram);
		return detect(sorted, MedianFilters.alongRows(sorted.values, settings.size));
	}

	private Detection detect(SortedColumns sorted, float[][] smooth) {
		int rows = sorted.values.length, width = sorted.values[0].length;
		int drop = (int) (0.5 * settings.dropRatio * rows);
		double[] sortedMean = new double[width], smoothMean = new double[width];
		for (int r = drop; r < rows - drop; r++) {
			float[] v = sorted.values[r], s = smooth[r];
			for (int x = 0; x < width; x++) {
				sortedMean[x] += v[x];
				smoothMean[x] += s[x];
			}
		}
		double[] profile = new double[width];
		for (int x = 0; x < width; x++) {
			if (settings.model == StripeModel.ADDITIVE) profile[x] = (sortedMean[x] - smoothMean[x]) / (rows - 2 * drop);
			else profile[x] = smoothMean[x] != 0 ? sortedMean[x] / smoothMean[x] : 1.0;
		}
		return new Detection(profile, StripeDetector.dilate(StripeDetector.detect(profile, settings.snr)));
	}

	@Override
	public float[][] apply(float[][] sinogram) {
		Sinograms.check(sinogram, 3, 8, "large");
		SortedColumns sorted = SortedColumns.of(sinogram);
		float[][] smooth = MedianFilters.alongRows(sorted.values, settings.size);
		Detection found = detect(sorted, smooth);
		int rows = sinogram.length, width = sinogram[0].length;
		float[][] out = Sinograms.copy(sinogram);
		if (settings.norm) {
			for (int a = 0; a < rows; a++)
				for (int x = 0; x < width; x++) {
					if (settings.model == StripeModel.ADDITIVE) out[a][x] -= (float) found.profile[x];
					else if (found.profile[x] != 0) out[a][x] /= (float) found.profile[x];
				}
		}
		int[] columns = found.stripeColumns();
		if (columns.length > 0) {
			float[][] corrected = sorted.unsort(smooth);
			for (int a = 0; a < rows; a++)
				for (int x : columns)
					out[a][x] = corrected[a][x];
		}
		return out;
	}

	@Override
	public String name() {
		return "large";
	}

	@Override
	public String parameters() {
		return "snr=" + settings.snr + " size=" + settings.size + " drop_ratio=" + settings.dropRatio + " norm="
				+ settings.norm + " model=" + settings.model.key();
	}
}
