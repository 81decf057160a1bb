package org.tomolyte.tomo.stripes;

import java.util.Random;

/**
 * Test sinograms: analytic parallel-beam projections of a phantom of ellipses (exact line integrals, so the clean
 * sinogram is known), and injectors for the stripe types of Vo et al. (2018): full, partial, large and dead.
 */
final class SyntheticSinograms {
	private SyntheticSinograms() {}

	/** Ellipse: centre (x, y) and semi-axes in pixels, rotation in radians, attenuation per pixel. */
	static final class Ellipse {
		final double x, y, a, b, phi, mu;

		Ellipse(double x, double y, double a, double b, double phi, double mu) {
			this.x = x;
			this.y = y;
			this.a = a;
			this.b = b;
			this.phi = phi;
			this.mu = mu;
		}
	}

	/** A phantom filling about 70 % of the detector width: a body, off-centre inclusions of both signs. */
	static Ellipse[] phantom(int width) {
		double r = 0.35 * width;
		return new Ellipse[] { new Ellipse(0, 0, r, 0.8 * r, 0.3, 0.010),
				new Ellipse(0.35 * r, 0.2 * r, 0.25 * r, 0.15 * r, 1.0, 0.012),
				new Ellipse(-0.4 * r, -0.1 * r, 0.12 * r, 0.12 * r, 0, -0.006),
				new Ellipse(-0.1 * r, 0.45 * r, 0.08 * r, 0.2 * r, -0.5, 0.020),
				new Ellipse(0.1 * r, -0.5 * r, 0.05 * r, 0.05 * r, 0, 0.030) };
	}

	/** Exact line integrals of the ellipses: {@code [angle][detector]}, angles evenly over rangeDeg. */
	static float[][] sinogram(Ellipse[] ellipses, int angles, int width, double rangeDeg) {
		float[][] s = new float[angles][width];
		double centre = (width - 1) / 2.0;
		for (int i = 0; i < angles; i++) {
			double theta = Math.toRadians(rangeDeg) * i / angles;
			double c = Math.cos(theta), sn = Math.sin(theta);
			for (Ellipse e : ellipses) {
				double t0 = e.x * c + e.y * sn;
				double ca = Math.cos(theta - e.phi), sa = Math.sin(theta - e.phi);
				double a2 = e.a * e.a * ca * ca + e.b * e.b * sa * sa;
				for (int x = 0; x < width; x++) {
					double t = x - centre - t0;
					if (t * t < a2) s[i][x] += (float) (2 * e.mu * e.a * e.b * Math.sqrt(a2 - t * t) / a2);
				}
			}
		}
		return s;
	}

	static float[][] clean(int angles, int width) {
		return sinogram(phantom(width), angles, width, 180);
	}

	static float[][] copy(float[][] s) {
		float[][] c = new float[s.length][];
		for (int i = 0; i < s.length; i++)
			c[i] = s[i].clone();
		return c;
	}

	static float[][] withNoise(float[][] s, double sigma, long seed) {
		Random random = new Random(seed);
		float[][] out = copy(s);
		for (float[] row : out)
			for (int x = 0; x < row.length; x++)
				row[x] += (float) (sigma * random.nextGaussian());
		return out;
	}

	/** Adds an offset to columns [x0, x0 + w) over angle rows [a0, a1). */
	static void addStripe(float[][] s, int x0, int w, int a0, int a1, double offset) {
		for (int a = a0; a < a1; a++)
			for (int x = x0; x < x0 + w; x++)
				s[a][x] += (float) offset;
	}

	/** Sets a column to a constant (an unresponsive pixel). */
	static void deadColumn(float[][] s, int x, double value) {
		for (float[] row : s)
			row[x] = (float) value;
	}

	static double max(float[][] s) {
		double m = Double.NEGATIVE_INFINITY;
		for (float[] row : s)
			for (float v : row)
				m = Math.max(m, v);
		return m;
	}

	/** A phantom of large, smooth features only (wider than the 51-pixel large-stripe window). */
	static Ellipse[] smoothPhantom(int width) {
		return new Ellipse[] { new Ellipse(0, 0, 0.4 * width, 0.35 * width, 0.3, 0.004),
				new Ellipse(0.15 * width, 0.05 * width, 0.15 * width, 0.1 * width, 1.0, 0.003),
				new Ellipse(-0.15 * width, -0.1 * width, 0.1 * width, 0.1 * width, 0, -0.002) };
	}

	/** Index of the largest |value|. */
	static int argMaxAbs(double[] v) {
		int best = 0;
		for (int i = 1; i < v.length; i++)
			if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
		return best;
	}

	/** Intensities exp(−p) of a line-integral sinogram. */
	static float[][] exponential(float[][] s) {
		float[][] out = new float[s.length][s[0].length];
		for (int a = 0; a < s.length; a++)
			for (int x = 0; x < s[0].length; x++)
				out[a][x] = (float) Math.exp(-s[a][x]);
		return out;
	}
}
