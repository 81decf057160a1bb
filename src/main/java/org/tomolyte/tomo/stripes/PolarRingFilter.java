package org.tomolyte.tomo.stripes;

/**
 * Post-reconstruction ring removal: the slice is resampled onto a polar grid around the rotation centre (rows =
 * angles, columns = radius), where rings become stripes; a {@link StripeFilter} removes them there; the
 * difference (the ring estimate) is mapped back to Cartesian pixels and subtracted from the slice. Only the ring
 * estimate is interpolated twice, never the slice itself, so the slice keeps its resolution. Follows the
 * polar-transform approach of Vo's sarepy (post/ring_removal_post.py) with the stripe methods of Vo, Atwood &amp;
 * Drakopoulos, Opt. Express 26, 28396 (2018).
 */
public final class PolarRingFilter {

	/** Immutable settings. */
	public static final class Settings {
		/**
		 * Centre of the rings at the image centre, sorting filter (size 21 polar samples), half-pixel radial step,
		 * automatic angular sampling.
		 */
		public static final Settings DEFAULT = new Settings(Double.NaN, Double.NaN, 0, 0, 0.5, new SortingFilter());

		/** Ring centre, x in pixels from the left pixel's centre; NaN means (width − 1)/2. */
		public final double centreXPx;
		/** Ring centre, y in pixels from the top pixel's centre; NaN means (height − 1)/2. */
		public final double centreYPx;
		/** Number of angular samples of the polar image; 0 means automatic (π × largest radius, at least 360). */
		public final int angularSamples;
		/**
		 * Largest radius corrected, pixels; 0 means automatic: the distance from the centre to the nearest image
		 * edge (the reconstruction circle). Pixels farther out are left unchanged.
		 */
		public final double maxRadiusPx;
		/** Radial sampling step in pixels; below 1 so that one-pixel rings survive the resampling. */
		public final double radialStepPx;
		/** The stripe filter applied to the polar image (its sizes count polar samples). */
		public final StripeFilter filter;

		public Settings(double centreXPx, double centreYPx, int angularSamples, double maxRadiusPx,
				double radialStepPx, StripeFilter filter) {
			if (!(maxRadiusPx >= 0) || Double.isInfinite(maxRadiusPx))
				throw new StripeException("polar ring filter: max_radius must be >= 0 pixels (0 = automatic), got "
						+ maxRadiusPx);
			if (!(radialStepPx >= 0.1 && radialStepPx <= 2))
				throw new StripeException("polar ring filter: radial_step must be 0.1 to 2 pixels, got " + radialStepPx);
			if (angularSamples < 0 || (angularSamples > 0 && angularSamples < 8))
				throw new StripeException("polar ring filter: angular_samples must be 0 (automatic) or at least 8, got "
						+ angularSamples);
			if (filter == null) throw new StripeException("polar ring filter: a stripe filter must be given");
			if (Double.isInfinite(centreXPx) || Double.isInfinite(centreYPx))
				throw new StripeException("polar ring filter: the centre must be finite (or NaN for the image centre)");
			this.centreXPx = centreXPx;
			this.centreYPx = centreYPx;
			this.angularSamples = angularSamples;
			this.radialStepPx = radialStepPx;
			this.maxRadiusPx = maxRadiusPx;
			this.filter = filter;
		}

		public Settings withCentre(double xPx, double yPx) {
			return new Settings(xPx, yPx, angularSamples, maxRadiusPx, radialStepPx, filter);
		}

		public Settings withAngularSamples(int v) {
			return new Settings(centreXPx, centreYPx, v, maxRadiusPx, radialStepPx, filter);
		}

		public Settings withFilter(StripeFilter v) {
			return new Settings(centreXPx, centreYPx, angularSamples, maxRadiusPx, radialStepPx, v);
		}

		public Settings withRadialStep(double px) {
			return new Settings(centreXPx, centreYPx, angularSamples, maxRadiusPx, px, filter);
		}

		public Settings withMaxRadius(double px) {
			return new Settings(centreXPx, centreYPx, angularSamples, px, radialStepPx, filter);
		}
	}

	private final Settings settings;

	public PolarRingFilter(Settings settings) {
		this.settings = settings;
	}

	public PolarRingFilter() {
		this(Settings.DEFAULT);
	}

	/**
	 * Returns a new ring-corrected slice.
	 *
	 * @param slice reconstructed image {@code [y][x]}
	 * @throws StripeException if the slice is empty, ragged, non-finite or the centre lies outside it
	 */
	public float[][] apply(float[][] slice) {
		Sinograms.check(slice, 8, 8, "polar ring filter");
		int height = slice.length, width = slice[0].length;
		double cx = Double.isNaN(settings.centreXPx) ? (width - 1) / 2.0 : settings.centreXPx;
		double cy = Double.isNaN(settings.centreYPx) ? (height - 1) / 2.0 : settings.centreYPx;
		if (cx < 0 || cx > width - 1 || cy < 0 || cy > height - 1)
			throw new StripeException("polar ring filter: centre (" + cx + ", " + cy + ") px lies outside the "
					+ width + " x " + height + " slice");
		double maxRadius = settings.maxRadiusPx > 0 ? settings.maxRadiusPx
				: Math.min(Math.min(cx, width - 1 - cx), Math.min(cy, height - 1 - cy));
		if (maxRadius < 4)
			throw new StripeException("polar ring filter: centre (" + cx + ", " + cy + ") px is too close to the edge"
					+ " of the " + width + " x " + height + " slice (largest radius " + maxRadius + " px)");
		double step = settings.radialStepPx;
		int radii = (int) Math.ceil(maxRadius / step) + 2;
		int angles = settings.angularSamples > 0 ? settings.angularSamples
				: Math.max(360, (int) Math.round(Math.PI * maxRadius));
		float[][] polar = toPolar(slice, cx, cy, angles, radii, step);
		float[][] filtered = settings.filter.apply(polar);
		float[][] ring = new float[angles][radii];
		for (int i = 0; i < angles; i++)
			for (int r = 0; r < radii; r++)
				ring[i][r] = polar[i][r] - filtered[i][r];
		return subtractPolar(slice, ring, cx, cy, step, maxRadius);
	}

	/** Polar image {@code [angle][radius]}, bilinear sampling with clamped edges. */
	static float[][] toPolar(float[][] image, double cx, double cy, int angles, int radii, double step) {
		int height = image.length, width = image[0].length;
		float[][] polar = new float[angles][radii];
		Parallel.chunks(angles, 32, (i0, i1) -> {
			for (int i = i0; i < i1; i++) {
				double theta = 2 * Math.PI * i / angles;
				double c = Math.cos(theta), s = Math.sin(theta);
				for (int r = 0; r < radii; r++)
					polar[i][r] = bilinear(image, width, height, cx + r * step * c, cy + r * step * s);
			}
		});
		return polar;
	}

	/** Slice minus the polar ring estimate sampled at each pixel's (angle, radius), angle periodic. */
	static float[][] subtractPolar(float[][] slice, float[][] ring, double cx, double cy, double step,
			double maxRadius) {
		int height = slice.length, width = slice[0].length;
		int angles = ring.length, radii = ring[0].length;
		float[][] out = new float[height][width];
		Parallel.chunks(height, 16, (y0, y1) -> {
			for (int y = y0; y < y1; y++) {
				double dy = y - cy;
				for (int x = 0; x < width; x++) {
					double dx = x - cx;
					double rPx = Math.hypot(dx, dy);
					if (rPx > maxRadius) {
						out[y][x] = slice[y][x];
						continue;
					}
					double r = Math.min(rPx / step, radii - 1.000001);
					double theta = Math.atan2(dy, dx);
					if (theta < 0) theta += 2 * Math.PI;
					double fi = theta / (2 * Math.PI) * angles;
					int i0 = (int) Math.floor(fi);
					double ti = fi - i0;
					i0 = Math.floorMod(i0, angles);
					int i1 = (i0 + 1) % angles;
					int r0 = (int) r;
					double tr = r - r0;
					double v0 = ring[i0][r0] + tr * (ring[i0][r0 + 1] - ring[i0][r0]);
					double v1 = ring[i1][r0] + tr * (ring[i1][r0 + 1] - ring[i1][r0]);
					out[y][x] = (float) (slice[y][x] - (v0 + ti * (v1 - v0)));
				}
			}
		});
		return out;
	}

	private static float bilinear(float[][] image, int width, int height, double x, double y) {
		x = Math.max(0, Math.min(width - 1, x));
		y = Math.max(0, Math.min(height - 1, y));
		int x0 = Math.min((int) x, width - 2 < 0 ? 0 : width - 2);
		int y0 = Math.min((int) y, height - 2 < 0 ? 0 : height - 2);
		double tx = x - x0, ty = y - y0;
		float[] r0 = image[y0], r1 = image[Math.min(y0 + 1, height - 1)];
		int x1 = Math.min(x0 + 1, width - 1);
		double top = r0[x0] + tx * (r0[x1] - r0[x0]);
		double bottom = r1[x0] + tx * (r1[x1] - r1[x0]);
		return (float) (top + ty * (bottom - top));
	}
}
