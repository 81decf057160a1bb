package org.tomolyte.tomo.stripes;

/**
 * Filtering-based stripe removal, algorithm 2 of Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396 (2018): each
 * column is split along the angles into a low-pass part (Gaussian window in Fourier space, JTransforms FFT,
 * mirror padding) and the high-pass rest; the stripes live in the low-pass part, which is cleaned by the
 * sorting-based median (or a plain median along the detector when {@code sort=false}); the high-pass part is
 * added back unchanged, so fine angular detail is not touched.
 */
public final class FilteringFilter implements StripeFilter {

	/** Immutable settings with the published defaults ({@code sigma=3 size=21 dim=1 sort=true}). */
	public static final class Settings {
		public static final Settings DEFAULT = new Settings(3, 21, 1, true);

		/** Sigma of the Gaussian window, in frequency bins of the padded column; smaller keeps less in the low-pass part. */
		public final double sigma;
		/** Median window size along the detector, pixels (odd). */
		public final int size;
		/** 1: median along the detector; 2: square window. */
		public final int dim;
		/** Sort the low-pass part before the median (the improved variant), as algotom does by default. */
		public final boolean sort;

		public Settings(double sigma, int size, int dim, boolean sort) {
			if (!(sigma > 0) || !Double.isFinite(sigma))
				throw new StripeException("filtering: sigma must be a finite number > 0, got " + sigma);
			if (dim != 1 && dim != 2) throw new StripeException("filtering: dim must be 1 or 2, got " + dim);
			this.sigma = sigma;
			this.size = Sinograms.requireOddSize(size, "filtering: size");
			this.dim = dim;
			this.sort = sort;
		}

		public Settings withSigma(double v) {
			return new Settings(v, size, dim, sort);
		}

		public Settings withSize(int v) {
			return new Settings(sigma, v, dim, sort);
		}

		public Settings withDim(int v) {
			return new Settings(sigma, size, v, sort);
		}

		public Settings withSort(boolean v) {
			return new Settings(sigma, size, dim, v);
		}
	}

	private static final int BLOCK = 32;
	private final Settings settings;

	public FilteringFilter(Settings settings) {
		this.settings = settings;
	}

	public FilteringFilter() {
		this(Settings.DEFAULT);
	}

	public Settings settings() {
		return settings;
	}

	@Override
	public float[][] apply(float[][] sinogram) {
		Sinograms.check(sinogram, 2, 1, "filtering");
		float[][] smooth = lowPassAlongAngles(sinogram, settings.sigma);
		float[][] cleaned;
		if (settings.sort) cleaned = SortingFilter.sortFilterUnsort(smooth, settings.size, settings.dim);
		else cleaned = settings.dim == 2 ? MedianFilters.square(smooth, settings.size)
				: MedianFilters.alongRows(smooth, settings.size);
		int rows = sinogram.length, width = sinogram[0].length;
		float[][] out = new float[rows][width];
		for (int a = 0; a < rows; a++)
			for (int x = 0; x < width; x++)
				out[a][x] = cleaned[a][x] + (sinogram[a][x] - smooth[a][x]);
		return out;
	}

	/** Low-pass of every column along the angles, mirror-padded by min(150, 10 % of the angles) at each end. */
	static float[][] lowPassAlongAngles(float[][] sinogram, double sigma) {
		int rows = sinogram.length, width = sinogram[0].length;
		int pad = Math.min(150, (int) (0.1 * rows));
		int n = rows + 2 * pad;
		float[][] out = new float[rows][width];
		Parallel.chunks(width, BLOCK, (x0, x1) -> {
			GaussianLowPass filter = new GaussianLowPass(n, sigma);
			int nb = x1 - x0;
			float[][] cols = new float[nb][n];
			for (int i = 0; i < n; i++) {
				float[] src = sinogram[Sinograms.mirror(i - pad, rows)];
				for (int b = 0; b < nb; b++)
					cols[b][i] = src[x0 + b];
			}
			for (int b = 0; b < nb; b++)
				filter.apply(cols[b]);
			for (int a = 0; a < rows; a++)
				for (int b = 0; b < nb; b++)
					out[a][x0 + b] = cols[b][a + pad];
		});
		return out;
	}

	@Override
	public String name() {
		return "filtering";
	}

	@Override
	public String parameters() {
		return "sigma=" + settings.sigma + " size=" + settings.size + " dim=" + settings.dim + " sort=" + settings.sort;
	}
}
