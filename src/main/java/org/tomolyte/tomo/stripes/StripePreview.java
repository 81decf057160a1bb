package org.tomolyte.tomo.stripes;

/**
 * Before/after comparison of one stripe filter on one sinogram, with the {@link StripeMetrics} of both, for a
 * preview of ring removal (Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396, 2018) before a whole volume is
 * reconstructed.
 */
public final class StripePreview {
	/** The input sinogram (not copied: the caller's array). */
	public final float[][] before;
	/** The filtered sinogram. */
	public final float[][] after;
	/** The filter's name and settings, e.g. {@code "sorting size=21 dim=1"}. */
	public final String filter;
	public final double stripeEnergyBefore, stripeEnergyAfter;
	public final double sharpnessBefore, sharpnessAfter;
	/** RMS of after − before, in sinogram units. */
	public final double rmsChange;

	private StripePreview(float[][] before, float[][] after, String filter) {
		this.before = before;
		this.after = after;
		this.filter = filter;
		this.stripeEnergyBefore = StripeMetrics.stripeEnergy(before);
		this.stripeEnergyAfter = StripeMetrics.stripeEnergy(after);
		this.sharpnessBefore = StripeMetrics.sharpness(before);
		this.sharpnessAfter = StripeMetrics.sharpness(after);
		this.rmsChange = StripeMetrics.rmsDifference(before, after);
	}

	/** Runs the filter on the sinogram and measures both. */
	public static StripePreview of(float[][] sinogram, StripeFilter filter) {
		float[][] after = filter.apply(sinogram);
		String params = filter.parameters();
		return new StripePreview(sinogram, after, params.isEmpty() ? filter.name() : filter.name() + " " + params);
	}

	/** Stripe energy after over before (below 1 when stripes were removed). */
	public double stripeEnergyRatio() {
		return stripeEnergyBefore > 0 ? stripeEnergyAfter / stripeEnergyBefore : 1.0;
	}

	/** Sharpness after over before (about 1 when structure was kept). */
	public double sharpnessRatio() {
		return sharpnessBefore > 0 ? sharpnessAfter / sharpnessBefore : 1.0;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT,
				"%s: stripe energy %.4g -> %.4g (x%.3f), sharpness %.4g -> %.4g (x%.3f), rms change %.4g", filter,
				stripeEnergyBefore, stripeEnergyAfter, stripeEnergyRatio(), sharpnessBefore, sharpnessAfter,
				sharpnessRatio(), rmsChange);
	}
}
