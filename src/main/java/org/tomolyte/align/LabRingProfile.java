package org.tomolyte.align;

import org.tomolyte.task.Parallel;

/**
 * Ring artifacts fixed in the lab frame, estimated jointly with a registration. Both scans carry the same rings
 * about their rotation axis (the centre of each slice) while the sample drifts, so in the difference of the
 * registered scans a ring at radius ρ appears twice: with a plus sign where the scan's voxel lies at ρ from
 * its axis, with a minus sign where the reference's does. The profile (thin radial bins, one per slab of
 * slices) is fitted to the residuals by least squares with that design; sample structure, even a cell edge
 * concentric with the axis, moves with the sample and does not fit it. The profile is then subtracted from
 * both scans' grey values and gradients. With no drift the two terms cancel and a ridge keeps the profile at
 * zero, which is right: the rings then coincide.
 */
final class LabRingProfile {
	/** Radial bin width, voxels: under one so that one-voxel rings are resolved. */
	static final double BIN = 0.5;
	/** Slices per profile (rings change slowly along the axis). */
	static final int SLAB = 4;
	/** Ridge weight (in samples) that holds unobservable parts of the profile at zero. */
	private static final double PRIOR = 10;
	private static final int CG_ITERATIONS = 8;
	/** Fixed partial-sum groups: parallel, and the same sums whatever the thread count. */
	private static final int GROUPS = 16;

	final int bins, slabs;
	final double[] profile;
	private final double refCx, refCy, scanCx, scanCy;
	private int[] binRef, binScan;
	private float[] fracRef, fracScan;

	LabRingProfile(int refW, int refH, int refD, int scanW, int scanH, int scanD) {
		refCx = 0.5 * (refW - 1);
		refCy = 0.5 * (refH - 1);
		scanCx = 0.5 * (scanW - 1);
		scanCy = 0.5 * (scanH - 1);
		double rmax = Math.max(Math.hypot(refCx, refCy), Math.hypot(scanCx, scanCy));
		bins = (int) Math.ceil(rmax / BIN) + 2;
		slabs = (Math.max(refD, scanD) + SLAB - 1) / SLAB;
		profile = new double[bins * slabs];
	}

	/** Ring value at voxel (x, y, z) of the reference ({@code scan} false) or scan; its x, y gradient per voxel into {@code grad}. */
	double value(double x, double y, double z, boolean scan, double[] grad) {
		double dx = x - (scan ? scanCx : refCx), dy = y - (scan ? scanCy : refCy);
		double rho = Math.sqrt(dx * dx + dy * dy), t = rho / BIN;
		int b = Math.min((int) t, bins - 2), s = slab(z);
		double f = t - b;
		double p0 = profile[s * bins + b], p1 = profile[s * bins + b + 1];
		double slope = (p1 - p0) / BIN;
		if (rho > 1e-9) {
			grad[0] = slope * dx / rho;
			grad[1] = slope * dy / rho;
		} else grad[0] = grad[1] = 0;
		return p0 + f * (p1 - p0);
	}

	/** Gives room for the radial bins of {@code n} samples (see {@link #locate}). */
	void attach(int n) {
		binRef = new int[n];
		binScan = new int[n];
		fracRef = new float[n];
		fracScan = new float[n];
	}

	/** Records where sample {@code i} lies on the ring grid in the reference (voxel x, y, z) and in the scan. */
	void locate(int i, double xr, double yr, double zr, double xs, double ys, double zs) {
		double ex = xr - refCx, ey = yr - refCy, t = Math.sqrt(ex * ex + ey * ey) / BIN;
		int b = Math.min((int) t, bins - 2);
		binRef[i] = slab(zr) * bins + b;
		fracRef[i] = (float) (t - b);
		ex = xs - scanCx;
		ey = ys - scanCy;
		t = Math.sqrt(ex * ex + ey * ey) / BIN;
		b = Math.min((int) t, bins - 2);
		binScan[i] = slab(zs) * bins + b;
		fracScan[i] = (float) (t - b);
	}

	/**
	 * Least-squares update of the profile from the residuals (scan − reference, NaN = unused) under Tukey
	 * weights of width {@code c}, leaving out samples on strong edges ({@code edge}: there the residual is
	 * misregistration of sample structure, which a ring concentric with a cell edge could mimic): solves (AᵀWA + λI)·Δ = AᵀW·r by conjugate gradients, where row i of A is the
	 * ring basis at the sample's scan radius minus that at its reference radius; adds Δ to the profile and
	 * takes A·Δ off the residuals. The ridge λ keeps what the data cannot tell (smooth radial trends, rings the
	 * drift never moves) at zero. Partial sums run in fixed groups so the result does not depend on threads.
	 */
	void solve(float[] res, double c, boolean[] edge, int threads) {
		int n = res.length, p = profile.length, groups = Math.min(GROUPS, Math.max(1, n / 4096));
		double[] w = new double[n];
		for (int i = 0; i < n; i++) {
			double r = res[i];
			if (Double.isNaN(r) || Math.abs(r) >= c || edge[i]) continue;
			double u = r / c;
			w[i] = (1 - u * u) * (1 - u * u);
		}
		double[] rhs = applyTransposed(w, res, null, groups, threads);
		double[] x = new double[p], r = rhs.clone(), d = rhs.clone();
		double rr = dot(r, r), rr0 = rr;
		for (int k = 0; k < CG_ITERATIONS && rr > 1e-20 * rr0 && rr > 0; k++) {
			double[] q = normal(d, w, groups, threads);
			double alpha = rr / dot(d, q);
			for (int j = 0; j < p; j++) {
				x[j] += alpha * d[j];
				r[j] -= alpha * q[j];
			}
			double rrNew = dot(r, r);
			double beta = rrNew / rr;
			rr = rrNew;
			for (int j = 0; j < p; j++)
				d[j] = r[j] + beta * d[j];
		}
		for (int j = 0; j < p; j++)
			profile[j] += x[j];
		for (int i = 0; i < n; i++)
			if (!Float.isNaN(res[i])) res[i] -= (float) row(i, x);
	}

	private double row(int i, double[] x) {
		int bs = binScan[i], br = binRef[i];
		double fs = fracScan[i], fr = fracRef[i];
		return (1 - fs) * x[bs] + fs * x[bs + 1] - (1 - fr) * x[br] - fr * x[br + 1];
	}

	/** (AᵀWA + λI)·v. */
	private double[] normal(double[] v, double[] w, int groups, int threads) {
		double[] out = applyTransposed(w, null, v, groups, threads);
		for (int j = 0; j < v.length; j++)
			out[j] += PRIOR * v[j];
		return out;
	}

	/** Aᵀ·W·y with y = the residuals, or y = A·v when {@code res} is null. */
	private double[] applyTransposed(double[] w, float[] res, double[] v, int groups, int threads) {
		int n = w.length, p = profile.length;
		double[][] partial = new double[groups][];
		Parallel.forEach(groups, threads, g -> {
			double[] acc = new double[p];
			int i0 = (int) ((long) n * g / groups), i1 = (int) ((long) n * (g + 1) / groups);
			for (int i = i0; i < i1; i++) {
				if (w[i] == 0) continue;
				double y = w[i] * (res != null ? res[i] : row(i, v));
				int bs = binScan[i], br = binRef[i];
				double fs = fracScan[i], fr = fracRef[i];
				acc[bs] += (1 - fs) * y;
				acc[bs + 1] += fs * y;
				acc[br] -= (1 - fr) * y;
				acc[br + 1] -= fr * y;
			}
			partial[g] = acc;
		});
		double[] out = new double[p];
		for (double[] a : partial)
			for (int j = 0; j < p; j++)
				out[j] += a[j];
		return out;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}

	private int slab(double z) {
		int s = (int) Math.floor((z + 0.5) / SLAB);
		return s < 0 ? 0 : s >= slabs ? slabs - 1 : s;
	}
}
