package org.tomolyte.tomo.stripes;

/**
 * Figures of merit for stripe removal, used by {@link StripePreview} and the tests, to show that a filter lowers
 * the stripes (the cause of rings) without blurring the sinogram's structure.
 * <ul>
 * <li><b>Stripe energy</b>: the column-mean profile m(x) (mean over angles of each detector column) is smooth for a
 * real object, because every point of the object contributes to many neighbouring columns; a stripe is a narrow
 * step in it. Its high-pass part h = m − median<sub>w</sub>(m) (running median of width w = 31 pixels by
 * default, wide enough to remove stripes up to ~15 pixels, narrow enough to follow the object) is the residual
 * stripe signal; the stripe energy is the mean of |h| over the detector, in sinogram units.</li>
 * <li><b>Sharpness</b>: the mean absolute difference between consecutive angles, mean |s(a+1, x) − s(a, x)|. A
 * stripe is constant along the angles and adds nothing to it, while any blurring of the object's sinusoidal
 * traces lowers it; so a good filter lowers the stripe energy and keeps the sharpness.</li>
 * </ul>
 */
public final class StripeMetrics {
	private StripeMetrics() {}

	/** Running-median width used by {@link #stripeEnergy(float[][])}. */
	public static final int DEFAULT_WINDOW = 31;

	/** Mean of each detector column over the angles. */
	public static double[] columnMeanProfile(float[][] sinogram) {
		Sinograms.check(sinogram, 1, 1, "metrics");
		int width = sinogram[0].length;
		double[] mean = new double[width];
		for (float[] row : sinogram)
			for (int x = 0; x < width; x++)
				mean[x] += row[x];
		for (int x = 0; x < width; x++)
			mean[x] /= sinogram.length;
		return mean;
	}

	/** The high-pass part of the column-mean profile: profile − running median of the given width. */
	public static double[] stripeProfile(float[][] sinogram, int window) {
		double[] m = columnMeanProfile(sinogram);
		double[] smooth = MedianFilters.line(m, Sinograms.requireOddSize(window, "metrics: window"));
		double[] h = new double[m.length];
		for (int x = 0; x < m.length; x++)
			h[x] = m[x] - smooth[x];
		return h;
	}

	/** Stripe energy with the default window, see the class description. */
	public static double stripeEnergy(float[][] sinogram) {
		return stripeEnergy(sinogram, DEFAULT_WINDOW);
	}

	/** Mean |high-pass column-mean profile|, see the class description. */
	public static double stripeEnergy(float[][] sinogram, int window) {
		double[] h = stripeProfile(sinogram, window);
		double sum = 0;
		for (double v : h)
			sum += Math.abs(v);
		return sum / h.length;
	}

	/** Mean absolute difference between consecutive angles, see the class description. */
	public static double sharpness(float[][] sinogram) {
		Sinograms.check(sinogram, 2, 1, "metrics");
		int width = sinogram[0].length;
		double sum = 0;
		for (int a = 1; a < sinogram.length; a++) {
			float[] p = sinogram[a - 1], q = sinogram[a];
			for (int x = 0; x < width; x++)
				sum += Math.abs(q[x] - p[x]);
		}
		return sum / ((double) (sinogram.length - 1) * width);
	}

	/** Root-mean-square difference of two sinograms of the same size. */
	public static double rmsDifference(float[][] a, float[][] b) {
		if (a.length != b.length || a[0].length != b[0].length)
			throw new StripeException("metrics: sinograms differ in size (" + a.length + "x" + a[0].length + " vs "
					+ b.length + "x" + b[0].length + ")");
		double sum = 0;
		for (int i = 0; i < a.length; i++)
			for (int x = 0; x < a[i].length; x++) {
				double d = a[i][x] - b[i][x];
				sum += d * d;
			}
		return Math.sqrt(sum / ((double) a.length * a[0].length));
	}

	/** Maximum minus minimum value. */
	public static double dynamicRange(float[][] sinogram) {
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (float[] row : sinogram)
			for (float v : row) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		return max - min;
	}
}
