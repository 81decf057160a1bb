package org.tomolyte.drt;

import java.util.HashMap;
import java.util.Map;

/**
 * The discretised DRT kernel for one frequency grid (Wan et al., Electrochim. Acta 184 (2015) 483, eqs. 32–38):
 * with γ(y) = Σ_m x_m φ_m(y), y = ln τ, the impedance model
 * <pre>
 *   Z(f) = R∞ + j·2πf·L + ∫ γ(y) / (1 + j·2πf·e^y) dy
 * </pre>
 * becomes linear in x: Re Z_n = R∞ + Σ_m A'_nm x_m and Im Z_n = 2πf_n L + Σ_m A''_nm x_m with
 * <pre>
 *   A'_nm  =  ∫ φ_m(y) / (1 + ω_n² e^{2y}) dy,     A''_nm = −∫ φ_m(y) ω_n e^y / (1 + ω_n² e^{2y}) dy .
 * </pre>
 * The smoothness penalty is x^T M x with M_nm = ∫ φ_n^{(k)}(y) φ_m^{(k)}(y) dy (k = 1 or 2).
 *
 * <p>For an RBF φ_m(y) = φ(ε(y − y_m)) the integrals are computed once per grid by composite Simpson
 * quadrature in u = y − y_m on a fine uniform grid (step ≤ 0.01 in ln τ, nodes at the RBF centre so the
 * Matérn kinks sit on panel ends) over |u| ≤ 50, plus the exact tail of ∫φ for the real part where the
 * kernel is 1; this agrees with adaptive quadrature to ~1e-9 relative. The Gaussian penalty is analytic:
 * with a = ε(y_n − y_m), M¹ = ε√(π/2)(1 − a²)e^{−a²/2} and M² = ε³√(π/2)(3 − 6a² + a⁴)e^{−a²/2}; other RBFs
 * use the same autocorrelation integral by Simpson quadrature of the analytic derivatives.
 *
 * <p>The shape factor follows DRTtools' "FWHM coefficient": ε = coeff · 2x½ / Δ, Δ the mean spacing of
 * ln τ over the collocation points and φ(x½) = ½, so the RBF's full width at half maximum is Δ/coeff.
 * Piecewise-linear hats use the same quadrature on their support, the exact first-derivative Gram matrix
 * and, for the second derivative, a finite-difference operator (as DRTtools does).
 */
final class Discretisation {
	private static final double U_MAX = 50;
	private static final double MAX_STEP = 0.01;

	final RadialBasis basis;
	final int derivative;
	/** Collocation ln τ, ascending. */
	final double[] lnTau;
	/** Angular frequencies of the rows. */
	final double[] omega;
	final double epsilon;
	final double[][] aRe;
	final double[][] aIm;
	final double[][] penalty;
	/** ∫ φ_m(y) dy, so that R_pol = Σ x_m w_m exactly. */
	final double[] integralWeights;

	/**
	 * @param freqHz row frequencies (any order, distinct, positive)
	 * @param tauS collocation points, strictly ascending
	 */
	Discretisation(double[] freqHz, double[] tauS, RadialBasis basis, double fwhmCoeff, int derivative) {
		if (derivative != 1 && derivative != 2) throw new DrtException("derivative must be 1 or 2, got " + derivative);
		if (!(fwhmCoeff > 0) || Double.isInfinite(fwhmCoeff)) throw new DrtException("fwhm coefficient must be positive, got " + fwhmCoeff);
		this.basis = basis;
		this.derivative = derivative;
		int n = freqHz.length, m = tauS.length;
		omega = new double[n];
		for (int i = 0; i < n; i++) omega[i] = 2 * Math.PI * freqHz[i];
		lnTau = new double[m];
		for (int j = 0; j < m; j++) lnTau[j] = Math.log(tauS[j]);
		double meanSpacing = (lnTau[m - 1] - lnTau[0]) / (m - 1);
		epsilon = basis.isPiecewiseLinear() ? 0 : fwhmCoeff * 2 * basis.halfMaxPoint() / meanSpacing;
		aRe = new double[n][m];
		aIm = new double[n][m];
		integralWeights = new double[m];
		if (basis.isPiecewiseLinear()) {
			hatKernels();
			penalty = derivative == 1 ? hatPenalty1() : hatPenalty2();
		} else {
			rbfKernels();
			penalty = rbfPenalty();
		}
	}

	int rows() {
		return omega.length;
	}

	int columns() {
		return lnTau.length;
	}

	/** Value of basis function m at ln τ = y. */
	double basisAt(int m, double y) {
		if (!basis.isPiecewiseLinear()) return basis.value(epsilon * (y - lnTau[m]));
		double c = lnTau[m];
		if (y == c) return 1;
		if (y < c) return m == 0 ? 0 : Math.max(0, (y - lnTau[m - 1]) / (c - lnTau[m - 1]));
		return m == lnTau.length - 1 ? 0 : Math.max(0, (lnTau[m + 1] - y) / (lnTau[m + 1] - c));
	}

	/** The matrix B with B[i][m] = φ_m(y_i), so γ(y_i) = Σ_m B[i][m] x_m. */
	double[][] evaluationMatrix(double[] lnTauOut) {
		double[][] b = new double[lnTauOut.length][lnTau.length];
		for (int i = 0; i < lnTauOut.length; i++)
			for (int m = 0; m < lnTau.length; m++)
				b[i][m] = basisAt(m, lnTauOut[i]);
		return b;
	}

	private void rbfKernels() {
		double uMax = Math.min(U_MAX, basis.support() / epsilon);
		double step = Math.min(MAX_STEP, 0.02 / epsilon);
		int half = 2 * (int) Math.ceil(uMax / step / 2); // even number of panels per side: node at u = 0
		double h = uMax / half;
		int nodes = 2 * half + 1;
		double[] wPhi = new double[nodes], eu = new double[nodes];
		for (int i = 0; i < nodes; i++) {
			double u = -uMax + i * h;
			double w = (i == 0 || i == nodes - 1) ? 1 : (i % 2 == 1 ? 4 : 2);
			wPhi[i] = w * h / 3 * basis.value(epsilon * u);
			eu[i] = Math.exp(u);
		}
		// left tail u < −uMax: there 1/(1+ω²τ²) = 1 to within e^{−2·uMax}·(ωτ)², and the imaginary kernel vanishes
		double tail = basis.tailIntegral(epsilon * uMax) / epsilon;
		for (int n = 0; n < omega.length; n++) {
			for (int m = 0; m < lnTau.length; m++) {
				double a = omega[n] * Math.exp(lnTau[m]);
				double re = 0, im = 0;
				for (int i = 0; i < nodes; i++) {
					double ae = a * eu[i];
					double d = 1 / (1 + ae * ae);
					re += wPhi[i] * d;
					im += wPhi[i] * ae * d;
				}
				aRe[n][m] = re + tail;
				aIm[n][m] = -im;
			}
		}
		for (int m = 0; m < lnTau.length; m++) integralWeights[m] = basis.integral() / epsilon;
	}

	private double[][] rbfPenalty() {
		int m = lnTau.length;
		double[][] p = new double[m][m];
		Map<Long, Double> cache = new HashMap<>();
		for (int i = 0; i < m; i++)
			for (int j = i; j < m; j++) {
				double a = Math.abs(epsilon * (lnTau[i] - lnTau[j]));
				double v;
				if (basis == RadialBasis.GAUSSIAN) {
					double g = Math.sqrt(Math.PI / 2) * Math.exp(-a * a / 2);
					v = derivative == 1 ? epsilon * (1 - a * a) * g : epsilon * epsilon * epsilon * (3 - 6 * a * a + a * a * a * a) * g;
				} else {
					long key = Math.round(a * 1e9);
					Double c = cache.get(key);
					if (c == null) {
						c = autocorrelation(basis, derivative, a);
						cache.put(key, c);
					}
					v = Math.pow(epsilon, 2 * derivative - 1) * c;
				}
				p[i][j] = v;
				p[j][i] = v;
			}
		return p;
	}

	/** ∫ φ^{(k)}(x) φ^{(k)}(x − a) dx for a ≥ 0 by composite Simpson with nodes at the kinks 0 and a. */
	static double autocorrelation(RadialBasis basis, int k, double a) {
		if (basis == RadialBasis.C0_MATERN && k == 2) basis.derivative(2, 0); // throws the explanatory DrtException
		double big = Math.min(basis.support(), 60);
		return simpson(basis, k, a, -big, 0) + simpson(basis, k, a, 0, a) + simpson(basis, k, a, a, a + big);
	}

	private static double simpson(RadialBasis basis, int k, double a, double lo, double hi) {
		if (hi <= lo) return 0;
		int panels = 2 * Math.max(2, (int) Math.ceil((hi - lo) / 0.01 / 2));
		double h = (hi - lo) / panels, s = 0;
		for (int i = 0; i <= panels; i++) {
			// evaluate just inside the panel range so one-sided derivative formulas apply at the kinks
			double x = lo + i * h;
			double xi = i == 0 ? x + 1e-12 : (i == panels ? x - 1e-12 : x);
			double w = (i == 0 || i == panels) ? 1 : (i % 2 == 1 ? 4 : 2);
			s += w * basis.derivative(k, xi) * basis.derivative(k, xi - a);
		}
		return s * h / 3;
	}

	private void hatKernels() {
		int m = lnTau.length;
		for (int q = 0; q < m; q++) {
			double left = q > 0 ? lnTau[q - 1] : lnTau[q], right = q < m - 1 ? lnTau[q + 1] : lnTau[q];
			integralWeights[q] = 0.5 * (right - left);
			for (int n = 0; n < omega.length; n++) {
				double[] s = new double[2];
				hatSide(q, left, lnTau[q], omega[n], s);
				hatSide(q, lnTau[q], right, omega[n], s);
				aRe[n][q] = s[0];
				aIm[n][q] = -s[1];
			}
		}
	}

	private void hatSide(int q, double lo, double hi, double w, double[] acc) {
		if (hi <= lo) return;
		int panels = 64;
		double h = (hi - lo) / panels;
		for (int i = 0; i <= panels; i++) {
			double y = lo + i * h;
			double wt = ((i == 0 || i == panels) ? 1 : (i % 2 == 1 ? 4 : 2)) * h / 3 * basisAt(q, y);
			double ae = w * Math.exp(y), d = 1 / (1 + ae * ae);
			acc[0] += wt * d;
			acc[1] += wt * ae * d;
		}
	}

	private double[][] hatPenalty1() {
		int m = lnTau.length;
		double[][] p = new double[m][m];
		for (int k = 0; k < m - 1; k++) {
			double g = 1 / (lnTau[k + 1] - lnTau[k]);
			p[k][k] += g;
			p[k + 1][k + 1] += g;
			p[k][k + 1] -= g;
			p[k + 1][k] -= g;
		}
		return p;
	}

	private double[][] hatPenalty2() {
		int m = lnTau.length;
		double[][] p = new double[m][m];
		for (int k = 0; k + 2 < m; k++) {
			double d0 = lnTau[k + 1] - lnTau[k], d1 = lnTau[k + 2] - lnTau[k + 1], span = 0.5 * (d0 + d1);
			double[] row = { 1 / (d0 * span), -(1 / d0 + 1 / d1) / span, 1 / (d1 * span) };
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++)
					p[k + a][k + b] += span * row[a] * row[b]; // ∫ (γ'')² ≈ Σ span · (second difference)²
		}
		return p;
	}
}
