package org.tomolyte.tomo.stripes;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fitting-based stripe removal, algorithm 1 of Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396 (2018): each
 * column is fitted along the angles by a low-order polynomial (the fit keeps the slowly varying signal and the
 * stripes), the fitted sinogram is smoothed by a 2D Gaussian window in Fourier space (which removes the stripes
 * from it), and the sinogram is corrected by the ratio smoothed-fit / fit ({@link StripeModel#MULTIPLICATIVE},
 * as published) or the difference smoothed-fit − fit ({@link StripeModel#ADDITIVE}, for −log sinograms).
 * Best on sinograms whose columns vary smoothly with angle (low-contrast samples, full stripes). The detector-
 * direction smoothing of the fit also acts across the object's own sharp edges (e.g. sample against air), where
 * this method changes a stripe-free sinogram by a few percent; prefer the sorting-based methods there.
 */
public final class FittingFilter implements StripeFilter {

	/** Immutable settings; defaults follow algotom ({@code order=2 sigma=10}, sigma_y automatic). */
	public static final class Settings {
		public static final Settings DEFAULT = new Settings(2, 10, 0, false, StripeModel.ADDITIVE);

		/** Polynomial order of the fit along the angles (1..10). */
		public final int order;
		/** Gaussian window sigma along the detector frequencies, in bins of the padded width; smaller is stronger. */
		public final double sigma;
		/** Gaussian window sigma along the angular frequencies; 0 means automatic: clip(min(60, width/10), 10, ∞). */
		public final double sigmaY;
		/** Sort each column before fitting (helps when columns are not smooth in angle). */
		public final boolean sort;
		/** Ratio (as published) or difference correction. */
		public final StripeModel model;

		public Settings(int order, double sigma, double sigmaY, boolean sort, StripeModel model) {
			if (order < 1 || order > 10) throw new StripeException("fitting: order must be 1 to 10, got " + order);
			if (!(sigma > 0) || !Double.isFinite(sigma))
				throw new StripeException("fitting: sigma must be a finite number > 0, got " + sigma);
			if (!(sigmaY >= 0) || !Double.isFinite(sigmaY))
				throw new StripeException("fitting: sigma_y must be >= 0 (0 = automatic), got " + sigmaY);
			if (model == null) throw new StripeException("fitting: model must be given");
			this.order = order;
			this.sigma = sigma;
			this.sigmaY = sigmaY;
			this.sort = sort;
			this.model = model;
		}

		public Settings withOrder(int v) {
			return new Settings(v, sigma, sigmaY, sort, model);
		}

		public Settings withSigma(double v) {
			return new Settings(order, v, sigmaY, sort, model);
		}

		public Settings withSigmaY(double v) {
			return new Settings(order, sigma, v, sort, model);
		}

		public Settings withSort(boolean v) {
			return new Settings(order, sigma, sigmaY, v, model);
		}

		public Settings withModel(StripeModel v) {
			return new Settings(order, sigma, sigmaY, sort, v);
		}
	}

	private static final int BLOCK = 32;
	private final Settings settings;

	public FittingFilter(Settings settings) {
		this.settings = settings;
	}

	public FittingFilter() {
		this(Settings.DEFAULT);
	}

	public Settings settings() {
		return settings;
	}

	@Override
	public float[][] apply(float[][] sinogram) {
		Sinograms.check(sinogram, settings.order + 2, 2, "fitting");
		int rows = sinogram.length, width = sinogram[0].length;
		SortedColumns sorted = settings.sort ? SortedColumns.of(sinogram) : null;
		float[][] input = sorted != null ? sorted.values : sinogram;
		float[][] fit = polynomialFitAlongAngles(input, settings.order);
		double sigmaY = settings.sigmaY > 0 ? settings.sigmaY : Math.max(10, Math.min(60, (int) (0.1 * width)));
		int pad = Math.min(150, (int) (0.1 * rows));
		float[][] smooth = gaussianLowPass2d(fit, settings.sigma, sigmaY, pad);
		double sumFit = 0, sumSmooth = 0;
		double maxFit = 0;
		for (int a = 0; a < rows; a++)
			for (int x = 0; x < width; x++) {
				sumFit += Math.abs(fit[a][x]);
				sumSmooth += Math.abs(smooth[a][x]);
				maxFit = Math.max(maxFit, Math.abs(fit[a][x]));
			}
		float scale = sumSmooth > 0 ? (float) (sumFit / sumSmooth) : 1f;
		// where the fit is ~0 (air in a −log sinogram) a ratio is meaningless; fall back to the difference there
		double tiny = 1e-6 * maxFit;
		float[][] out = new float[rows][width];
		for (int a = 0; a < rows; a++)
			for (int x = 0; x < width; x++) {
				float f = fit[a][x];
				float s = smooth[a][x] * scale;
				float v = input[a][x];
				if (settings.model == StripeModel.MULTIPLICATIVE && Math.abs(f) > tiny) out[a][x] = v / f * s;
				else out[a][x] = v - f + s;
			}
		return sorted != null ? sorted.unsort(out) : out;
	}

	/**
	 * Least-squares polynomial of the given order through each column against the angle index, evaluated at every
	 * angle. Legendre polynomials on [−1, 1] keep the normal equations well conditioned; the projection matrix is
	 * the same for every column and is built once.
	 */
	static float[][] polynomialFitAlongAngles(float[][] sinogram, int order) {
		int rows = sinogram.length, width = sinogram[0].length;
		int k = order + 1;
		double[][] basis = new double[rows][k];
		for (int a = 0; a < rows; a++) {
			double t = rows == 1 ? 0 : -1 + 2.0 * a / (rows - 1);
			basis[a][0] = 1;
			if (k > 1) basis[a][1] = t;
			for (int j = 2; j < k; j++)
				basis[a][j] = ((2 * j - 1) * t * basis[a][j - 1] - (j - 1) * basis[a][j - 2]) / j;
		}
		RealMatrix design = new Array2DRowRealMatrix(basis, false);
		RealMatrix normal = design.transpose().multiply(design);
		RealMatrix coefficientsOfData = new LUDecomposition(normal).getSolver().getInverse().multiply(design.transpose());
		double[][] m = coefficientsOfData.getData(); // k x rows
		float[][] out = new float[rows][width];
		Parallel.chunks(width, BLOCK, (x0, x1) -> {
			int nb = x1 - x0;
			// coefficient j of column x0 + b at coeff[j][b]: the inner loops run along contiguous columns
			double[][] coeff = new double[k][nb];
			for (int a = 0; a < rows; a++) {
				float[] src = sinogram[a];
				for (int j = 0; j < k; j++) {
					double mj = m[j][a];
					double[] c = coeff[j];
					for (int b = 0; b < nb; b++)
						c[b] += mj * src[x0 + b];
				}
			}
			double[] row = new double[nb];
			for (int a = 0; a < rows; a++) {
				java.util.Arrays.fill(row, 0);
				for (int j = 0; j < k; j++) {
					double phi = basis[a][j];
					double[] c = coeff[j];
					for (int b = 0; b < nb; b++)
						row[b] += c[b] * phi;
				}
				float[] dst = out[a];
				for (int b = 0; b < nb; b++)
					dst[x0 + b] = (float) row[b];
			}
		});
		return out;
	}

	/**
	 * 2D Gaussian low-pass in Fourier space, done as two 1D passes (the window is separable): edge padding along
	 * the detector, column-mean padding along the angles, as in the paper's implementation.
	 */
	static float[][] gaussianLowPass2d(float[][] image, double sigmaX, double sigmaY, int pad) {
		int rows = image.length, width = image[0].length;
		int pw = width + 2 * pad, ph = rows + 2 * pad;
		// padded image stored column-major for the angular pass
		float[][] cols = new float[pw][ph];
		Parallel.chunks(pw, BLOCK, (j0, j1) -> {
			GaussianLowPass filter = new GaussianLowPass(ph, sigmaY);
			for (int j = j0; j < j1; j++) {
				int x = Math.max(0, Math.min(width - 1, j - pad));
				float[] c = cols[j];
				double mean = 0;
				for (int a = 0; a < rows; a++) {
					c[a + pad] = image[a][x];
					mean += image[a][x];
				}
				float m = (float) (mean / rows);
				for (int i = 0; i < pad; i++) {
					c[i] = m;
					c[ph - 1 - i] = m;
				}
				filter.apply(c);
			}
		});
		float[][] out = new float[rows][width];
		Parallel.chunks(rows, 16, (a0, a1) -> {
			GaussianLowPass filter = new GaussianLowPass(pw, sigmaX);
			float[] line = new float[pw];
			for (int a = a0; a < a1; a++) {
				for (int j = 0; j < pw; j++)
					line[j] = cols[j][a + pad];
				filter.apply(line);
				System.arraycopy(line, pad, out[a], 0, width);
			}
		});
		return out;
	}

	@Override
	public String name() {
		return "fitting";
	}

	@Override
	public String parameters() {
		return "order=" + settings.order + " sigma=" + settings.sigma + " sigma_y=" + settings.sigmaY + " sort="
				+ settings.sort + " model=" + settings.model.key();
	}
}
