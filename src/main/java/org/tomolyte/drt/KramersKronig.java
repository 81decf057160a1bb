package org.tomolyte.drt;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.tomolyte.model.Spectrum;

/**
 * Linear Kramers–Kronig test of Schönleber, Klotz &amp; Ivers-Tiffée, Electrochim. Acta 131 (2014) 20
 * ("lin-KK"): the spectrum is fitted by a KK-compliant Voigt chain Z = R₀ + jωL + Σ_k R_k/(1 + jωτ_k) with
 * M time constants fixed log-uniformly between 1/ω_max and 1/ω_min, by linear least squares on Re and Im
 * together with modulus weighting 1/|Z|. M grows from 2 until the over-fitting measure
 * μ = 1 − Σ_{R_k&lt;0}|R_k| / Σ_{R_k≥0}R_k drops below c (0.85, their recommendation). The relative residuals
 * Δ' = (Z' − Ẑ')/|Z| and Δ'' = (Z'' − Ẑ'')/|Z| are reported per point.
 *
 * <p>Pass/fail criterion used here: the spectrum passes when every |Δ'|, |Δ''| ≤ the limit (default 1 %),
 * i.e. when a KK-compliant model reproduces every point to within 1 % of |Z|; points above the limit are
 * flagged individually. Noise alone gives residuals of about σ/|Z|, so choose the limit above that.
 */
public final class KramersKronig {
	/** Schönleber et al.'s recommended μ threshold. */
	public static final double DEFAULT_MU = 0.85;
	/** Default residual limit: 1 % of |Z|. */
	public static final double DEFAULT_LIMIT = 0.01;

	private KramersKronig() {}

	/** Test with the default μ threshold and limit; the mask of the settings (fmin, fmax, Re Z &lt; 0) applies. */
	public static KkResult test(Spectrum s, DrtSettings mask) {
		return test(s, mask, DEFAULT_MU, DEFAULT_LIMIT);
	}

	public static KkResult test(Spectrum s, DrtSettings mask, double muThreshold, double limit) {
		if (!(muThreshold > 0 && muThreshold < 1)) throw new DrtException("KK μ threshold must be in (0,1), got " + muThreshold);
		if (!(limit > 0)) throw new DrtException("KK residual limit must be positive, got " + limit);
		UsedPoints p = UsedPoints.of(s, mask.fminHz(), mask.fmaxHz(), mask.dropNegativeRe(), mask.dropInductive(), "KK test");
		int n = p.size();
		double[] mod = new double[n];
		for (int i = 0; i < n; i++) mod[i] = Math.hypot(p.zRe[i], p.zIm[i]);
		double wMax = 2 * Math.PI * p.freqHz[0], wMin = 2 * Math.PI * p.freqHz[n - 1];
		double[] best = null;
		int bestM = 0;
		double bestMu = Double.NaN;
		int maxM = Math.max(2, n - 2);
		for (int m = 2; m <= maxM; m++) {
			double[] coef = fit(p, mod, m, wMin, wMax);
			double neg = 0, pos = 0;
			for (int k = 2; k < coef.length; k++) {
				if (coef[k] < 0) neg -= coef[k]; else pos += coef[k];
			}
			double mu = pos > 0 ? 1 - neg / pos : 0;
			best = coef;
			bestM = m;
			bestMu = mu;
			if (mu < muThreshold) break;
		}
		double[] resRe = new double[n], resIm = new double[n];
		double[] tau = taus(bestM, wMin, wMax);
		for (int i = 0; i < n; i++) {
			double w = 2 * Math.PI * p.freqHz[i], re = best[0], im = w * best[1];
			for (int k = 0; k < bestM; k++) {
				double wt = w * tau[k], d = 1 + wt * wt;
				re += best[k + 2] / d;
				im -= best[k + 2] * wt / d;
			}
			resRe[i] = (p.zRe[i] - re) / mod[i];
			resIm[i] = (p.zIm[i] - im) / mod[i];
		}
		return new KkResult(p.freqHz, resRe, resIm, bestM, bestMu, limit, p.used);
	}

	private static double[] taus(int m, double wMin, double wMax) {
		double[] t = new double[m];
		for (int k = 0; k < m; k++) t[k] = Math.exp(Math.log(1 / wMax) + (Math.log(1 / wMin) - Math.log(1 / wMax)) * k / (m - 1));
		return t;
	}

	/** Weighted linear least squares for (R₀, L, R_1..R_M), columns scaled to unit norm for the QR. */
	private static double[] fit(UsedPoints p, double[] mod, int m, double wMin, double wMax) {
		int n = p.size(), cols = m + 2;
		double[] tau = taus(m, wMin, wMax);
		double[][] a = new double[2 * n][cols];
		double[] b = new double[2 * n];
		for (int i = 0; i < n; i++) {
			double w = 2 * Math.PI * p.freqHz[i], inv = 1 / mod[i];
			a[i][0] = inv;
			a[n + i][1] = w * inv;
			for (int k = 0; k < m; k++) {
				double wt = w * tau[k], d = 1 + wt * wt;
				a[i][k + 2] = inv / d;
				a[n + i][k + 2] = -inv * wt / d;
			}
			b[i] = p.zRe[i] * inv;
			b[n + i] = p.zIm[i] * inv;
		}
		double[] scale = new double[cols];
		for (int j = 0; j < cols; j++) {
			double ss = 0;
			for (int i = 0; i < 2 * n; i++) ss += a[i][j] * a[i][j];
			scale[j] = ss > 0 ? 1 / Math.sqrt(ss) : 1;
			for (int i = 0; i < 2 * n; i++) a[i][j] *= scale[j];
		}
		RealVector x = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-14).getSolver().solve(new ArrayRealVector(b, false));
		double[] c = x.toArray();
		for (int j = 0; j < cols; j++) c[j] *= scale[j];
		return c;
	}
}
