package org.tomolyte.align;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Rigid update from block displacements weighted by each block's gradient structure tensor: a block textured
 * in one direction only (concentric windings, flat layers) measures its displacement along that direction and
 * nothing across it — the aperture problem — so its residual counts only along its gradients:
 * minimise Σ (dᵢ − ω × (cᵢ − c̄) − δt)ᵀ Sᵢ (dᵢ − ω × (cᵢ − c̄) − δt), a small-angle Gauss–Newton step about
 * the current estimate (the structure-tensor weighting of Lucas &amp; Kanade 1981 applied to block matches).
 * Without it, such blocks vote for "no motion across my texture" and a rotation is recovered only a
 * fraction per round.
 */
final class AnisotropicFit {
	private AnisotropicFit() {}

	/**
	 * The refined scan → reference transform, or null when the weighted problem is singular (then the caller
	 * keeps its isotropic fit).
	 *
	 * @param centresUm block centres in the reference frame (= current transform applied to the scan points)
	 * @param displacementsUm measured displacements (reference point − centre), µm
	 * @param tensors per block structure tensor in (1/µm)², any common scale
	 * @param planar 2D images: no z unknowns
	 */
	static Affine3D refine(Affine3D current, List<double[]> centresUm, List<double[]> displacementsUm, List<double[][]> tensors, RigidFit.Motion motion,
			boolean planar) {
		int n = centresUm.size();
		if (n == 0) return null;
		double[] c = new double[3];
		double wsum = 0;
		for (int i = 0; i < n; i++) {
			double w = trace(tensors.get(i));
			wsum += w;
			for (int k = 0; k < 3; k++)
				c[k] += w * centresUm.get(i)[k];
		}
		if (!(wsum > 0)) return null;
		for (int k = 0; k < 3; k++)
			c[k] /= wsum;
		// unknowns: 3D (ωx, ωy, ωz, tx, ty, tz); 2D (ωz, tx, ty); translation (tx, ty[, tz])
		int[] cols = motion == RigidFit.Motion.RIGID_3D ? new int[] { 0, 1, 2, 3, 4, 5 }
				: motion == RigidFit.Motion.RIGID_2D ? new int[] { 2, 3, 4 } : planar ? new int[] { 3, 4 } : new int[] { 3, 4, 5 };
		int m = cols.length;
		double[][] normal = new double[m][m];
		double[] rhs = new double[m];
		for (int i = 0; i < n; i++) {
			double[] p = centresUm.get(i), d = displacementsUm.get(i);
			double x = p[0] - c[0], y = p[1] - c[1], z = p[2] - c[2];
			// displacement = ω × r + t: rows of the 3×6 Jacobian
			double[][] a = { { 0, z, -y, 1, 0, 0 }, { -z, 0, x, 0, 1, 0 }, { y, -x, 0, 0, 0, 1 } };
			double[][] s = tensors.get(i);
			for (int r = 0; r < m; r++) {
				for (int q = 0; q < m; q++) {
					double v = 0;
					for (int u = 0; u < 3; u++)
						for (int w = 0; w < 3; w++)
							v += a[u][cols[r]] * s[u][w] * a[w][cols[q]];
					normal[r][q] += v;
				}
				double v = 0;
				for (int u = 0; u < 3; u++)
					for (int w = 0; w < 3; w++)
						v += a[u][cols[r]] * s[u][w] * d[w];
				rhs[r] += v;
			}
		}
		double[] sol;
		try {
			// relative conditioning check: the weakest direction must carry some information
			sol = new CholeskyDecomposition(new Array2DRowRealMatrix(normal), 1e-12, 1e-12).getSolver().solve(new ArrayRealVector(rhs)).toArray();
		} catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.SingularMatrixException e) {
			return null;
		}
		double[] delta = new double[6];
		for (int r = 0; r < m; r++)
			delta[cols[r]] = sol[r];
		double[][] rot = rodrigues(delta[0], delta[1], delta[2]);
		Affine3D step = Affine3D.translation(c[0] + delta[3], c[1] + delta[4], c[2] + delta[5]).concatenate(Affine3D.fromRotation(rot, 0, 0, 0))
				.concatenate(Affine3D.translation(-c[0], -c[1], -c[2]));
		return step.concatenate(current);
	}

	private static double trace(double[][] s) {
		return s[0][0] + s[1][1] + s[2][2];
	}

	/** Rotation matrix of the rotation vector ω (radians). */
	static double[][] rodrigues(double wx, double wy, double wz) {
		double th = Math.sqrt(wx * wx + wy * wy + wz * wz);
		if (th < 1e-300) return new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		double kx = wx / th, ky = wy / th, kz = wz / th, c = Math.cos(th), s = Math.sin(th), t = 1 - c;
		return new double[][] { { c + kx * kx * t, kx * ky * t - kz * s, kx * kz * t + ky * s }, { ky * kx * t + kz * s, c + ky * ky * t, ky * kz * t - kx * s },
				{ kz * kx * t - ky * s, kz * ky * t + kx * s, c + kz * kz * t } };
	}
}
