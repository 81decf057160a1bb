package org.tomolyte.drt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Finds the peaks of a DRT and fits them all at once with a sum of ZARC- or Gaussian-shaped peaks
 * (as pyDRTtools' peak analysis does, after Ciucci's group; the ZARC shape is the exact DRT of a ZARC
 * element, so its area is the element's resistance). Local maxima above {@code minFraction}·max γ with
 * a prominence of at least half that are kept; the least-squares fit (Levenberg–Marquardt, commons-math3)
 * runs on γ over the output grid with positive resistances and widths enforced by a log/logit
 * parametrisation.
 */
final class PeakFinder {
	private PeakFinder() {}

	static List<DrtPeak> find(double[] lnTau, double[] gamma, PeakShape shape, double minFraction) {
		int n = gamma.length;
		double max = 0;
		for (double g : gamma) max = Math.max(max, g);
		List<DrtPeak> out = new ArrayList<>();
		if (!(max > 0)) return out;
		List<Integer> maxima = new ArrayList<>();
		for (int i = 1; i < n - 1; i++)
			if (gamma[i] > gamma[i - 1] && gamma[i] >= gamma[i + 1] && gamma[i] >= minFraction * max
					&& prominence(gamma, i) >= 0.5 * minFraction * max)
				maxima.add(i);
		if (maxima.isEmpty()) return out;
		int k = maxima.size();
		double[] start = new double[3 * k];
		// width bounds keep a small bump from turning into a broad shape that absorbs its neighbours' area:
		// ZARC φ stays above 0.6× the φ of its observed half width, a Gaussian σ below 1.7× its observed σ
		double[] bound = new double[k];
		for (int p = 0; p < k; p++) {
			int i = maxima.get(p);
			double halfWidth = halfWidth(lnTau, gamma, i);
			start[3 * p + 1] = lnTau[i];
			if (shape == PeakShape.ZARC) {
				double phi = zarcPhiForHalfWidth(halfWidth);
				double r = gamma[i] * 2 * Math.PI * (1 + Math.cos(phi * Math.PI)) / Math.sin(phi * Math.PI);
				bound[p] = 0.6 * phi;
				start[3 * p] = Math.log(r);
				double t = (phi - bound[p]) / (1 - bound[p]);
				start[3 * p + 2] = Math.log(t / (1 - t));
			} else {
				double sigma = halfWidth / Math.sqrt(2 * Math.log(2));
				bound[p] = 1.7 * sigma;
				start[3 * p] = Math.log(gamma[i] * sigma * Math.sqrt(2 * Math.PI));
				start[3 * p + 2] = Math.log(sigma / (bound[p] - sigma));
			}
		}
		double[] params = start;
		try {
			LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
					.start(start).target(gamma).maxEvaluations(2000).maxIterations(500)
					.model(point -> evaluate(point, lnTau, shape, bound)).build());
			double[] fitted = opt.getPoint().toArray();
			boolean ok = true;
			for (int p = 0; p < k; p++) {
				double mu = fitted[3 * p + 1];
				ok &= Double.isFinite(fitted[3 * p]) && mu >= lnTau[0] && mu <= lnTau[n - 1] && Double.isFinite(fitted[3 * p + 2]);
			}
			if (ok) params = fitted;
		} catch (RuntimeException e) {
			// keep the starting estimates from the peak maxima and half widths
		}
		// resistances: the measured γ is shared between the peaks in proportion to the fitted shapes, so
		// that they add up to ∫γ (R_pol, which the regularised fit gets right even where the peak shapes are
		// slightly off); the fitted shapes' tails beyond the output grid are added.
		double[][] shapes = new double[k][n];
		double[] total = new double[n];
		for (int p = 0; p < k; p++)
			for (int i = 0; i < n; i++) {
				shapes[p][i] = shapeValue(params, p, lnTau[i], shape, bound);
				total[i] += shapes[p][i];
			}
		for (int p = 0; p < k; p++) {
			double r = Math.exp(params[3 * p]), mu = params[3 * p + 1];
			double width, height;
			width = widthOf(params[3 * p + 2], shape, bound[p]);
			if (shape == PeakShape.ZARC) height = r / (2 * Math.PI) * Math.tan(width * Math.PI / 2);
			else height = r / (width * Math.sqrt(2 * Math.PI));
			double inside = 0, shapeInside = 0;
			for (int i = 0; i + 1 < n; i++) {
				double h = lnTau[i + 1] - lnTau[i];
				double a = total[i] > 0 ? gamma[i] * shapes[p][i] / total[i] : 0, b = total[i + 1] > 0 ? gamma[i + 1] * shapes[p][i + 1] / total[i + 1] : 0;
				inside += 0.5 * h * (a + b);
				shapeInside += 0.5 * h * (shapes[p][i] + shapes[p][i + 1]);
			}
			double resistance = inside + Math.max(0, r - shapeInside);
			out.add(new DrtPeak(null, Math.exp(mu), height, resistance, width));
		}
		double sum = 0;
		for (DrtPeak q : out) sum += q.resistanceOhm();
		final double floor = 0.5 * minFraction * sum;
		out.removeIf(q -> q.resistanceOhm() < floor); // numerical specks with (almost) no area
		out.sort(Comparator.comparingDouble(DrtPeak::tauS));
		return out;
	}

	/** ZARC φ = b + (1 − b)·sigmoid(s); Gaussian σ = b·sigmoid(s). */
	private static double widthOf(double s, PeakShape shape, double b) {
		double sig = 1 / (1 + Math.exp(-s));
		return shape == PeakShape.ZARC ? b + (1 - b) * sig : b * sig;
	}

	private static double shapeValue(double[] q, int p, double y, PeakShape shape, double[] bound) {
		double r = Math.exp(q[3 * p]), u = y - q[3 * p + 1];
		double wdt = widthOf(q[3 * p + 2], shape, bound[p]);
		if (shape == PeakShape.ZARC) {
			double phi = wdt;
			return r / (2 * Math.PI) * Math.sin(phi * Math.PI) / (Math.cosh(phi * u) + Math.cos(phi * Math.PI));
		}
		double sigma = wdt;
		return r / (sigma * Math.sqrt(2 * Math.PI)) * Math.exp(-0.5 * u * u / (sigma * sigma));
	}

	/** Model values and Jacobian of a sum of peaks with parameters (ln R, ln τ₀, shape) each. */
	private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> evaluate(RealVector point, double[] y, PeakShape shape, double[] bound) {
		double[] q = point.toArray();
		int k = q.length / 3, n = y.length;
		double[] v = new double[n];
		double[][] jac = new double[n][q.length];
		for (int p = 0; p < k; p++) {
			double r = Math.exp(q[3 * p]), mu = q[3 * p + 1], s = q[3 * p + 2];
			if (shape == PeakShape.ZARC) {
				double sig = 1 / (1 + Math.exp(-s)), phi = bound[p] + (1 - bound[p]) * sig, dphi = (1 - bound[p]) * sig * (1 - sig);
				double sin = Math.sin(phi * Math.PI), cos = Math.cos(phi * Math.PI);
				for (int i = 0; i < n; i++) {
					double u = y[i] - mu, ch = Math.cosh(phi * u), sh = Math.sinh(phi * u);
					double den = ch + cos;
					double g = r / (2 * Math.PI) * sin / den;
					v[i] += g;
					jac[i][3 * p] = g;
					jac[i][3 * p + 1] = g * sh * phi / den;
					double dgdphi = r / (2 * Math.PI) * (Math.PI * Math.cos(phi * Math.PI) / den - sin * (sh * u - Math.PI * sin) / (den * den));
					jac[i][3 * p + 2] = dgdphi * dphi;
				}
			} else {
				double sig = 1 / (1 + Math.exp(-s)), sigma = bound[p] * sig, dsigma = sigma * (1 - sig);
				double h = r / (sigma * Math.sqrt(2 * Math.PI));
				for (int i = 0; i < n; i++) {
					double u = (y[i] - mu) / sigma, g = h * Math.exp(-0.5 * u * u);
					v[i] += g;
					jac[i][3 * p] = g;
					jac[i][3 * p + 1] = g * u / sigma;
					jac[i][3 * p + 2] = g * (u * u - 1) / sigma * dsigma;
				}
			}
		}
		return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(jac, false));
	}

	/** ln τ of the maximum of γ near grid index i, refined by a parabola through the three top points. */
	static double maximumLnTau(double[] y, double[] g, int i) {
		double den = g[i - 1] - 2 * g[i] + g[i + 1];
		double shift = den < 0 ? 0.5 * (g[i - 1] - g[i + 1]) / den : 0;
		return y[i] + Math.max(-1, Math.min(1, shift)) * (y[i + 1] - y[i]);
	}

	/** Height of the peak above the higher of the two lowest points separating it from higher ground. */
	private static double prominence(double[] g, int i) {
		double leftMin = g[i], rightMin = g[i];
		for (int j = i - 1; j >= 0 && g[j] <= g[i]; j--) leftMin = Math.min(leftMin, g[j]);
		for (int j = i + 1; j < g.length && g[j] <= g[i]; j++) rightMin = Math.min(rightMin, g[j]);
		return g[i] - Math.max(leftMin, rightMin);
	}

	/**
	 * Half width in ln τ at half the peak's prominence, on the narrower side; a side that reaches a valley
	 * before dropping that far ends at the valley (so a shoulder on a neighbour's flank gets its own width).
	 */
	private static double halfWidth(double[] y, double[] g, int i) {
		double level = g[i] - 0.5 * prominence(g, i), best = Double.POSITIVE_INFINITY;
		for (int j = i; j > 0; j--) {
			if (g[j - 1] < level) { best = Math.min(best, y[i] - interp(y[j - 1], g[j - 1], y[j], g[j], level)); break; }
			if (g[j - 1] > g[j]) { best = Math.min(best, y[i] - y[j]); break; }
		}
		for (int j = i; j < g.length - 1; j++) {
			if (g[j + 1] < level) { best = Math.min(best, interp(y[j], g[j], y[j + 1], g[j + 1], level) - y[i]); break; }
			if (g[j + 1] > g[j]) { best = Math.min(best, y[j] - y[i]); break; }
		}
		return Double.isFinite(best) && best > 0 ? best : (y[y.length - 1] - y[0]) / 10;
	}

	private static double interp(double x0, double g0, double x1, double g1, double level) {
		return x0 + (level - g0) * (x1 - x0) / (g1 - g0);
	}

	/** φ whose ZARC DRT has the given half width at half maximum: cosh(φ·hw) = 2 + cos(φπ). */
	static double zarcPhiForHalfWidth(double hw) {
		double lo = 0.05, hi = 0.99;
		for (int it = 0; it < 60; it++) {
			double phi = 0.5 * (lo + hi);
			double f = Math.cosh(phi * hw) - 2 - Math.cos(phi * Math.PI);
			// the half width shrinks as φ grows, so f grows with φ
			if (f > 0) hi = phi; else lo = phi;
		}
		return 0.5 * (lo + hi);
	}
}
