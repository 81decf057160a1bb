package org.tomolyte.align;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Least-squares rigid transform between matched point sets (Kabsch 1976, Acta Cryst. A32:922; weighted form
 * of Umeyama 1991, IEEE PAMI 13:376, without scale), made robust by trimming: refit on the points whose
 * residual is below max(3 × 1.4826 × median residual, a floor) until the inlier set stops changing, and never
 * on fewer than half of the points. 2D fits (rotation about z only) use the closed form of the same problem;
 * translation-only fits the weighted mean displacement.
 */
final class RigidFit {
	/** The fitted transform, every point's residual (µm, after the final fit) and its inlier flag. */
	static final class Result {
		final Affine3D transform;
		final double[] residualsUm;
		final boolean[] inliers;
		final int inlierCount;
		final double inlierRmsUm;

		Result(Affine3D transform, double[] residualsUm, boolean[] inliers) {
			this.transform = transform;
			this.residualsUm = residualsUm;
			this.inliers = inliers;
			int n = 0;
			double ss = 0;
			for (int i = 0; i < inliers.length; i++)
				if (inliers[i]) {
					n++;
					ss += residualsUm[i] * residualsUm[i];
				}
			this.inlierCount = n;
			this.inlierRmsUm = n > 0 ? Math.sqrt(ss / n) : Double.NaN;
		}
	}

	/** Which motions the fit may use. */
	enum Motion {
		RIGID_3D, RIGID_2D, TRANSLATION
	}

	private RigidFit() {}

	/** Weighted fit of ref ≈ R·scan + t over the points with {@code use[i]}; points are [n][3] in µm. */
	static Affine3D fit(double[][] scan, double[][] ref, double[] weight, boolean[] use, Motion motion) {
		double ws = 0;
		double[] cs = new double[3], cr = new double[3];
		for (int i = 0; i < scan.length; i++) {
			if (!use[i]) continue;
			ws += weight[i];
			for (int k = 0; k < 3; k++) {
				cs[k] += weight[i] * scan[i][k];
				cr[k] += weight[i] * ref[i][k];
			}
		}
		if (ws <= 0) throw new AlignException("Rigid fit has no usable matched points");
		for (int k = 0; k < 3; k++) {
			cs[k] /= ws;
			cr[k] /= ws;
		}
		double[][] rot;
		if (motion == Motion.TRANSLATION) {
			rot = new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		} else if (motion == Motion.RIGID_2D) {
			double sdot = 0, scross = 0;
			for (int i = 0; i < scan.length; i++) {
				if (!use[i]) continue;
				double ax = scan[i][0] - cs[0], ay = scan[i][1] - cs[1], bx = ref[i][0] - cr[0], by = ref[i][1] - cr[1];
				sdot += weight[i] * (ax * bx + ay * by);
				scross += weight[i] * (ax * by - ay * bx);
			}
			double th = Math.atan2(scross, sdot), c = Math.cos(th), s = Math.sin(th);
			rot = new double[][] { { c, -s, 0 }, { s, c, 0 }, { 0, 0, 1 } };
		} else {
			double[][] h = new double[3][3]; // Σ w (scan − cs)(ref − cr)^T
			for (int i = 0; i < scan.length; i++) {
				if (!use[i]) continue;
				for (int a = 0; a < 3; a++)
					for (int b = 0; b < 3; b++)
						h[a][b] += weight[i] * (scan[i][a] - cs[a]) * (ref[i][b] - cr[b]);
			}
			SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h));
			RealMatrix v = svd.getV(), ut = svd.getUT();
			RealMatrix r = v.multiply(ut);
			if (new org.apache.commons.math3.linear.LUDecomposition(r).getDeterminant() < 0) {
				RealMatrix d = new Array2DRowRealMatrix(new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, -1 } });
				r = v.multiply(d).multiply(ut);
			}
			rot = r.getData();
		}
		double[] t = new double[3];
		for (int k = 0; k < 3; k++)
			t[k] = cr[k] - (rot[k][0] * cs[0] + rot[k][1] * cs[1] + rot[k][2] * cs[2]);
		return Affine3D.fromRotation(rot, t[0], t[1], t[2]);
	}

	/** Trimmed fit; {@code floorUm} is the residual always accepted (about the expected match precision). */
	static Result robust(double[][] scan, double[][] ref, double[] weight, Motion motion, double floorUm) {
		int n = scan.length;
		int minPoints = motion == Motion.RIGID_3D ? 3 : motion == Motion.RIGID_2D ? 2 : 1;
		if (n < minPoints) throw new AlignException("Rigid fit needs at least " + minPoints + " matched blocks, got " + n);
		boolean[] use = new boolean[n];
		Arrays.fill(use, true);
		Affine3D t = fit(scan, ref, weight, use, motion);
		double[] res = new double[n];
		for (int iter = 0; iter < 20; iter++) {
			residuals(t, scan, ref, res);
			double[] sorted = res.clone();
			Arrays.sort(sorted);
			double median = sorted[n / 2];
			double limit = Math.max(3 * 1.4826 * median, floorUm);
			// keep at least half of the points: the limit never drops below the median residual
			limit = Math.max(limit, sorted[(n - 1) / 2]);
			boolean[] next = new boolean[n];
			int count = 0;
			for (int i = 0; i < n; i++) {
				next[i] = res[i] <= limit;
				if (next[i]) count++;
			}
			if (count < minPoints) break;
			boolean same = Arrays.equals(next, use);
			use = next;
			t = fit(scan, ref, weight, use, motion);
			if (same) break;
		}
		residuals(t, scan, ref, res);
		return new Result(t, res, use);
	}

	static void residuals(Affine3D t, double[][] scan, double[][] ref, double[] out) {
		double[] p = new double[3];
		for (int i = 0; i < scan.length; i++) {
			t.apply(scan[i], p);
			double dx = p[0] - ref[i][0], dy = p[1] - ref[i][1], dz = p[2] - ref[i][2];
			out[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
		}
	}
}
