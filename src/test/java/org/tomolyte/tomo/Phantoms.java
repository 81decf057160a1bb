package org.tomolyte.tomo;

/**
 * Analytic phantoms of uniform discs for tests: exact parallel-beam line integrals (a disc of radius R and
 * attenuation μ per pixel gives 2μ√(R² − s²)) sampled at detector pixel centres, and the phantom image sampled
 * on the reconstruction grid. Coordinates are pixels relative to the rotation axis, the same convention as
 * {@link BackProjector}.
 */
public final class Phantoms {
	/** Disc centre x, y (px, from the axis), radius (px), attenuation (per px). */
	public static final class Disc {
		final double x, y, r, mu;

		public Disc(double x, double y, double r, double mu) {
			this.x = x;
			this.y = y;
			this.r = r;
			this.mu = mu;
		}
	}

	private final Disc[] discs;

	public Phantoms(Disc... discs) {
		this.discs = discs;
	}

	/** A few overlapping discs, off-centre, with positive and negative steps. */
	public static Phantoms cell(double scale) {
		return new Phantoms(new Disc(0, 0, 0.8 * scale, 0.01), new Disc(0.3 * scale, -0.2 * scale, 0.25 * scale, 0.02),
				new Disc(-0.35 * scale, 0.25 * scale, 0.15 * scale, -0.006), new Disc(-0.1 * scale, -0.45 * scale, 0.1 * scale, 0.03));
	}

	/** Sinogram [angle][u] of line integrals with the axis at detector position {@code centerPx}. */
	public float[][] sinogram(double[] anglesRad, int width, double centerPx) {
		float[][] s = new float[anglesRad.length][width];
		for (int i = 0; i < anglesRad.length; i++) {
			double c = Math.cos(anglesRad[i]);
			double sn = Math.sin(anglesRad[i]);
			for (int u = 0; u < width; u++) {
				double t = u - centerPx;
				double v = 0;
				for (Disc d : discs) {
					double ds = t - (d.x * c + d.y * sn);
					double q = d.r * d.r - ds * ds;
					if (q > 0) v += 2 * d.mu * Math.sqrt(q);
				}
				s[i][u] = (float) v;
			}
		}
		return s;
	}

	/** The phantom on an n × n grid centred on the axis (value at each pixel centre). */
	public float[] image(int n) {
		float[] img = new float[n * n];
		double h = (n - 1) / 2.0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				img[y * n + x] = (float) value(x - h, y - h);
		return img;
	}

	/** Attenuation at a point (px from the axis). */
	public double value(double X, double Y) {
		double v = 0;
		for (Disc d : discs) {
			double dx = X - d.x, dy = Y - d.y;
			if (dx * dx + dy * dy <= d.r * d.r) v += d.mu;
		}
		return v;
	}

	/** Distance from (X, Y) to the nearest disc edge, to exclude edge pixels from error statistics. */
	public double edgeDistance(double X, double Y) {
		double m = Double.MAX_VALUE;
		for (Disc d : discs)
			m = Math.min(m, Math.abs(Math.hypot(X - d.x, Y - d.y) - d.r));
		return m;
	}
}
