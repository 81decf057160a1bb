package org.tomolyte.tomo.stripes;

/**
 * The combination of Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396 (2018), as algotom's
 * {@code remove_all_stripe}: dead/fluctuating stripes (algorithm 6, without its residual step), then large stripes
 * (algorithm 5, with algorithm 4's detection), then small-to-medium stripes by sorting (algorithm 3).
 */
public final class AllStripeFilter implements StripeFilter {

	/** Immutable settings with the published defaults ({@code snr=3 la_size=51 sm_size=21 drop_ratio=0.1 dim=1}). */
	public static final class Settings {
		public static final Settings DEFAULT = new Settings(3, 51, 21, 0.1, 1, StripeModel.ADDITIVE);

		/** Detection ratio (> 1) for the dead and large steps; larger is less sensitive. */
		public final double snr;
		/** Median window for the dead and large steps, pixels (odd). */
		public final int largeSize;
		/** Median window for the final sorting step, pixels (odd). */
		public final int smallSize;
		/** Fraction of extreme sorted values left out by the large-stripe step (0 to 0.8). */
		public final double dropRatio;
		/** Window dimension of the sorting step (1 or 2). */
		public final int dim;
		/** Normalisation model of the large-stripe step. */
		public final StripeModel model;

		public Settings(double snr, int largeSize, int smallSize, double dropRatio, int dim, StripeModel model) {
			this.snr = snr;
			this.largeSize = largeSize;
			this.smallSize = smallSize;
			this.dropRatio = dropRatio;
			this.dim = dim;
			this.model = model;
			// validates every value through the step settings, so errors name the parameter
			steps();
		}

		DeadStripeFilter.Settings dead() {
			return new DeadStripeFilter.Settings(snr, largeSize, false, 10, model);
		}

		LargeStripeFilter.Settings large() {
			return new LargeStripeFilter.Settings(snr, largeSize, dropRatio, true, model);
		}

		SortingFilter.Settings sorting() {
			return new SortingFilter.Settings(smallSize, dim);
		}

		private void steps() {
			dead();
			large();
			sorting();
		}

		public Settings withSnr(double v) {
			return new Settings(v, largeSize, smallSize, dropRatio, dim, model);
		}

		public Settings withLargeSize(int v) {
			return new Settings(snr, v, smallSize, dropRatio, dim, model);
		}

		public Settings withSmallSize(int v) {
			return new Settings(snr, largeSize, v, dropRatio, dim, model);
		}

		public Settings withDropRatio(double v) {
			return new Settings(snr, largeSize, smallSize, v, dim, model);
		}

		public Settings withDim(int v) {
			return new Settings(snr, largeSize, smallSize, dropRatio, v, model);
		}

		public Settings withModel(StripeModel v) {
			return new Settings(snr, largeSize, smallSize, dropRatio, dim, v);
		}
	}

	private final Settings settings;

	public AllStripeFilter(Settings settings) {
		this.settings = settings;
	}

	public AllStripeFilter() {
		this(Settings.DEFAULT);
	}

	public Settings settings() {
		return settings;
	}

	@Override
	public float[][] apply(float[][] sinogram) {
		float[][] s = new DeadStripeFilter(settings.dead()).apply(sinogram);
		s = new LargeStripeFilter(settings.large()).apply(s);
		return new SortingFilter(settings.sorting()).apply(s);
	}

	@Override
	public String name() {
		return "all";
	}

	@Override
	public String parameters() {
		return "snr=" + settings.snr + " la_size=" + settings.largeSize + " sm_size=" + settings.smallSize
				+ " drop_ratio=" + settings.dropRatio + " dim=" + settings.dim + " model=" + settings.model.key();
	}
}
