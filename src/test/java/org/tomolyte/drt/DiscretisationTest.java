package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Kernel and penalty matrices against independent brute-force quadrature of their defining integrals. */
class DiscretisationTest {
	/** Plain trapezoid on a very fine grid over a wide range: slow, simple, independent. */
	static double[] kernelBruteForce(RadialBasis b, double eps, double omega, double yc) {
		double re = 0, im = 0, h = 2e-4;
		for (double y = yc - 60; y <= yc + 60; y += h) {
			double phi = b.value(eps * (y - yc)), wt = omega * Math.exp(y), d = 1 / (1 + wt * wt);
			re += phi * d * h;
			im -= phi * wt * d * h;
		}
		// the real kernel is 1 below the range: add ∫φ there (only the inverse quadratic's is not negligible)
		if (b == RadialBasis.INVERSE_QUADRATIC) re += (Math.PI / 2 - Math.atan(eps * 60)) / eps;
		return new double[] { re, im };
	}

	@Test
	void kernelsMatchBruteForce() {
		double[] f = new double[21];
		for (int i = 0; i < f.length; i++) f[i] = 1e4 * Math.pow(10, -i * 0.3);
		double[] tau = new double[f.length];
		for (int i = 0; i < f.length; i++) tau[i] = 1 / f[i];
		for (RadialBasis b : new RadialBasis[] { RadialBasis.GAUSSIAN, RadialBasis.C2_MATERN, RadialBasis.INVERSE_QUADRATIC }) {
			Discretisation d = new Discretisation(f, tau, b, 0.5, 1);
			for (int n : new int[] { 0, 7, 20 })
				for (int m : new int[] { 0, 10, 20 }) {
					double[] bf = kernelBruteForce(b, d.epsilon, 2 * Math.PI * f[n], Math.log(tau[m]));
					double tol = 1e-5;
					assertEquals(bf[0], d.aRe[n][m], tol * Math.max(1, Math.abs(bf[0])), b + " Re " + n + "," + m);
					assertEquals(bf[1], d.aIm[n][m], tol * Math.max(1, Math.abs(bf[1])), b + " Im " + n + "," + m);
				}
		}
	}

	@Test
	void fwhmCoefficientSetsTheWidth() {
		double[] f = { 1000, 100, 10, 1, 0.1, 0.01 };
		double[] tau = new double[f.length];
		for (int i = 0; i < f.length; i++) tau[i] = 1 / f[i];
		Discretisation d = new Discretisation(f, tau, RadialBasis.GAUSSIAN, 0.5, 2);
		// FWHM in ln τ = spacing / coefficient = ln(10)/0.5
		double halfAt = RadialBasis.GAUSSIAN.halfMaxPoint() / d.epsilon;
		assertEquals(Math.log(10) / 0.5, 2 * halfAt, 1e-12);
		assertEquals(0.5, d.basisAt(2, Math.log(tau[2]) + halfAt), 1e-12);
	}

	@Test
	void gaussianPenaltyMatchesNumericalInnerProducts() {
		for (int k = 1; k <= 2; k++)
			for (double a : new double[] { 0, 0.3, 1.1, 2.5 }) {
				double numeric = Discretisation.autocorrelation(RadialBasis.GAUSSIAN, k, a);
				double g = Math.sqrt(Math.PI / 2) * Math.exp(-a * a / 2);
				double analytic = k == 1 ? (1 - a * a) * g : (3 - 6 * a * a + a * a * a * a) * g;
				assertEquals(analytic, numeric, 1e-7, "k=" + k + " a=" + a);
			}
		// C2 Matérn at zero lag by hand: ∫x²e^{−2|x|} = 1/2 and ∫(|x|−1)²e^{−2|x|} = 1/2
		assertEquals(0.5, Discretisation.autocorrelation(RadialBasis.C2_MATERN, 1, 0), 1e-6);
		assertEquals(0.5, Discretisation.autocorrelation(RadialBasis.C2_MATERN, 2, 0), 1e-6);
	}

	@Test
	void basisIntegralsAreExact() {
		for (RadialBasis b : new RadialBasis[] { RadialBasis.GAUSSIAN, RadialBasis.C0_MATERN, RadialBasis.C2_MATERN, RadialBasis.C4_MATERN }) {
			double s = 0, h = 1e-4;
			for (double x = -80; x <= 80; x += h) s += b.value(x) * h;
			assertEquals(b.integral(), s, 1e-6, b.label());
			assertEquals(0.5, b.value(b.halfMaxPoint()), 1e-12, b.label());
		}
	}
}
