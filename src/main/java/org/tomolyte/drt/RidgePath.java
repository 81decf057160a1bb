package org.tomolyte.drt;

/**
 * Automatic choice of λ from the unconstrained ridge solutions θ_λ = (AᵀA + λM)⁻¹Aᵀb on a log grid of λ
 * (10⁻⁸…10¹, ten per decade), following Maradesa, Py, Wan, Effat &amp; Ciucci, J. Electrochem. Soc. 170
 * (2023) 030502. With the hat matrix K_λ = A(AᵀA + λM)⁻¹Aᵀ and n the number of fitted values:
 * <ul>
 * <li>GCV (Wahba 1985): (‖(I − K)b‖²/n) / (tr(I − K)/n)², minimised;</li>
 * <li>modified GCV (Kim &amp; Gu 2004): (‖(I − K)b‖²/n) / (tr(I − ρK)/n)², ρ = 1.3 for n &lt; 50 else 2;</li>
 * <li>L-curve (Hansen 1992): the point of maximum curvature of (log‖Aθ − b‖², log θᵀMθ) over log λ.</li>
 * </ul>
 * The Cholesky factors and tr K depend only on the grid, so they are computed once per {@link DrtProblem}.
 */
final class RidgePath {
	final double[] lambdas;
	private final double[][][] factors;
	private final double[] traceK;
	private final DrtProblem p;

	RidgePath(DrtProblem p) {
		this.p = p;
		int count = (int) Math.round((DrtProblem.LOG10_LAMBDA_MAX - DrtProblem.LOG10_LAMBDA_MIN) * DrtProblem.LAMBDAS_PER_DECADE) + 1;
		lambdas = new double[count];
		factors = new double[count][][];
		traceK = new double[count];
		int m = p.cols;
		double[][] gs = new double[m][m];
		for (int i = 0; i < m; i++)
			for (int j = 0; j < m; j++)
				gs[i][j] = p.scale[i] * p.gram[i][j] * p.scale[j];
		for (int k = 0; k < count; k++) {
			lambdas[k] = Math.pow(10, DrtProblem.LOG10_LAMBDA_MIN + k / DrtProblem.LAMBDAS_PER_DECADE);
			double[][] l = cholesky(p.scaledNormal(lambdas[k]));
			factors[k] = l;
			// tr K = tr((AᵀA + λM)⁻¹ AᵀA), invariant under the column scaling
			double tr = 0;
			double[] col = new double[m];
			for (int j = 0; j < m; j++) {
				for (int i = 0; i < m; i++) col[i] = gs[i][j];
				solve(l, col);
				tr += col[j];
			}
			traceK[k] = tr;
		}
	}

	/** The λ on the grid chosen by the given method for data b. */
	double choose(double[] b, LambdaSelection method) {
		int count = lambdas.length, rows = p.rows;
		double[] logRes = new double[count], logNorm = new double[count], score = new double[count];
		double rho = rows < 50 ? 1.3 : 2;
		double[] c = p.scaledRhs(b);
		double[] z = new double[p.cols];
		for (int k = 0; k < count; k++) {
			System.arraycopy(c, 0, z, 0, c.length);
			solve(factors[k], z);
			double res = 0;
			for (int r = 0; r < rows; r++) {
				double[] row = p.design[r];
				double s = -b[r];
				for (int j = 0; j < p.cols; j++) s += row[j] * p.scale[j] * z[j];
				res += s * s;
			}
			double eta = 0;
			for (int i = p.colX; i < p.cols; i++) {
				double t = 0;
				for (int j = p.colX; j < p.cols; j++) t += p.penalty[i][j] * p.scale[j] * z[j];
				eta += p.scale[i] * z[i] * t;
			}
			logRes[k] = Math.log(Math.max(res, 1e-300));
			logNorm[k] = Math.log(Math.max(eta, 1e-300));
			double denom = method == LambdaSelection.MGCV ? (rows - rho * traceK[k]) / rows : (rows - traceK[k]) / rows;
			score[k] = denom <= 0 ? Double.POSITIVE_INFINITY : res / rows / (denom * denom);
		}
		int best = 0;
		if (method == LambdaSelection.LCURVE) {
			double bestK = Double.NEGATIVE_INFINITY;
			for (int k = 1; k < count - 1; k++) {
				double x1 = (logRes[k + 1] - logRes[k - 1]) / 2, y1 = (logNorm[k + 1] - logNorm[k - 1]) / 2;
				double x2 = logRes[k + 1] - 2 * logRes[k] + logRes[k - 1], y2 = logNorm[k + 1] - 2 * logNorm[k] + logNorm[k - 1];
				double kappa = (x1 * y2 - y1 * x2) / Math.pow(x1 * x1 + y1 * y1 + 1e-300, 1.5);
				if (kappa > bestK) {
					bestK = kappa;
					best = k;
				}
			}
		} else {
			for (int k = 1; k < count; k++)
				if (score[k] < score[best]) best = k;
		}
		return lambdas[best];
	}

	static double[][] cholesky(double[][] a) {
		int m = a.length;
		double[][] l = new double[m][m];
		for (int i = 0; i < m; i++) {
			for (int j = 0; j <= i; j++) {
				double s = a[i][j];
				for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
				if (i == j) {
					if (!(s > 0)) throw new DrtException("DRT normal matrix is not positive definite (degenerate frequency grid)");
					l[i][i] = Math.sqrt(s);
				} else l[i][j] = s / l[j][j];
			}
		}
		return l;
	}

	/** In place: x ← (L Lᵀ)⁻¹ x. */
	static void solve(double[][] l, double[] x) {
		int m = l.length;
		for (int i = 0; i < m; i++) {
			double s = x[i];
			for (int k = 0; k < i; k++) s -= l[i][k] * x[k];
			x[i] = s / l[i][i];
		}
		for (int i = m - 1; i >= 0; i--) {
			double s = x[i];
			for (int k = i + 1; k < m; k++) s -= l[k][i] * x[k];
			x[i] = s / l[i][i];
		}
	}
}
