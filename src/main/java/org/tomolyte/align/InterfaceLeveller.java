package org.tomolyte.align;

import org.tomolyte.task.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Measures the electrolyte/liquid-metal interface as a sub-voxel height map and levels it. Every
 * stepVoxels × stepVoxels tile gives one mean grey-value profile along the column axis; after Gaussian
 * smoothing the interface is the extremum of the derivative with the expected sign, refined by a parabola
 * through the three samples around it (a gradient-maximum edge locator, cf. Canny 1986). A plane is then
 * fitted by iteratively trimmed least squares (outliers beyond k robust standard deviations dropped), giving
 * tilt, roughness and the minimal rotation (Rodrigues) that turns the plane normal onto the column axis.
 */
public final class InterfaceLeveller {
	private InterfaceLeveller() {}

	public static InterfaceResult measure(Volume v, InterfaceSettings s, Progress progress) {
		boolean alongZ = s.axis() == InterfaceSettings.Axis.Z;
		int nu = v.width(), nv = alongZ ? v.height() : v.depth(), nw = alongZ ? v.depth() : v.height();
		double du = v.voxelXUm(), dv = alongZ ? v.voxelYUm() : v.voxelZUm(), dw = alongZ ? v.voxelZUm() : v.voxelYUm();
		if (nw < 5) throw new AlignException("Interface levelling needs at least 5 voxels along " + s.axis() + ", the volume " + v + " has " + nw);
		int step = s.stepVoxels();
		int tu = nu / step, tv = Math.max(1, nv / step);
		if (tu < 2 || (nv > 1 && tv < 2)) throw new AlignException("Interface tiles of " + step + " voxels are too large for " + v + "; reduce stepVoxels");
		int from = s.searchFromVoxel() >= 0 ? Math.min(s.searchFromVoxel(), nw - 1) : 0;
		int to = s.searchToVoxel() >= 0 ? Math.min(s.searchToVoxel(), nw - 1) : nw - 1;
		if (to - from < 4) throw new AlignException("Interface search range [" + from + ", " + to + "] along " + s.axis() + " is shorter than 5 voxels");

		// tile profiles (mean over the tile) for every w in the search range
		int len = to - from + 1;
		float[][] profiles = new float[tu * tv][len];
		Parallel.forEach(len, 0, k -> {
			int w = from + k;
			double norm = 1.0 / (step * (double) Math.min(step, nv));
			for (int j = 0; j < tv; j++)
				for (int i = 0; i < tu; i++) {
					double sum = 0;
					for (int b = j * step; b < Math.min(nv, j * step + step); b++)
						for (int a = i * step; a < i * step + step; a++)
							sum += alongZ ? v.get(a, b, w) : v.get(a, w, b);
					profiles[j * tu + i][k] = (float) (sum * norm);
				}
		});
		progress.checkCancelled();
		progress.report(0.5, "Interface profiles");
		double[] mean = new double[len];
		for (float[] p : profiles)
			for (int k = 0; k < len; k++)
				mean[k] += p[k] / profiles.length;
		double[] meanGrad = gradient(smooth(mean, s.smoothingVoxels()));
		int centre = argmaxAbs(meanGrad, 1, len - 2, 0);
		boolean rising = s.polarity() == InterfaceSettings.Polarity.AUTO ? meanGrad[centre] > 0 : s.polarity() == InterfaceSettings.Polarity.RISING;
		if (s.polarity() != InterfaceSettings.Polarity.AUTO) centre = argmaxAbs(meanGrad, 1, len - 2, rising ? 1 : -1);
		int half = s.searchHalfWidthVoxels() > 0 ? s.searchHalfWidthVoxels() : Math.max(4, nw / 4);
		int lo = Math.max(1, centre - half), hi = Math.min(len - 2, centre + half);

		// noise level of the derivative from the tiles' high-frequency content, for a contrast test
		float[] heights = new float[tu * tv];
		double[] strength = new double[tu * tv];
		for (int t = 0; t < profiles.length; t++) {
			double[] p = new double[len];
			for (int k = 0; k < len; k++)
				p[k] = profiles[t][k];
			double[] g = gradient(smooth(p, s.smoothingVoxels()));
			int sign = rising ? 1 : -1;
			int k = argmaxAbs(g, lo, hi, sign);
			strength[t] = sign * g[k];
			if (k <= lo - 1 || k >= hi + 1 || sign * g[k] <= 0) {
				heights[t] = Float.NaN;
				continue;
			}
			double off = Correlator.parabola(sign * g[k - 1], sign * g[k], sign * g[k + 1]);
			heights[t] = (float) ((from + k + off) * dw);
		}
		// a real interface separates two plateaus; a texture gradient does not. Tiles whose plateau contrast
		// across the found edge is under three quarters of the typical one (outside the cell, wall, holes) have no interface.
		double[] contrast = new double[heights.length];
		for (int t = 0; t < heights.length; t++) {
			if (Float.isNaN(heights[t])) continue;
			int k = (int) Math.round(heights[t] / dw) - from;
			double below = plateau(profiles[t], k - 8, k - 2), above = plateau(profiles[t], k + 2, k + 8);
			contrast[t] = (rising ? 1 : -1) * (above - below);
		}
		double[] positive = Arrays.stream(contrast).filter(x -> x > 0).toArray();
		double medContrast = positive.length > 0 ? RigidRegistration.median(positive) : 0;
		int valid = 0;
		for (int t = 0; t < heights.length; t++) {
			if (!(contrast[t] > 0.75 * medContrast)) heights[t] = Float.NaN;
			if (!Float.isNaN(heights[t])) valid++;
		}
		if (valid < 3)
			throw new AlignException("No electrolyte/liquid-metal interface found along " + s.axis() + " in " + v + ": only " + valid
					+ " tiles show a grey-value step; check the axis, polarity and search range");
		refineByTemplate(profiles, heights, from, dw, s.fitHalfWidthVoxels());
		double originU = (step - 1) / 2.0 * du, originV = (Math.min(step, nv) - 1) / 2.0 * dv;
		List<double[]> pts = new ArrayList<>();
		List<Integer> tileOf = new ArrayList<>();
		for (int j = 0; j < tv; j++)
			for (int i = 0; i < tu; i++)
				if (!Float.isNaN(heights[j * tu + i])) {
					pts.add(new double[] { originU + i * step * du, originV + j * step * dv, heights[j * tu + i] });
					tileOf.add(j * tu + i);
				}
		boolean flat = tv == 1;
		double[] plane = new double[3];
		boolean[] inlier = robustPlane(pts, s.outlierSigma(), flat, plane);
		float[] inlierMap = new float[tu * tv];
		for (int i = 0; i < pts.size(); i++)
			if (inlier[i]) inlierMap[tileOf.get(i)] = 1;
		double ss = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int n = 0;
		for (int i = 0; i < pts.size(); i++) {
			if (!inlier[i]) continue;
			double[] p = pts.get(i);
			double r = p[2] - (plane[0] + plane[1] * p[0] + plane[2] * p[1]);
			ss += r * r;
			min = Math.min(min, r);
			max = Math.max(max, r);
			n++;
		}
		double cu = (nu - 1) / 2.0 * du, cv = (nv - 1) / 2.0 * dv;
		double cw = plane[0] + plane[1] * cu + plane[2] * cv;
		Affine3D levelling = levelling(plane[1], plane[2], cu, cv, cw, alongZ);
		Volume map = new Volume(tu, tv, new float[][] { heights }, step * du, step * dv, 1);
		progress.report(1, String.format(Locale.ROOT, "Interface tilt %.3f°", Math.toDegrees(Math.atan(Math.hypot(plane[1], plane[2])))));
		return new InterfaceResult(s.axis(), map, originU, originV, plane[0], plane[1], plane[2], Math.sqrt(ss / n), max - min, valid, n, rising, levelling,
				new Volume(tu, tv, new float[][] { inlierMap }, step * du, step * dv, 1));
	}

	/**
	 * Refines every tile's edge by least-squares fitting of the mean edge profile (the tile profiles aligned on
	 * their first estimates and averaged, so texture and noise cancel in it): p(w) ≈ a + b·T(w − h) over ±half
	 * voxels, h searched in 0.05-voxel steps around the first estimate and refined by a parabola through the
	 * residual sums. Using the whole edge, not only its steepest point, keeps texture next to the interface
	 * from pulling single tiles.
	 */
	static void refineByTemplate(float[][] profiles, float[] heights, int from, double dw, int half) {
		int len = profiles[0].length;
		int os = 10; // template oversampling
		int tl = 2 * (half + 4) * os + 1, tc = (half + 4) * os;
		double[] template = new double[tl];
		int[] count = new int[tl];
		for (int t = 0; t < profiles.length; t++) {
			if (Float.isNaN(heights[t])) continue;
			double h = heights[t] / dw - from;
			for (int j = 0; j < tl; j++) {
				double w = h + (j - tc) / (double) os;
				if (w < 0 || w > len - 1) continue;
				template[j] += lerp(profiles[t], w);
				count[j]++;
			}
		}
		for (int j = 0; j < tl; j++)
			template[j] = count[j] > 0 ? template[j] / count[j] : Double.NaN;
		int steps = 3 * 20;
		for (int t = 0; t < profiles.length; t++) {
			if (Float.isNaN(heights[t])) continue;
			double h0 = heights[t] / dw - from;
			double[] sse = new double[2 * steps + 1];
			for (int k = -steps; k <= steps; k++) {
				double h = h0 + k / 20.0;
				sse[k + steps] = stepFitResidual(profiles[t], template, h, half, os, tc);
			}
			int best = 0;
			for (int k = 1; k < sse.length; k++)
				if (sse[k] < sse[best]) best = k;
			if (best == 0 || best == sse.length - 1 || Double.isInfinite(sse[best])) continue; // keep the gradient estimate
			double off = -Correlator.parabola(-sse[best - 1], -sse[best], -sse[best + 1]);
			heights[t] = (float) ((from + h0 + (best - steps - off) / 20.0) * dw);
		}
	}

	/** Residual sum of squares of the best p ≈ a + b·T(w − h) over the window, T read at the shifted positions. */
	private static double stepFitResidual(float[] p, double[] template, double h, int half, int os, int tc) {
		int lo = (int) Math.ceil(h - half), hi = (int) Math.floor(h + half);
		double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
		int n = 0;
		for (int w = lo; w <= hi; w++) {
			if (w < 0 || w >= p.length) continue;
			double j = tc + (w - h) * os;
			int j0 = (int) Math.floor(j);
			if (j0 < 0 || j0 + 1 >= template.length) continue;
			double x = template[j0] + (j - j0) * (template[j0 + 1] - template[j0]);
			if (Double.isNaN(x)) continue;
			double y = p[w];
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
			syy += y * y;
			n++;
		}
		if (n < half) return Double.POSITIVE_INFINITY;
		double vx = sxx - sx * sx / n, cxy = sxy - sx * sy / n, vy = syy - sy * sy / n;
		if (vx <= 0) return Double.POSITIVE_INFINITY;
		return (vy - cxy * cxy / vx) / n;
	}

	/** Mean of p over [a, b] clipped to the profile; NaN when empty. */
	private static double plateau(float[] p, int a, int b) {
		double sum = 0;
		int n = 0;
		for (int i = Math.max(0, a); i <= Math.min(p.length - 1, b); i++) {
			sum += p[i];
			n++;
		}
		return n > 0 ? sum / n : Double.NaN;
	}

	private static double lerp(float[] p, double w) {
		int i = (int) Math.floor(w);
		if (i >= p.length - 1) return p[p.length - 1];
		return p[i] + (w - i) * (p[i + 1] - p[i]);
	}

	/** The rotation about the interface centre that maps the plane normal (−a, −b, 1) in (u, v, w) onto w. */
	static Affine3D levelling(double slopeU, double slopeV, double cu, double cv, double cw, boolean alongZ) {
		double[] nUvw = { -slopeU, -slopeV, 1 };
		// to (x, y, z): for axis Y, (u, v, w) = (x, z, y)
		double[] n = alongZ ? nUvw : new double[] { nUvw[0], nUvw[2], nUvw[1] };
		double[] c = alongZ ? new double[] { cu, cv, cw } : new double[] { cu, cw, cv };
		double[] target = alongZ ? new double[] { 0, 0, 1 } : new double[] { 0, 1, 0 };
		double norm = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
		for (int k = 0; k < 3; k++)
			n[k] /= norm;
		double[] axis = { n[1] * target[2] - n[2] * target[1], n[2] * target[0] - n[0] * target[2], n[0] * target[1] - n[1] * target[0] };
		double sin = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
		double cos = n[0] * target[0] + n[1] * target[1] + n[2] * target[2];
		double[][] r = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		if (sin > 1e-15) {
			double kx = axis[0] / sin, ky = axis[1] / sin, kz = axis[2] / sin, t = 1 - cos;
			r = new double[][] { { cos + kx * kx * t, kx * ky * t - kz * sin, kx * kz * t + ky * sin },
					{ ky * kx * t + kz * sin, cos + ky * ky * t, ky * kz * t - kx * sin },
					{ kz * kx * t - ky * sin, kz * ky * t + kx * sin, cos + kz * kz * t } };
		}
		Affine3D rot = Affine3D.fromRotation(r, 0, 0, 0);
		return Affine3D.translation(c[0], c[1], c[2]).concatenate(rot).concatenate(Affine3D.translation(-c[0], -c[1], -c[2]));
	}

	/** Fits w = p0 + p1·u + p2·v, dropping points beyond k robust sigma until the inlier set is stable. */
	static boolean[] robustPlane(List<double[]> pts, double k, boolean flat, double[] plane) {
		int n = pts.size();
		boolean[] use = new boolean[n];
		Arrays.fill(use, true);
		for (int iter = 0; iter < 30; iter++) {
			fitPlane(pts, use, flat, plane);
			double[] res = new double[n];
			for (int i = 0; i < n; i++) {
				double[] p = pts.get(i);
				res[i] = Math.abs(p[2] - (plane[0] + plane[1] * p[0] + plane[2] * p[1]));
			}
			double sigma = 1.4826 * RigidRegistration.median(res.clone());
			boolean[] next = new boolean[n];
			int count = 0;
			for (int i = 0; i < n; i++) {
				next[i] = res[i] <= k * sigma || sigma == 0;
				if (next[i]) count++;
			}
			if (count < 3 || Arrays.equals(next, use)) break;
			use = next;
		}
		fitPlane(pts, use, flat, plane);
		return use;
	}

	private static void fitPlane(List<double[]> pts, boolean[] use, boolean flat, double[] plane) {
		double[][] a = new double[3][3];
		double[] b = new double[3];
		for (int i = 0; i < pts.size(); i++) {
			if (!use[i]) continue;
			double[] p = pts.get(i);
			double[] row = { 1, p[0], flat ? 0 : p[1] };
			for (int r = 0; r < 3; r++) {
				b[r] += row[r] * p[2];
				for (int c = 0; c < 3; c++)
					a[r][c] += row[r] * row[c];
			}
		}
		if (flat) a[2][2] = 1;
		double[] x = new org.apache.commons.math3.linear.LUDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(a)).getSolver()
				.solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
		System.arraycopy(x, 0, plane, 0, 3);
	}

	static double[] smooth(double[] p, double sigma) {
		if (sigma <= 0) return p.clone();
		int r = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++)
			sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		double[] out = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			double acc = 0;
			for (int j = -r; j <= r; j++)
				acc += k[j + r] * p[Sampler.clamp(i + j, p.length)];
			out[i] = acc / sum;
		}
		return out;
	}

	static double[] gradient(double[] p) {
		double[] g = new double[p.length];
		for (int i = 1; i < p.length - 1; i++)
			g[i] = 0.5 * (p[i + 1] - p[i - 1]);
		return g;
	}

	/** Index in [lo, hi] of the largest sign·g (sign 0: largest |g|). */
	static int argmaxAbs(double[] g, int lo, int hi, int sign) {
		int best = lo;
		double bv = Double.NEGATIVE_INFINITY;
		for (int i = lo; i <= hi; i++) {
			double v = sign == 0 ? Math.abs(g[i]) : sign * g[i];
			if (v > bv) {
				bv = v;
				best = i;
			}
		}
		return best;
	}
}
