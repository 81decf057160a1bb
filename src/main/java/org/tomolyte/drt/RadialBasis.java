package org.tomolyte.drt;

import java.util.Locale;

/**
 * The basis functions that discretise γ(ln τ) (Wan, Saccoccio, Chen &amp; Ciucci, Electrochim. Acta 184
 * (2015) 483, "DRTtools"): each RBF is φ(ε·(ln τ − ln τ_m)) centred on a collocation point, written here as
 * a unit-shape function φ(x); piecewise-linear "hat" functions are the fifth, grid-based choice.
 *
 * <p>Everything a discretisation needs is here in closed form: φ and its first two derivatives, the point
 * x½ where φ = ½ (which sets ε from the FWHM coefficient), ∫φ dx (so R_pol is exact) and the tail
 * integral ∫_X^∞ φ dx (heavy-tailed inverse quadratic).
 */
public enum RadialBasis {
	/** φ(x) = exp(−x²), the default. */
	GAUSSIAN("gaussian"),
	/** φ(x) = exp(−|x|); its second derivative is not square-integrable, so only the 1st-derivative penalty. */
	C0_MATERN("c0_matern"),
	/** φ(x) = (1 + |x|) exp(−|x|). */
	C2_MATERN("c2_matern"),
	/** φ(x) = (3 + 3|x| + x²) exp(−|x|) / 3. */
	C4_MATERN("c4_matern"),
	/** φ(x) = 1 / (1 + x²). */
	INVERSE_QUADRATIC("inverse_quadratic"),
	/** Hat functions on the collocation points (γ linear between them, zero outside). */
	PIECEWISE_LINEAR("piecewise_linear");

	private final String label;

	RadialBasis(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Parses a macro-API name: gaussian, c0_matern, c2_matern, c4_matern, inverse_quadratic, piecewise_linear. */
	public static RadialBasis parse(String s) {
		String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (t.equals("pwl") || t.equals("linear")) return PIECEWISE_LINEAR;
		for (RadialBasis b : values())
			if (b.label.equals(t) || b.label.replace("_", "").equals(t.replace("_", ""))) return b;
		throw new DrtException("Unknown RBF '" + s + "': use gaussian, c0_matern, c2_matern, c4_matern, inverse_quadratic or piecewise_linear");
	}

	public boolean isPiecewiseLinear() {
		return this == PIECEWISE_LINEAR;
	}

	/** φ(x), unit shape (ε = 1), maximum 1 at x = 0. */
	public double value(double x) {
		double a = Math.abs(x);
		switch (this) {
		case GAUSSIAN: return Math.exp(-x * x);
		case C0_MATERN: return Math.exp(-a);
		case C2_MATERN: return (1 + a) * Math.exp(-a);
		case C4_MATERN: return (3 + 3 * a + a * a) * Math.exp(-a) / 3;
		case INVERSE_QUADRATIC: return 1 / (1 + x * x);
		default: return Math.max(0, 1 - a);
		}
	}

	/** The k-th derivative of φ (k = 1 or 2), away from the kink of the Matérn functions at 0. */
	public double derivative(int k, double x) {
		double a = Math.abs(x), s = Math.signum(x);
		if (k == 1) {
			switch (this) {
			case GAUSSIAN: return -2 * x * Math.exp(-x * x);
			case C0_MATERN: return -s * Math.exp(-a);
			case C2_MATERN: return -x * Math.exp(-a);
			case C4_MATERN: return -s * (a + a * a) * Math.exp(-a) / 3;
			case INVERSE_QUADRATIC: { double d = 1 + x * x; return -2 * x / (d * d); }
			default: throw new DrtException("Piecewise-linear basis has no analytic derivative here");
			}
		}
		switch (this) {
		case GAUSSIAN: return (4 * x * x - 2) * Math.exp(-x * x);
		case C2_MATERN: return (a - 1) * Math.exp(-a);
		case C4_MATERN: return (a * a - a - 1) * Math.exp(-a) / 3;
		case INVERSE_QUADRATIC: { double d = 1 + x * x; return (6 * x * x - 2) / (d * d * d); }
		default: throw new DrtException("The " + label + " basis has no square-integrable second derivative: use derivative=1 or another RBF");
		}
	}

	/** ∫ φ(x) dx over the real line. */
	public double integral() {
		switch (this) {
		case GAUSSIAN: return Math.sqrt(Math.PI);
		case C0_MATERN: return 2;
		case C2_MATERN: return 4;
		case C4_MATERN: return 16.0 / 3;
		case INVERSE_QUADRATIC: return Math.PI;
		default: return 1;
		}
	}

	/** ∫_X^∞ φ(x) dx for X ≥ 0. */
	public double tailIntegral(double bigX) {
		double e = Math.exp(-bigX);
		switch (this) {
		case GAUSSIAN: return bigX > 6 ? 0 : 0.5 * Math.sqrt(Math.PI) * erfc(bigX);
		case C0_MATERN: return e;
		case C2_MATERN: return (2 + bigX) * e;
		case C4_MATERN: return (8 + 5 * bigX + bigX * bigX) * e / 3;
		case INVERSE_QUADRATIC: return Math.PI / 2 - Math.atan(bigX);
		default: return 0;
		}
	}

	/** |x| beyond which φ and its derivatives are below ~1e-17 (infinite for the inverse quadratic). */
	double support() {
		switch (this) {
		case GAUSSIAN: return 6.5;
		case C0_MATERN: return 40;
		case C2_MATERN: return 44;
		case C4_MATERN: return 48;
		default: return Double.POSITIVE_INFINITY;
		}
	}

	/** True when φ has a kink at 0 (Matérn), so quadrature grids put a node there. */
	boolean kinkAtZero() {
		return this == C0_MATERN || this == C2_MATERN || this == C4_MATERN;
	}

	/** The x½ > 0 where φ(x½) = ½; the RBF's full width at half maximum is 2·x½/ε. */
	public double halfMaxPoint() {
		switch (this) {
		case GAUSSIAN: return Math.sqrt(Math.log(2));
		case C0_MATERN: return Math.log(2);
		case INVERSE_QUADRATIC: return 1;
		case PIECEWISE_LINEAR: return 0.5;
		default:
			double lo = 0, hi = 10;
			for (int i = 0; i < 200; i++) {
				double mid = 0.5 * (lo + hi);
				if (value(mid) > 0.5) lo = mid; else hi = mid;
			}
			return 0.5 * (lo + hi);
		}
	}

	/** Complementary error function (Numerical Recipes' Chebyshev fit, |error| &lt; 1.2e-7 relative). */
	static double erfc(double x) {
		double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
		double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
				+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
		return x >= 0 ? r : 2 - r;
	}
}
