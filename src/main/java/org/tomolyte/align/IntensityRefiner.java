package org.tomolyte.align;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;

import org.tomolyte.filter.GaussianBlur;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Parallel;
import org.tomolyte.task.Progress;

/**
 * Final sub-voxel refinement of a rigid registration by robust intensity matching: Gauss–Newton on the six
 * rigid parameters plus a grey-value gain and offset, over a regular grid of reference voxels (inverse
 * compositional form: the Jacobian comes from the gradient of the smoothed reference, computed once), with
 * Tukey weights from the median absolute residual so that voxels whose content changed between the scans
 * (liquid metal, cracks, chips) stop counting. Block matching measures a few dozen displacements and fits a
 * rigid motion to them; this uses every sampled voxel, which is what brings weakly textured volumes (a few
 * per cent of contrast under noise) to a few hundredths of a voxel and of a degree. Both volumes are smoothed
 * first (σ of about one voxel) to take the noise out of the gradients and the interpolation.
 */
final class IntensityRefiner {
	private static final double TUKEY = 4.685;
	/** Starting widening of the Tukey cut-off, halved every iteration down to 1. */
	private static final double GRADUATION = 8;
	/** Gradients above this multiple of the median mark material edges, left out of the ring fit. */
	private static final double EDGE_FACTOR = 4;

	/** The refined transform, whether it converged, and a sentence saying how the refinement went. */
	static final class Result {
		final Affine3D transform;
		final boolean converged;
		final String message;

		Result(Affine3D transform, boolean converged, String message) {
			this.transform = transform;
			this.converged = converged;
			this.message = message;
		}
	}

	private final Volume scan;
	private final int threads;
	private final boolean planar;
	// samples, grouped in chunks (one per sampled reference plane) so that sums do not depend on the threads
	private final float[] px, py, pz, val, gx, gy, gz;
	/** Gradient (per µm, reference frame, times the gain) of the warped scan at each sample, per iteration. */
	private final float[] jgx, jgy, jgz;
	/** Per iteration: the reference gradient and the warped scan value, both less the lab-frame rings. */
	private final float[] cgx, cgy, cgz, jval;
	/** Lab-frame rings estimated along with the transform, or null. */
	private LabRingProfile rings;
	private final int[] chunkStart;
	private final double cx, cy, cz;
	/** See {@link #edgeLimit()}; the reference gradients do not change, so it is computed once. */
	private final double edgeLimit2;

	private IntensityRefiner(Volume smoothedRef, Volume smoothedScan, Volume mask, double greyMin, double greyMax, int maxSamples, int threads) {
		this.scan = smoothedScan;
		this.threads = threads;
		Volume r = smoothedRef;
		int w = r.width(), h = r.height(), d = r.depth();
		planar = d == 1;
		long interior = (long) Math.max(1, w - 2) * Math.max(1, h - 2) * (planar ? 1 : Math.max(1, d - 2));
		int stride = 1;
		while (interior / ((long) stride * stride * (planar ? 1 : stride)) > maxSamples)
			stride++;
		final int st = stride;
		int z0 = planar ? 0 : 1, z1 = planar ? 1 : d - 1;
		int planes = (z1 - z0 + st - 1) / st;
		int[] counts = new int[planes];
		boolean excludeGrey = greyMin <= greyMax;
		double vx = r.voxelXUm(), vy = r.voxelYUm(), vz = r.voxelZUm();
		float[][][] perPlane = new float[planes][][];
		Parallel.forEach(planes, threads, k -> {
			int zBase = z0 + k * st, zSpan = Math.min(st, z1 - zBase);
			int n = 0;
			int cap = ((w - 2 + st - 1) / st) * ((h - 2 + st - 1) / st);
			float[][] buf = new float[7][cap];
			// one voxel per stride³ cell at a fixed pseudo-random place in it: a regular grid could alias with
			// periodic structure (a texture lattice, detector pixels) and bias the estimate
			for (int cy0 = 1; cy0 < h - 1; cy0 += st)
				for (int cx0 = 1; cx0 < w - 1; cx0 += st) {
					long hash = mix(cx0 * 0x9E3779B97F4A7C15L + cy0 * 0xC2B2AE3D27D4EB4FL + zBase * 0x165667B19E3779F9L);
					int x = cx0 + (int) Math.floorMod(hash, (long) Math.min(st, w - 1 - cx0));
					int y = cy0 + (int) Math.floorMod(hash >>> 21, (long) Math.min(st, h - 1 - cy0));
					int z = zBase + (int) Math.floorMod(hash >>> 42, (long) zSpan);
					float[] s = r.slice(z), below = planar ? null : r.slice(z - 1), above = planar ? null : r.slice(z + 1);
					float[] m = mask == null ? null : mask.slice(z);
					int i = y * w + x;
					if (m != null && m[i] == 0) continue;
					float v = s[i];
					if (excludeGrey && v >= greyMin && v <= greyMax) continue;
					buf[0][n] = (float) (x * vx);
					buf[1][n] = (float) (y * vy);
					buf[2][n] = (float) (z * vz);
					buf[3][n] = v;
					buf[4][n] = (float) ((s[i + 1] - s[i - 1]) / (2 * vx));
					buf[5][n] = (float) ((s[i + w] - s[i - w]) / (2 * vy));
					buf[6][n] = planar ? 0f : (float) ((above[i] - below[i]) / (2 * vz));
					n++;
				}
			counts[k] = n;
			perPlane[k] = buf;
		});
		chunkStart = new int[planes + 1];
		for (int k = 0; k < planes; k++)
			chunkStart[k + 1] = chunkStart[k] + counts[k];
		int n = chunkStart[planes];
		px = new float[n];
		py = new float[n];
		pz = new float[n];
		val = new float[n];
		gx = new float[n];
		gy = new float[n];
		gz = new float[n];
		jgx = new float[n];
		jgy = new float[n];
		jgz = new float[n];
		cgx = new float[n];
		cgy = new float[n];
		cgz = new float[n];
		jval = new float[n];
		float[][] dst = { px, py, pz, val, gx, gy, gz };
		double sx = 0, sy = 0, sz = 0;
		for (int k = 0; k < planes; k++) {
			for (int a = 0; a < 7; a++)
				System.arraycopy(perPlane[k][a], 0, dst[a], chunkStart[k], counts[k]);
			perPlane[k] = null;
		}
		for (int i = 0; i < n; i++) {
			sx += px[i];
			sy += py[i];
			sz += pz[i];
		}
		cx = n > 0 ? sx / n : 0;
		cy = n > 0 ? sy / n : 0;
		cz = n > 0 ? sz / n : 0;
		edgeLimit2 = edgeLimit();
	}

	/**
	 * Refines {@code scanToRef} (µm, origin at the centre of voxel (0,0,0) of both volumes) by intensity
	 * matching; the result says whether it converged. Neither input is changed.
	 */
	static Result refine(Volume reference, Volume scan, Affine3D scanToRef, RigidFit.Motion motion, AlignSettings s, Progress progress) {
		int threads = s.threads();
		double sigma = s.refineSmoothingVoxels();
		Volume rs = GaussianBlur.blurredCopy(reference, sigma, threads, progress.sub(0, 0.1));
		Volume ss = GaussianBlur.blurredCopy(scan, sigma, threads, progress.sub(0.1, 0.2));
		IntensityRefiner r = new IntensityRefiner(rs, ss, s.mask(), s.excludeGreyMin(), s.excludeGreyMax(), s.refineMaxSamples(), threads);
		// not in 2D, where concentric sample structure (windings) about the image centre would be taken for rings
		if (s.labRingModel() && reference.depth() > 1) {
			r.rings = new LabRingProfile(reference.width(), reference.height(), reference.depth(), scan.width(), scan.height(), scan.depth());
			r.rings.attach(r.px.length);
		}
		rs = null;
		return r.run(scanToRef, motion, s.refineMaxIterations(), s.toleranceVoxels() * 0.1, progress.sub(0.2, 1));
	}

	private Result run(Affine3D start, RigidFit.Motion motion, int maxIterations, double tolVoxels, Progress progress) {
		int n = px.length;
		if (n < 64) return new Result(start, false, "intensity refinement skipped: only " + n + " usable voxels");
		boolean[] active = activeParameters(motion);
		double voxel = planar ? Math.min(scan.voxelXUm(), scan.voxelYUm()) : Math.min(scan.voxelXUm(), Math.min(scan.voxelYUm(), scan.voxelZUm()));
		double sizeX = scan.width() * scan.voxelXUm(), sizeY = scan.height() * scan.voxelYUm(), sizeZ = planar ? 0 : scan.depth() * scan.voxelZUm();
		Affine3D t = start;
		double gain = 1, offset = 0;
		float[] res = new float[n];
		int chunks = chunkStart.length - 1;
		double inlierFraction = 0;
		boolean converged = false;
		int it = 0;
		String problem = null;
		while (it < maxIterations) {
			progress.checkCancelled();
			it++;
			Affine3D w = t.inverse();
			double[] wm = w.toArray();
			final double a = gain, b = offset;
			int[] validPerChunk = new int[chunks];
			Parallel.forEach(chunks, threads, k -> validPerChunk[k] = residuals(k, wm, a, b, res));
			int valid = Arrays.stream(validPerChunk).sum();
			if (valid < Math.max(64, n / 10)) {
				problem = String.format(Locale.ROOT, "only %d of %d sampled voxels map inside the scan", valid, n);
				break;
			}
			double scale = robustScale(res, valid);
			if (!(scale > 0)) scale = 1e-6 * Math.max(1e-12, greyRange());
			// graduated robustness: wide at first, so that strong edges still off by a fraction of a voxel are not
			// taken for changed content, then the plain Tukey width once the estimate has settled
			double widen = Math.max(1, GRADUATION / (1 << Math.min(it - 1, 20)));
			final double c = TUKEY * scale * widen;
			if (rings != null) rings.solve(res, c, strongEdges(), threads);
			double[][] partial = new double[chunks][];
			Parallel.forEach(chunks, threads, k -> partial[k] = normalEquations(k, c, res));
			double[] sum = new double[8 * 8 + 8 + 1];
			for (double[] p : partial)
				for (int i = 0; i < sum.length; i++)
					sum[i] += p[i];
			inlierFraction = sum[sum.length - 1] / valid;
			double[] delta = solve(sum, active);
			if (delta == null) {
				problem = "the intensity normal equations are singular (too little texture in the sampled voxels)";
				break;
			}
			Affine3D step = increment(delta);
			// keep each step within a voxel at the corners: Gauss–Newton far from the optimum can overshoot
			double move = t.maxDifferenceUm(w.concatenate(step).inverse(), sizeX, sizeY, sizeZ);
			if (move > voxel) {
				double f = voxel / move;
				for (int i = 0; i < delta.length; i++)
					delta[i] *= f;
				step = increment(delta);
			}
			Affine3D next = w.concatenate(step).inverse();
			double change = t.maxDifferenceUm(next, sizeX, sizeY, sizeZ);
			t = next;
			gain += delta[6];
			offset += delta[7];
			progress.report(Math.min(1, (double) it / maxIterations), null);
			if (widen == 1 && change < tolVoxels * voxel) {
				converged = true;
				break;
			}
		}
		progress.report(1, null);
		String msg = problem != null ? "intensity refinement stopped: " + problem
				: converged ? String.format(Locale.ROOT, "intensity refinement converged in %d iterations over %d voxels (%.0f %% kept)", it, n, 100 * inlierFraction)
						: String.format(Locale.ROOT, "intensity refinement still changing after %d iterations", it);
		return new Result(problem != null ? start : t, converged && problem == null, msg);
	}

	/** Residuals gain·J(W(x)) + offset − I(x) of one chunk (NaN outside the scan); returns the valid count. */
	private int residuals(int k, double[] wm, double a, double b, float[] res) {
		Volume v = scan;
		int w = v.width(), h = v.height(), d = v.depth();
		double ivx = 1 / v.voxelXUm(), ivy = 1 / v.voxelYUm(), ivz = 1 / v.voxelZUm();
		int valid = 0;
		LabRingProfile ring = rings;
		double[] rg = new double[2];
		for (int i = chunkStart[k]; i < chunkStart[k + 1]; i++) {
			double x = px[i], y = py[i], z = pz[i];
			double sx = (wm[0] * x + wm[1] * y + wm[2] * z + wm[3]) * ivx;
			double sy = (wm[4] * x + wm[5] * y + wm[6] * z + wm[7]) * ivy;
			double sz = planar ? 0 : (wm[8] * x + wm[9] * y + wm[10] * z + wm[11]) * ivz;
			if (!(sx >= 0 && sy >= 0 && sz >= 0 && sx <= w - 1 && sy <= h - 1 && sz <= d - 1)) {
				res[i] = Float.NaN;
				continue;
			}
			// trilinear value, and the trilinear interpolation of the central-difference gradient: unlike the
			// derivative of the interpolant itself, its noise is uncorrelated with the interpolated value's, so
			// the symmetric Jacobian below adds no bias towards whole-voxel shifts
			int x0 = Math.min((int) sx, w - 2), y0 = Math.min((int) sy, h - 2), z0 = planar ? 0 : Math.min((int) sz, d - 2);
			double fx = sx - x0, fy = sy - y0, fz = sz - z0;
			int xm = Math.max(x0 - 1, 0), xp = Math.min(x0 + 2, w - 1), ym = Math.max(y0 - 1, 0) * w, yp = Math.min(y0 + 2, h - 1) * w;
			int ya = y0 * w, yb = ya + w;
			float[] s0 = v.slice(z0), s1 = planar ? s0 : v.slice(z0 + 1);
			double value = 0, dSx = 0, dSy = 0, dSz = 0;
			for (int c = 0; c < (planar ? 1 : 2); c++) {
				float[] sl = c == 0 ? s0 : s1;
				double wz = planar ? 1 : c == 0 ? 1 - fz : fz;
				double v00 = sl[ya + x0], v10 = sl[ya + x0 + 1], v01 = sl[yb + x0], v11 = sl[yb + x0 + 1];
				value += wz * ((1 - fy) * (v00 + fx * (v10 - v00)) + fy * (v01 + fx * (v11 - v01)));
				double gx0 = (1 - fy) * (v10 - sl[ya + xm]) + fy * (v11 - sl[yb + xm]);
				double gx1 = (1 - fy) * (sl[ya + xp] - v00) + fy * (sl[yb + xp] - v01);
				dSx += wz * (gx0 + fx * (gx1 - gx0));
				double gy0 = (1 - fx) * (v01 - sl[ym + x0]) + fx * (v11 - sl[ym + x0 + 1]);
				double gy1 = (1 - fx) * (sl[yp + x0] - v00) + fx * (sl[yp + x0 + 1] - v10);
				dSy += wz * (gy0 + fy * (gy1 - gy0));
				if (!planar) {
					float[] far = c == 0 ? v.slice(Math.max(z0 - 1, 0)) : v.slice(Math.min(z0 + 2, d - 1));
					float[] near = c == 0 ? s1 : s0;
					double sign = c == 0 ? 1 : -1; // ∂z at z0: s1 − s(z0−1); at z0+1: s(z0+2) − s0
					double n00 = near[ya + x0] - far[ya + x0], n10 = near[ya + x0 + 1] - far[ya + x0 + 1];
					double n01 = near[yb + x0] - far[yb + x0], n11 = near[yb + x0 + 1] - far[yb + x0 + 1];
					dSz += sign * wz * ((1 - fy) * (n00 + fx * (n10 - n00)) + fy * (n01 + fx * (n11 - n01)));
				}
			}
			dSx *= 0.5 * ivx;
			dSy *= 0.5 * ivy;
			dSz *= 0.5 * ivz;
			double ringRef = 0;
			if (ring != null) {
				double xr = x / v.voxelXUm(), yr = y / v.voxelYUm(), zr = z / v.voxelZUm();
				ringRef = ring.value(xr, yr, zr, false, rg);
				cgx[i] = (float) (gx[i] - rg[0] * ivx);
				cgy[i] = (float) (gy[i] - rg[1] * ivy);
				value -= ring.value(sx, sy, sz, true, rg);
				ring.locate(i, xr, yr, zr, sx, sy, sz);
				dSx -= rg[0] * ivx;
				dSy -= rg[1] * ivy;
			} else {
				cgx[i] = gx[i];
				cgy[i] = gy[i];
			}
			cgz[i] = gz[i];
			jval[i] = (float) value;
			// gradient of J∘W in the reference frame: Wᵀ ∇J (W's linear part is a rotation)
			jgx[i] = (float) (a * (wm[0] * dSx + wm[4] * dSy + wm[8] * dSz));
			jgy[i] = (float) (a * (wm[1] * dSx + wm[5] * dSy + wm[9] * dSz));
			jgz[i] = (float) (a * (wm[2] * dSx + wm[6] * dSy + wm[10] * dSz));
			res[i] = (float) (a * value + b - (val[i] - ringRef));
			valid++;
		}
		return valid;
	}

	/**
	 * Tukey-weighted normal equations of one chunk: 8×8 matrix (row-major), right-hand side −Σ w·row·r, then
	 * the number of samples with non-zero weight. Row = [d × ∇I, ∇I, J, 1] with d = x − centre.
	 */
	private double[] normalEquations(int k, double c, float[] res) {
		double[] out = new double[8 * 8 + 8 + 1];
		double[] row = new double[8];
		int kept = 0;
		for (int i = chunkStart[k]; i < chunkStart[k + 1]; i++) {
			double r = res[i];
			if (Double.isNaN(r) || Math.abs(r) >= c) continue;
			double u = r / c, wt = (1 - u * u) * (1 - u * u);
			kept++;
			// efficient second-order minimisation (Benhimane & Malis 2004): the mean of both gradients makes
			// the Jacobian that of the true residual to second order, and features fixed in the lab frame
			// (rings), which sit at different places in the two, do not add false curvature
			double dx = px[i] - cx, dy = py[i] - cy, dz = pz[i] - cz;
			double ax = 0.5 * (cgx[i] + jgx[i]), ay = 0.5 * (cgy[i] + jgy[i]), az = 0.5 * (cgz[i] + jgz[i]);
			row[0] = dy * az - dz * ay;
			row[1] = dz * ax - dx * az;
			row[2] = dx * ay - dy * ax;
			row[3] = ax;
			row[4] = ay;
			row[5] = az;
			row[6] = jval[i]; // J(W(x)), less the rings
			row[7] = 1;
			for (int p = 0; p < 8; p++) {
				double wp = wt * row[p];
				for (int q = p; q < 8; q++)
					out[p * 8 + q] += wp * row[q];
				out[64 + p] -= wp * r;
			}
		}
		out[72] = kept;
		return out;
	}

	/**
	 * Samples where either scan's gradient exceeds {@link #EDGE_FACTOR} times the median reference gradient:
	 * material edges, whose residuals are misregistration rather than rings.
	 */
	private boolean[] strongEdges() {
		int n = px.length;
		boolean[] edge = new boolean[n];
		for (int i = 0; i < n; i++)
			edge[i] = gx[i] * gx[i] + gy[i] * gy[i] + gz[i] * gz[i] > edgeLimit2 || jgx[i] * jgx[i] + jgy[i] * jgy[i] + jgz[i] * jgz[i] > edgeLimit2;
		return edge;
	}

	/** Squared edge threshold: {@link #EDGE_FACTOR}² × the median squared reference gradient (on at most 2¹⁶ samples). */
	private double edgeLimit() {
		int n = px.length, step = Math.max(1, n / (1 << 16));
		double[] g = new double[(n + step - 1) / step];
		for (int i = 0, k = 0; i < n; i += step, k++)
			g[k] = gx[i] * gx[i] + gy[i] * gy[i] + gz[i] * gz[i];
		return g.length == 0 ? Double.POSITIVE_INFINITY : EDGE_FACTOR * EDGE_FACTOR * RigidRegistration.median(g);
	}

	/** Solves the active block of the normal equations (Cholesky, scaled to unit diagonal); null when it is not positive definite. */
	private static double[] solve(double[] sum, boolean[] active) {
		int m = 0;
		int[] idx = new int[8];
		for (int p = 0; p < 8; p++)
			if (active[p]) idx[m++] = p;
		double[][] a = new double[m][m];
		double[] rhs = new double[m];
		for (int i = 0; i < m; i++) {
			rhs[i] = sum[64 + idx[i]];
			for (int j = 0; j < m; j++) {
				int p = Math.min(idx[i], idx[j]), q = Math.max(idx[i], idx[j]);
				a[i][j] = sum[p * 8 + q];
			}
		}
		// scale to unit diagonal so that rotations (µm lever arms) and grey values are comparable
		double[] sc = new double[m];
		for (int i = 0; i < m; i++) {
			if (!(a[i][i] > 0)) return null;
			sc[i] = 1 / Math.sqrt(a[i][i]);
		}
		for (int i = 0; i < m; i++) {
			rhs[i] *= sc[i];
			for (int j = 0; j < m; j++)
				a[i][j] *= sc[i] * sc[j];
		}
		double[] x;
		try {
			x = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-10, 1e-10).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
		} catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
			return null;
		}
		double[] delta = new double[8];
		for (int i = 0; i < m; i++)
			delta[idx[i]] = x[i] * sc[i];
		return delta;
	}

	/** ΔT(x) = c + R(ω)(x − c) + δ for the parameter vector (ω in radians, δ in µm). */
	private Affine3D increment(double[] p) {
		double[][] rot = rodrigues(p[0], p[1], p[2]);
		double[] c = { cx, cy, cz };
		double[] m = new double[12];
		for (int r = 0; r < 3; r++) {
			double tr = c[r] + p[3 + r];
			for (int q = 0; q < 3; q++) {
				m[r * 4 + q] = rot[r][q];
				tr -= rot[r][q] * c[q];
			}
			m[r * 4 + 3] = tr;
		}
		return Affine3D.of(m);
	}

	/** SplitMix64 finaliser: a well-mixed hash of a long. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static double[][] rodrigues(double wx, double wy, double wz) {
		double th = Math.sqrt(wx * wx + wy * wy + wz * wz);
		double[][] r = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		if (th == 0) return r;
		double kx = wx / th, ky = wy / th, kz = wz / th, s = Math.sin(th), c1 = 1 - Math.cos(th);
		double[][] k = { { 0, -kz, ky }, { kz, 0, -kx }, { -ky, kx, 0 } };
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) {
				double kk = 0;
				for (int q = 0; q < 3; q++)
					kk += k[i][q] * k[q][j];
				r[i][j] += s * k[i][j] + c1 * kk;
			}
		return r;
	}

	private boolean[] activeParameters(RigidFit.Motion motion) {
		boolean[] a = new boolean[8];
		a[6] = a[7] = true;
		a[3] = a[4] = true;
		a[5] = !planar;
		if (motion == RigidFit.Motion.TRANSLATION) return a;
		a[2] = true;
		if (motion == RigidFit.Motion.RIGID_3D && !planar) a[0] = a[1] = true;
		return a;
	}

	/** 1.4826 × median absolute deviation of the valid residuals, on an evenly spaced subset of at most 2¹⁸. */
	private static double robustScale(float[] res, int valid) {
		int step = Math.max(1, valid / (1 << 18));
		double[] v = new double[valid / step + 1];
		int m = 0, seen = 0;
		for (float r : res) {
			if (Float.isNaN(r)) continue;
			if (seen++ % step == 0 && m < v.length) v[m++] = r;
		}
		v = Arrays.copyOf(v, m);
		double med = RigidRegistration.median(v.clone());
		for (int i = 0; i < m; i++)
			v[i] = Math.abs(v[i] - med);
		return 1.4826 * RigidRegistration.median(v);
	}

	private double greyRange() {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (float v : val) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return hi - lo;
	}
}
