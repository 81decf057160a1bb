package org.tomolyte.drt;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything about a DRT fit that depends only on the frequency grid and the settings, not on the
 * measured values: the design matrix A over θ = (R∞, L, x_1..x_N) for the chosen fit mode, its Gram
 * matrix AᵀA, the penalty M (zero on R∞ and L), a diagonal column scaling D (so that the normal matrix
 * D(AᵀA + λM)D has unit-order diagonal although the L column carries ω up to 10⁷), the basis evaluated on
 * the output grid, and — for λ selection — Cholesky factors and hat-matrix traces on a λ grid. Built once
 * per grid and shared between spectra and threads (it is immutable after construction, the caches are
 * concurrent and deterministic).
 */
final class DrtProblem {
	/** λ grid for the automatic choices: 10⁻⁸ … 10¹, ten per decade. */
	static final double LOG10_LAMBDA_MIN = -8, LOG10_LAMBDA_MAX = 1, LAMBDAS_PER_DECADE = 10;

	final Discretisation disc;
	final FitMode mode;
	final int n;
	final int rows;
	final int cols;
	/** Column of R∞ or −1; column of L or −1; first RBF column. */
	final int colR, colL, colX;
	final double[][] design;
	final double[][] gram;
	final double[][] penalty;
	final double[] scale;
	final boolean[] free;
	final double[] fineLnTau;
	final double[][] fineBasis;
	/** fineBasis transposed, [basis function][grid point], for sparse coefficient vectors. */
	final double[][] fineBasisByColumn;
	private final ConcurrentHashMap<Double, double[][]> normalCache = new ConcurrentHashMap<>();
	private volatile RidgePath ridge;

	/** @param freqHz used frequencies, strictly descending (collocation τ = 1/f, ascending) */
	DrtProblem(double[] freqHz, DrtSettings s) {
		n = freqHz.length;
		double[] tau = new double[n];
		for (int i = 0; i < n; i++) tau[i] = 1 / freqHz[i];
		disc = new Discretisation(freqHz, tau, s.basis(), s.fwhmCoeff(), s.derivative());
		mode = s.fitMode();
		int c = 0;
		colR = mode.usesRe ? c++ : -1;
		colL = s.inductance() && mode.usesIm ? c++ : -1;
		colX = c;
		cols = c + n;
		rows = (mode.usesRe ? n : 0) + (mode.usesIm ? n : 0);
		design = new double[rows][cols];
		int r = 0;
		if (mode.usesRe)
			for (int i = 0; i < n; i++, r++) {
				design[r][colR] = 1;
				System.arraycopy(disc.aRe[i], 0, design[r], colX, n);
			}
		if (mode.usesIm)
			for (int i = 0; i < n; i++, r++) {
				if (colL >= 0) design[r][colL] = disc.omega[i];
				System.arraycopy(disc.aIm[i], 0, design[r], colX, n);
			}
		gram = new double[cols][cols];
		for (int i = 0; i < cols; i++)
			for (int j = i; j < cols; j++) {
				double sum = 0;
				for (int k = 0; k < rows; k++) sum += design[k][i] * design[k][j];
				gram[i][j] = sum;
				gram[j][i] = sum;
			}
		penalty = new double[cols][cols];
		for (int i = 0; i < n; i++) System.arraycopy(disc.penalty[i], 0, penalty[colX + i], colX, n);
		scale = new double[cols];
		for (int i = 0; i < cols; i++) scale[i] = gram[i][i] > 0 ? 1 / Math.sqrt(gram[i][i]) : 1;
		free = new boolean[cols];
		if (colL >= 0) free[colL] = s.freeInductance();
		// output grid as in pyDRTtools: half a decade beyond the collocation range, 10 points per collocation point
		int nf = 10 * n;
		double lo = disc.lnTau[0] - 0.5 * Math.log(10), hi = disc.lnTau[n - 1] + 0.5 * Math.log(10);
		fineLnTau = new double[nf];
		for (int i = 0; i < nf; i++) fineLnTau[i] = lo + (hi - lo) * i / (nf - 1);
		fineBasis = disc.evaluationMatrix(fineLnTau);
		fineBasisByColumn = new double[n][nf];
		for (int i = 0; i < nf; i++)
			for (int m = 0; m < n; m++) fineBasisByColumn[m][i] = fineBasis[i][m];
	}

	/** Stacks the measured parts the mode fits into the data vector b. */
	double[] data(UsedPoints p) {
		double[] b = new double[rows];
		int r = 0;
		if (mode.usesRe) for (int i = 0; i < n; i++) b[r++] = p.zRe[i];
		if (mode.usesIm) for (int i = 0; i < n; i++) b[r++] = p.zIm[i];
		return b;
	}

	/** D·Aᵀb. */
	double[] scaledRhs(double[] b) {
		double[] c = new double[cols];
		for (int k = 0; k < rows; k++) {
			double bk = b[k];
			if (bk == 0) continue;
			double[] row = design[k];
			for (int j = 0; j < cols; j++) c[j] += row[j] * bk;
		}
		for (int j = 0; j < cols; j++) c[j] *= scale[j];
		return c;
	}

	/** D(AᵀA + λM)D, cached per λ. */
	double[][] scaledNormal(double lambda) {
		double[][] h = normalCache.get(lambda);
		if (h != null) return h;
		h = new double[cols][cols];
		for (int i = 0; i < cols; i++)
			for (int j = 0; j < cols; j++)
				h[i][j] = scale[i] * (gram[i][j] + lambda * penalty[i][j]) * scale[j];
		if (normalCache.size() > 64) normalCache.clear();
		normalCache.putIfAbsent(lambda, h);
		return h;
	}

	/** The exact non-negative solution θ = (R∞, L, x) for data b and λ (unscaled). */
	double[] solve(double[] b, double lambda) {
		double[] z = GramNnls.solve(scaledNormal(lambda), scaledRhs(b), free);
		for (int j = 0; j < cols; j++) z[j] *= scale[j];
		return z;
	}

	RidgePath ridgePath() {
		RidgePath r = ridge;
		if (r == null) {
			synchronized (this) {
				if (ridge == null) ridge = new RidgePath(this);
				r = ridge;
			}
		}
		return r;
	}
}
