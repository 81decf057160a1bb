package org.tomolyte.drt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;


/**
 * Finds the peaks of a DRT and fits them all at once with a sum of ZARC- or Gaussian-shaped peaks (the
 * approach of pyDRTtools' peak analysis; the ZARC shape is the exact DRT of a ZARC element, see
 * {@link PeakShape}). Local maxima above {@code minFraction}·max γ with a prominence of at least half that
 * are kept; a damped Gauss–Newton fit on γ (subsampled to ~100 points of the output grid) refines centre,
 * area and width, with widths bounded so that a small bump cannot spread over its neighbours or collapse
 * between grid points and centres kept within half a decade of the maxima they were found at.
 *
 * <p>Reported per peak: τ₀ = the fitted centre; height = the fitted shape's maximum; resistance = the
 * share of the measured ∫γ d ln τ that the fitted shapes attribute to this peak (γ split point by point
 * in proportion to the shapes, so the resistances add up to R_pol), plus the fitted shape's analytic tail
 * beyond the output grid. Splitting the measured γ rather than integrating the fitted shapes keeps the
 * areas right where the regularised peaks are not exactly ZARC- or Gaussian-shaped.
 */
final class PeakFinder {
	/** Half a decade in ln τ. */
	private static final double MAX_CENTRE_SHIFT = 0.5 * Math.log(10);

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
		// the output grid oversamples γ tenfold: fit on about 100 of its points (γ is smooth at that scale)
		int stride = Math.max(1, n / 100);
		double dySub = stride * (lnTau[n - 1] - lnTau[0]) / (n - 1);
		double[] start = new double[3 * k];
		// width bounds keep a small bump from turning into a broad shape that absorbs its neighbours' area
		// (ZARC φ ≥ 0.6× the φ of its observed half width, Gaussian σ ≤ 1.7× its observed σ), and any peak
		// from collapsing between the fitted grid points (half width ≥ one fit-grid step)
		double[] bound = new double[2 * k];
		double phiMax = zarcPhiForHalfWidth(dySub), sigmaMin = dySub / Math.sqrt(2 * Math.log(2));
		for (int p = 0; p < k; p++) {
			int i = maxima.get(p);
			double halfWidth = halfWidth(lnTau, gamma, i);
			start[3 * p + 1] = lnTau[i];
			if (shape == PeakShape.ZARC) {
				double phi = zarcPhiForHalfWidth(halfWidth);
				double r = gamma[i] * 2 * Math.PI * (1 + Math.cos(phi * Math.PI)) / Math.sin(phi * Math.PI);
				phi = Math.min(phi, phiMax * 0.999);
				bound[2 * p] = Math.min(0.6 * phi, 0.9 * phiMax);
				bound[2 * p + 1] = phiMax;
				start[3 * p] = Math.log(r);
				double t = (phi - bound[2 * p]) / (phiMax - bound[2 * p]);
				start[3 * p + 2] = Math.log(t / (1 - t));
			} else {
				double sigma = Math.max(halfWidth / Math.sqrt(2 * Math.log(2)), sigmaMin * 1.001);
				bound[2 * p] = sigmaMin;
				bound[2 * p + 1] = 1.7 * sigma;
				start[3 * p] = Math.log(gamma[i] * sigma * Math.sqrt(2 * Math.PI));
				start[3 * p + 2] = Math.log((sigma - sigmaMin) / (bound[2 * p + 1] - sigma));
			}
		}
		double[] params = start;
		double[] ySub = new double[(n + stride - 1) / stride], gSub = new double[ySub.length];
		for (int i = 0, j = 0; i < n; i += stride, j++) {
			ySub[j] = lnTau[i];
			gSub[j] = gamma[i];
		}
		double[] fitted = levenbergMarquardt(start, ySub, gSub, shape, bound);
		boolean ok = fitted != null;
		for (int p = 0; ok && p < k; p++) {
			double mu = fitted[3 * p + 1];
			ok = Double.isFinite(fitted[3 * p]) && mu >= lnTau[0] && mu <= lnTau[n - 1] && Double.isFinite(fitted[3 * p + 2]);
		}
		if (ok) params = fitted; // otherwise keep the starting estimates from the maxima and half widths
		// resistances: the measured γ is shared between the peaks in proportion to the fitted shapes, so
		// that they add up to ∫γ (R_pol, which the regularised fit gets right even where the peak shapes are
		// slightly off); the fitted shapes' tails beyond the output grid are added.
		double[][] shapes = new double[k][n];
		double[] total = new double[n];
		for (int p = 0; p < k; p++)
			shapeValues(params, p, lnTau, shape, bound, shapes[p], total);
		for (int p = 0; p < k; p++) {
			double r = Math.exp(params[3 * p]), mu = params[3 * p + 1];
			double width, height;
			width = widthOf(params[3 * p + 2], bound[2 * p], bound[2 * p + 1]);
			if (shape == PeakShape.ZARC) height = r / (2 * Math.PI) * Math.tan(width * Math.PI / 2);
			else height = r / (width * Math.sqrt(2 * Math.PI));
			double inside = 0;
			for (int i = 0; i + 1 < n; i++) {
				double h = lnTau[i + 1] - lnTau[i];
				double a = total[i] > 0 ? gamma[i] * shapes[p][i] / total[i] : 0, b = total[i + 1] > 0 ? gamma[i + 1] * shapes[p][i + 1] / total[i + 1] : 0;
				inside += 0.5 * h * (a + b);
			}
			double resistance = inside + r * outsideFraction(shape, width, lnTau[0] - mu, lnTau[n - 1] - mu);
			out.add(new DrtPeak(null, Math.exp(mu), height, resistance, width));
		}
		double sum = 0;
		for (DrtPeak q : out) sum += q.resistanceOhm();
		final double floor = 0.5 * minFraction * sum;
		out.removeIf(q -> q.resistanceOhm() < floor); // numerical specks with (almost) no area
		out.sort(Comparator.comparingDouble(DrtPeak::tauS));
		return out;
	}

	/**
	 * Fraction of a peak's area outside [a, b] (offsets from its centre in ln τ). ZARC: its cumulative area
	 * is (1/π)·atan(tan(φπ/2)·tanh(φu/2)) + ½; Gaussian: the normal distribution.
	 */
	static double outsideFraction(PeakShape shape, double width, double a, double b) {
		if (shape == PeakShape.ZARC) {
			double t = Math.tan(width * Math.PI / 2);
			double fa = Math.atan(t * Math.tanh(width * a / 2)) / Math.PI, fb = Math.atan(t * Math.tanh(width * b / 2)) / Math.PI;
			return Math.max(0, 1 - (fb - fa) / width);
		}
		return 0.5 * RadialBasis.erfc(b / (width * Math.sqrt(2))) + 0.5 * RadialBasis.erfc(-a / (width * Math.sqrt(2)));
	}

	/** Width from its unbounded parameter s: lo + (hi − lo)·sigmoid(s), lo/hi = bound[2p]/bound[2p+1]. */
	private static double widthOf(double s, double lo, double hi) {
		return lo + (hi - lo) / (1 + Math.exp(-s));
	}

	/** Writes peak p's shape on the grid y into out and adds it to total. */
	private static void shapeValues(double[] q, int p, double[] y, PeakShape shape, double[] bound, double[] out, double[] total) {
		double r = Math.exp(q[3 * p]), mu = q[3 * p + 1], w = widthOf(q[3 * p + 2], bound[2 * p], bound[2 * p + 1]);
		if (shape == PeakShape.ZARC) {
			double amp = r / (2 * Math.PI) * Math.sin(w * Math.PI), cos = Math.cos(w * Math.PI);
			for (int i = 0; i < y.length; i++) {
				double e = Math.exp(Math.max(-700, Math.min(700, w * (y[i] - mu))));
				out[i] = amp / (0.5 * (e + 1 / e) + cos);
				total[i] += out[i];
			}
		} else {
			double h = r / (w * Math.sqrt(2 * Math.PI));
			for (int i = 0; i < y.length; i++) {
				double u = (y[i] - mu) / w;
				out[i] = h * Math.exp(-0.5 * u * u);
				total[i] += out[i];
			}
		}
	}

	/** Model values and Jacobian of a sum of peaks with parameters (ln R, ln τ₀, shape) each. */
	private static void evaluate(double[] q, double[] y, PeakShape shape, double[] bound, double[] v, double[][] jac) {
		int k = q.length / 3, n = y.length;
		java.util.Arrays.fill(v, 0);
		for (int p = 0; p < k; p++) {
			double r = Math.exp(q[3 * p]), mu = q[3 * p + 1], s = q[3 * p + 2];
			if (shape == PeakShape.ZARC) {
				double lo = bound[2 * p], hi = bound[2 * p + 1], sig = 1 / (1 + Math.exp(-s));
				double phi = lo + (hi - lo) * sig, dphi = (hi - lo) * sig * (1 - sig);
				double sin = Math.sin(phi * Math.PI), cos = Math.cos(phi * Math.PI);
				for (int i = 0; i < n; i++) {
					double u = y[i] - mu, e = Math.exp(Math.max(-700, Math.min(700, phi * u))), ch = 0.5 * (e + 1 / e), sh = 0.5 * (e - 1 / e);
					double den = ch + cos;
					double g = r / (2 * Math.PI) * sin / den;
					v[i] += g;
					jac[i][3 * p] = g;
					jac[i][3 * p + 1] = g * sh * phi / den;
					double dgdphi = r / (2 * Math.PI) * (Math.PI * cos / den - sin * (sh * u - Math.PI * sin) / (den * den));
					jac[i][3 * p + 2] = dgdphi * dphi;
				}
			} else {
				double lo = bound[2 * p], hi = bound[2 * p + 1], sig = 1 / (1 + Math.exp(-s));
				double sigma = lo + (hi - lo) * sig, dsigma = (hi - lo) * sig * (1 - sig);
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
	}

	/**
	 * Damped Gauss–Newton (Levenberg–Marquardt with Marquardt's diagonal scaling) on the small normal
	 * equations; returns null if it cannot make progress.
	 */
	static double[] levenbergMarquardt(double[] start, double[] y, double[] target, PeakShape shape, double[] bound) {
		int m = start.length, n = y.length;
		double[] p = start.clone(), v = new double[n], trial = new double[m], vt = new double[n];
		double[][] jac = new double[n][m], jt = new double[n][m];
		evaluate(p, y, shape, bound, v, jac);
		double cost = 0;
		for (int i = 0; i < n; i++) cost += (target[i] - v[i]) * (target[i] - v[i]);
		if (!Double.isFinite(cost)) return null;
		double lambda = 1e-2;
		for (int iter = 0; iter < 200; iter++) {
			double[][] a = new double[m][m];
			double[] g = new double[m];
			for (int i = 0; i < n; i++) {
				double[] ji = jac[i];
				double r = target[i] - v[i];
				for (int c = 0; c < m; c++) {
					g[c] += ji[c] * r;
					for (int d = 0; d <= c; d++) a[c][d] += ji[c] * ji[d];
				}
			}
			boolean improved = false;
			while (lambda < 1e12) {
				double[][] h = new double[m][m];
				for (int c = 0; c < m; c++)
					for (int d = 0; d <= c; d++) {
						h[c][d] = a[c][d];
						h[d][c] = a[c][d];
					}
				for (int c = 0; c < m; c++) h[c][c] += lambda * Math.max(a[c][c], 1e-12);
				double[] step = g.clone();
				try {
					RidgePath.solve(RidgePath.cholesky(h), step);
				} catch (DrtException e) {
					lambda *= 10;
					continue;
				}
				boolean wander = false;
				for (int c = 0; c < m; c++) {
					trial[c] = p[c] + step[c];
					// a peak centre may not drift more than half a decade from the maximum it was found at
					if (c % 3 == 1 && Math.abs(trial[c] - start[c]) > MAX_CENTRE_SHIFT) wander = true;
				}
				if (wander) {
					lambda *= 4;
					continue;
				}
				evaluate(trial, y, shape, bound, vt, jt);
				double c2 = 0;
				for (int i = 0; i < n; i++) c2 += (target[i] - vt[i]) * (target[i] - vt[i]);
				if (Double.isFinite(c2) && c2 < cost) {
					double gain = (cost - c2) / cost;
					System.arraycopy(trial, 0, p, 0, m);
					double[] tv = v; v = vt; vt = tv;
					double[][] tj = jac; jac = jt; jt = tj;
					cost = c2;
					lambda = Math.max(1e-12, lambda / 3);
					improved = true;
					if (gain < 1e-10) return p;
					break;
				}
				lambda *= 4;
			}
			if (!improved) return p; // at a minimum to working precision
		}
		return p;
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
