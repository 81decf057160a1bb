package org.tomolyte.tomo.stripes;

/**
 * Removal of unresponsive (dead) and fluctuating stripes, algorithm 6 of Vo, Atwood &amp; Drakopoulos, Opt. Express
 * 26, 28396 (2018). Such columns are told apart by their smoothness along the angles: the summed absolute
 * difference between a column and its running mean (window {@code smooth_strength} angles) is far below
 * (dead pixel) or far above (fluctuating pixel) that of neighbouring columns. Flagged columns carry no usable
 * signal, so they are replaced by linear interpolation along the detector from the nearest good columns; then,
 * optionally ({@code residual}), {@link LargeStripeFilter} cleans what is left.
 */
public final class DeadStripeFilter implements StripeFilter {

	/** Immutable settings with the published defaults ({@code snr=3 size=51 residual=true smooth_strength=10}). */
	public static final class Settings {
		public static final Settings DEFAULT = new Settings(3, 51, true, 10, StripeModel.ADDITIVE);

		/** Detection ratio (> 1); larger is less sensitive. */
		public final double snr;
		/** Median window along the detector giving each column's reference roughness, pixels (odd). */
		public final int size;
		/** Run the large-stripe filter afterwards with the same snr and size. */
		public final boolean residual;
		/** Length, in angles, of the running mean that measures a column's roughness. */
		public final int smoothStrength;
		/** Model used by the residual large-stripe step. */
		public final StripeModel model;

		public Settings(double snr, int size, boolean residual, int smoothStrength, StripeModel model) {
			if (!(snr > 0) || !Double.isFinite(snr)) throw new StripeException("dead: snr must be > 0, got " + snr);
			if (smoothStrength < 2)
				throw new StripeException("dead: smooth_strength must be at least 2 angles, got " + smoothStrength);
			if (model == null) throw new StripeException("dead: model must be given");
			this.snr = snr;
			this.size = Sinograms.requireOddSize(size, "dead: size");
			this.residual = residual;
			this.smoothStrength = smoothStrength;
			this.model = model;
		}

		public Settings withSnr(double v) {
			return new Settings(v, size, residual, smoothStrength, model);
		}

		public Settings withSize(int v) {
			return new Settings(snr, v, residual, smoothStrength, model);
		}

		public Settings withResidual(boolean v) {
			return new Settings(snr, size, v, smoothStrength, model);
		}

		public Settings withSmoothStrength(int v) {
			return new Settings(snr, size, residual, v, model);
		}

		public Settings withModel(StripeModel v) {
			return new Settings(snr, size, residual, smoothStrength, v);
		}
	}

	/** What the detector found. */
	public static final class Detection {
		/** Each column's roughness over the median roughness of its neighbourhood (≈ 1 for healthy columns). */
		public final double[] roughnessRatio;
		/** True at columns treated as dead or fluctuating (after one-pixel dilation; never the 2 edge columns). */
		public final boolean[] stripe;

		Detection(double[] roughnessRatio, boolean[] stripe) {
			this.roughnessRatio = roughnessRatio;
			this.stripe = stripe;
		}

		public int[] stripeColumns() {
			return StripeDetector.indices(stripe);
		}
	}

	private final Settings settings;

	public DeadStripeFilter(Settings settings) {
		this.settings = settings;
	}

	public DeadStripeFilter() {
		this(Settings.DEFAULT);
	}

	public Settings settings() {
		return settings;
	}

	/** Runs only the detection step. */
	public Detection detect(float[][] sinogram) {
		Sinograms.check(sinogram, 3, 8, "dead");
		int rows = sinogram.length, width = sinogram[0].length;
		double[] roughness = roughnessAlongAngles(sinogram, settings.smoothStrength);
		double[] background = MedianFilters.line(roughness, settings.size);
		double meanBackground = 0;
		for (double b : background)
			meanBackground += Math.abs(b);
		meanBackground /= width;
		double[] ratio = new double[width];
		for (int x = 0; x < width; x++) {
			double b = background[x] != 0 ? background[x] : meanBackground;
			ratio[x] = b != 0 ? roughness[x] / b : 1.0;
		}
		boolean[] mask = StripeDetector.dilate(StripeDetector.detect(ratio, settings.snr));
		// interpolation needs good columns on both sides
		for (int i = 0; i < Math.min(2, width); i++) {
			mask[i] = false;
			mask[width - 1 - i] = false;
		}
		return new Detection(ratio, mask);
	}

	@Override
	public float[][] apply(float[][] sinogram) {
		Detection found = detect(sinogram);
		float[][] out = Sinograms.copy(sinogram);
		int width = sinogram[0].length;
		int[] columns = found.stripeColumns();
		// with a third or more of the detector flagged the detection itself is not trustworthy (as in algotom)
		if (columns.length > 0 && columns.length < width / 3) interpolateColumns(out, found.stripe);
		if (settings.residual)
			out = new LargeStripeFilter(new LargeStripeFilter.Settings(settings.snr, settings.size, 0.1, true,
					settings.model)).apply(out);
		return out;
	}

	/** Sum over angles of |value − running mean along the angles|, per column ('reflect' edges). */
	static double[] roughnessAlongAngles(float[][] sinogram, int window) {
		int rows = sinogram.length, width = sinogram[0].length;
		double[] roughness = new double[width];
		// window [a − w/2, a + (w−1)/2], like scipy's uniform_filter1d with origin 0
		int before = window / 2, after = (window - 1) / 2;
		Parallel.chunks(width, 256, (x0, x1) -> {
			double[] sum = new double[x1 - x0];
			for (int j = -before; j <= after; j++) {
				float[] src = sinogram[Sinograms.reflect(j, rows)];
				for (int x = x0; x < x1; x++)
					sum[x - x0] += src[x];
			}
			for (int a = 0; a < rows; a++) {
				float[] row = sinogram[a];
				for (int x = x0; x < x1; x++)
					roughness[x] += Math.abs(row[x] - sum[x - x0] / window);
				float[] leaving = sinogram[Sinograms.reflect(a - before, rows)];
				float[] entering = sinogram[Sinograms.reflect(a + after + 1, rows)];
				for (int x = x0; x < x1; x++)
					sum[x - x0] += entering[x] - leaving[x];
			}
		});
		return roughness;
	}

	/** Replaces flagged columns, row by row, by straight lines between the nearest unflagged columns. */
	static void interpolateColumns(float[][] sinogram, boolean[] flagged) {
		int width = flagged.length;
		int x = 0;
		while (x < width) {
			if (!flagged[x]) {
				x++;
				continue;
			}
			int left = x - 1;
			int right = x;
			while (right < width && flagged[right])
				right++;
			for (float[] row : sinogram) {
				for (int k = x; k < right; k++) {
					if (left < 0) row[k] = row[right];
					else if (right >= width) row[k] = row[left];
					else {
						float t = (float) (k - left) / (right - left);
						row[k] = row[left] + t * (row[right] - row[left]);
					}
				}
			}
			x = right;
		}
	}

	@Override
	public String name() {
		return "dead";
	}

	@Override
	public String parameters() {
		return "snr=" + settings.snr + " size=" + settings.size + " residual=" + settings.residual
				+ " smooth_strength=" + settings.smoothStrength + " model=" + settings.model.key();
	}
}
