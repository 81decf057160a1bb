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
 * Final sub-voxel refinement of a 3D rigid registration by robust intensity matching: Gauss–Newton on the six
 * rigid parameters plus a grey-value gain and offset, over one jittered voxel per cell of the smoothed
 * reference (efficient second-order form: the Jacobian is the mean of the reference's and the warped scan's
 * gradients), with Tukey weights from the median absolute residual so that voxels whose content changed
 * between the scans (liquid metal, cracks, chips) stop counting. Block matching measures a few dozen
 * displacements and fits a rigid motion to them; this uses every sampled voxel, which is what brings weakly
 * textured volumes (a few per cent of contrast under noise) to a few hundredths of a voxel and of a degree.
 * Both volumes are smoothed first (σ of about one voxel) to take the noise out of the gradients and the
 * interpolation.
 * <p>
 * Volumes in memory are refined by {@link #refine}. Volumes too large for memory ({@link #streaming}) are read
 * slice by slice: the reference once, for its samples; each scan once per pass, keeping for every sample only
 * a small patch of the smoothed scan around where the current transform puts it ({@link PatchField}).
 */
final class IntensityRefiner {
	private static final double TUKEY = 4.685;
	/** Starting widening of the Tukey cut-off, halved every iteration down to 1. */
	private static final double GRADUATION = 8;
	/** Gradients above this multiple of the median mark material edges, left out of the ring fit. */
	private static final double EDGE_FACTOR = 4;
	/** Passes over a scan read from disk: each re-centres the patches on the current estimate. */
	private static final int MAX_PASSES = 4;
	/** Share of in-range samples that may leave their patches before a pass stops to re-centre them. */
	private static final double MAX_ESCAPED = 0.02;

	/** The refined transform, whether it converged, and a sentence saying how the refinement went. */
	static final class Result {
		final Affine3D transform;
		final boolean converged;
		final String message;
		/** Set when samples left their patches: the pass stopped early so that they can be re-centred. */
		final boolean recentre;

		Result(Affine3D transform, boolean converged, String message) {
			this(transform, converged, message, false);
		}

		Result(Affine3D transform, boolean converged, String message, boolean recentre) {
			this.transform = transform;
			this.converged = converged;
			this.message = message;
			this.recentre = recentre;
		}
	}

	/** Voxels of the reference that take part: false where the mask excludes them. */
	@FunctionalInterface
	interface VoxelMask {
		boolean use(int x, int y, int z);
	}

	private ScanField scan;
	private final int threads;
	private final int refW, refH, refD;
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

	/**
	 * Samples the smoothed reference {@code r}: one voxel per stride³ cell, the stride chosen so that at most
	 * {@code maxSamples} are taken. Planes of cells are sampled in parallel when {@code parallel} (the source
	 * must then allow concurrent reads), else in increasing z, reading each slice once.
	 */
	private IntensityRefiner(SliceSource r, VoxelMask mask, double greyMin, double greyMax, int maxSamples, int threads, boolean parallel,
			Progress progress) {
		this.threads = threads;
		int w = r.width(), h = r.height(), d = r.depth();
		if (d < 3 || w < 3 || h < 3) throw new AlignException("The intensity refinement needs a 3D volume of at least 3 voxels per axis, not " + w + "×" + h + "×" + d);
		refW = w;
		refH = h;
		refD = d;
		long interior = (long) (w - 2) * (h - 2) * (d - 2);
		int stride = 1;
		while (interior / ((long) stride * stride * stride) > maxSamples)
			stride++;
		final int st = stride;
		int planes = (d - 2 + st - 1) / st;
		int[] counts = new int[planes];
		float[][][] perPlane = new float[planes][][];
		java.util.function.IntConsumer plane = k -> {
			float[][] buf = samplePlane(r, k, st, mask, greyMin, greyMax);
			counts[k] = buf[0].length;
			perPlane[k] = buf;
		};
		if (parallel) Parallel.forEach(planes, threads, plane);
		else for (int k = 0; k < planes; k++) {
			progress.checkCancelled();
			plane.accept(k);
			progress.report((k + 1.0) / planes, null);
		}
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
	 * The samples of plane {@code k} of cells (slices 1 + k·st … ): position (µm), value and central-difference
	 * gradient (per µm), as 7 arrays. One voxel per stride³ cell at a fixed pseudo-random place in it: a regular
	 * grid could alias with periodic structure (a texture lattice, detector pixels) and bias the estimate. The
	 * slices are visited in increasing z.
	 */
	private static float[][] samplePlane(SliceSource r, int k, int st, VoxelMask mask, double greyMin, double greyMax) {
		int w = r.width(), h = r.height(), d = r.depth();
		int zBase = 1 + k * st, zSpan = Math.min(st, d - 1 - zBase);
		int cap = ((w - 2 + st - 1) / st) * ((h - 2 + st - 1) / st);
		float[][] buf = new float[7][cap];
		boolean excludeGrey = greyMin <= greyMax;
		double vx = r.voxelXUm(), vy = r.voxelYUm(), vz = r.voxelZUm();
		int n = 0;
		for (int z = zBase; z < zBase + zSpan; z++) {
			float[] s = null, below = null, above = null;
			for (int cy0 = 1; cy0 < h - 1; cy0 += st)
				for (int cx0 = 1; cx0 < w - 1; cx0 += st) {
					long hash = mix(cx0 * 0x9E3779B97F4A7C15L + cy0 * 0xC2B2AE3D27D4EB4FL + zBase * 0x165667B19E3779F9L);
					if (zBase + (int) Math.floorMod(hash >>> 42, (long) zSpan) != z) continue;
					int x = cx0 + (int) Math.floorMod(hash, (long) Math.min(st, w - 1 - cx0));
					int y = cy0 + (int) Math.floorMod(hash >>> 21, (long) Math.min(st, h - 1 - cy0));
					if (mask != null && !mask.use(x, y, z)) continue;
					if (s == null) {
						below = r.slice(z - 1);
						s = r.slice(z);
						above = r.slice(z + 1);
					}
					int i = y * w + x;
					float v = s[i];
					if (excludeGrey && v >= greyMin && v <= greyMax) continue;
					buf[0][n] = (float) (x * vx);
					buf[1][n] = (float) (y * vy);
					buf[2][n] = (float) (z * vz);
					buf[3][n] = v;
					buf[4][n] = (float) ((s[i + 1] - s[i - 1]) / (2 * vx));
					buf[5][n] = (float) ((s[i + w] - s[i - w]) / (2 * vy));
					buf[6][n] = (float) ((above[i] - below[i]) / (2 * vz));
					n++;
				}
		}
		for (int a = 0; a < 7; a++)
			buf[a] = Arrays.copyOf(buf[a], n);
		return buf;
	}

	/**
	 * Refines {@code scanToRef} (µm, origin at the centre of voxel (0,0,0) of both volumes) by intensity
	 * matching; the result says whether it converged. Neither input is changed.
	 */
	static Result refine(Volume reference, Volume scan, Affine3D scanToRef, RigidFit.Motion motion, AlignSettings s, Progress progress) {
		if (Math.min(reference.width(), Math.min(reference.height(), reference.depth())) < 3)
			return new Result(scanToRef, false, "intensity refinement skipped: the reference is under 3 voxels thick");
		int threads = s.threads();
		double sigma = s.refineSmoothingVoxels();
		Volume rs = GaussianBlur.blurredCopy(reference, sigma, threads, progress.sub(0, 0.1));
		Volume m = s.mask();
		IntensityRefiner r = new IntensityRefiner(SliceSource.of(rs), m == null ? null : (x, y, z) -> m.slice(z)[y * m.width() + x] != 0,
				s.excludeGreyMin(), s.excludeGreyMax(), s.refineMaxSamples(), threads, true, Progress.NONE);
		rs = null;
		r.scan = new VolumeField(GaussianBlur.blurredCopy(scan, sigma, threads, progress.sub(0.1, 0.2)));
		r.attachRings(s.labRingModel(), scan.width(), scan.height(), scan.depth());
		return r.run(scanToRef, motion, s.refineMaxIterations(), s.toleranceVoxels() * 0.1, progress.sub(0.2, 1));
	}

	/**
	 * Samples a reference read slice by slice (one sweep, smoothed on the way), for {@link #refineFromDisk} of any
	 * number of scans. {@code mask} may be null. At most {@code s.refineMaxSamples()} samples, and fewer if their
	 * patches would take more than {@code budgetBytes}.
	 */
	static IntensityRefiner streaming(SliceSource reference, VoxelMask mask, AlignSettings s, long budgetBytes, Progress progress) {
		long perSample = 4L * PatchField.VOXELS + 100; // the patch, the per-sample arrays and the patch index
		int max = (int) Math.max(4096, Math.min(s.refineMaxSamples(), budgetBytes / perSample));
		return new IntensityRefiner(new SmoothedSlices(reference, s.refineSmoothingVoxels()), mask, s.excludeGreyMin(), s.excludeGreyMax(), max,
				s.threads(), false, progress);
	}

	/** Number of reference samples. */
	int samples() {
		return px.length;
	}

	/**
	 * Refines {@code scanToRef} for a scan read slice by slice: each pass reads the (smoothed) scan once and keeps
	 * a patch around every sample's place under the current estimate; a pass whose samples leave their patches
	 * stops, and the next re-centres them. The scan is only read, never held whole.
	 */
	Result refineFromDisk(SliceSource scan, Affine3D scanToRef, RigidFit.Motion motion, AlignSettings s, Progress progress) {
		attachRings(s.labRingModel(), scan.width(), scan.height(), scan.depth()); // one profile across the passes
		Affine3D t = scanToRef;
		Result r = null;
		int passes = 0;
		while (passes < MAX_PASSES) {
			progress.checkCancelled();
			Progress pass = progress.sub((double) passes / MAX_PASSES, (passes + 1.0) / MAX_PASSES);
			this.scan = PatchField.extract(new SmoothedSlices(scan, s.refineSmoothingVoxels()), px, py, pz, t.inverse(), pass.sub(0, 0.6));
			passes++;
			r = run(t, motion, s.refineMaxIterations(), s.toleranceVoxels() * 0.1, pass.sub(0.6, 1));
			this.scan = null; // the patches go
			t = r.transform;
			if (!r.recentre) break;
		}
		progress.report(1, null);
		if (r.recentre) return new Result(r.transform, false, r.message + " after " + passes + " passes over the scan");
		return passes == 1 ? r : new Result(r.transform, r.converged, r.message + " (" + passes + " passes over the scan)");
	}

	/** Lab-frame rings about the slice centres of the reference and of a scan of that size, estimated with the transform (when {@code on}). */
	private void attachRings(boolean on, int scanW, int scanH, int scanD) {
		rings = null;
		if (!on) return;
		rings = new LabRingProfile(refW, refH, refD, scanW, scanH, scanD);
		rings.attach(px.length);
	}

	private Result run(Affine3D start, RigidFit.Motion motion, int maxIterations, double tolVoxels, Progress progress) {
		int n = px.length;
		if (n < 64) return new Result(start, false, "intensity refinement skipped: only " + n + " usable voxels");
		boolean[] active = activeParameters(motion);
		ScanField f = scan;
		double voxel = Math.min(f.vx, Math.min(f.vy, f.vz));
		double sizeX = f.w * f.vx, sizeY = f.h * f.vy, sizeZ = f.d * f.vz;
		Affine3D t = start;
		double gain = 1, offset = 0;
		float[] res = new float[n];
		int chunks = chunkStart.length - 1;
		double inlierFraction = 0;
		boolean converged = false, recentre = false;
		int it = 0;
		String problem = null;
		while (it < maxIterations) {
			progress.checkCancelled();
			it++;
			Affine3D w = t.inverse();
			double[] wm = w.toArray();
			final double a = gain, b = offset;
			long[] validPerChunk = new long[chunks];
			Parallel.forEach(chunks, threads, k -> validPerChunk[k] = residuals(k, wm, a, b, res));
			long packed = Arrays.stream(validPerChunk).sum();
			int valid = (int) (packed & 0xFFFFFFFFL), escaped = (int) (packed >>> 32);
			if (escaped > MAX_ESCAPED * (valid + escaped)) {
				recentre = true;
				break;
			}
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
				double sc = voxel / move;
				for (int i = 0; i < delta.length; i++)
					delta[i] *= sc;
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
		if (recentre) return new Result(t, false, String.format(Locale.ROOT, "intensity refinement moved the samples off their patches after %d iterations", it), true);
		String msg = problem != null ? "intensity refinement stopped: " + problem
				: converged ? String.format(Locale.ROOT, "intensity refinement converged in %d iterations over %d voxels (%.0f %% kept)", it, n, 100 * inlierFraction)
						: String.format(Locale.ROOT, "intensity refinement still changing after %d iterations", it);
		return new Result(problem != null ? start : t, converged && problem == null, msg);
	}

	/**
	 * Residuals gain·J(W(x)) + offset − I(x) of one chunk (NaN outside the scan, or off a sample's patch); returns
	 * the valid count in the low 32 bits and the count of in-range samples the scan field could not serve above.
	 */
	private long residuals(int k, double[] wm, double a, double b, float[] res) {
		ScanField f = scan;
		int w = f.w, h = f.h, d = f.d;
		double ivx = 1 / f.vx, ivy = 1 / f.vy, ivz = 1 / f.vz;
		long valid = 0, escaped = 0;
		LabRingProfile ring = rings;
		double[] rg = new double[2], js = new double[4];
		for (int i = chunkStart[k]; i < chunkStart[k + 1]; i++) {
			double x = px[i], y = py[i], z = pz[i];
			double sx = (wm[0] * x + wm[1] * y + wm[2] * z + wm[3]) * ivx;
			double sy = (wm[4] * x + wm[5] * y + wm[6] * z + wm[7]) * ivy;
			double sz = (wm[8] * x + wm[9] * y + wm[10] * z + wm[11]) * ivz;
			if (!(sx >= 0 && sy >= 0 && sz >= 0 && sx <= w - 1 && sy <= h - 1 && sz <= d - 1)) {
				res[i] = Float.NaN;
				continue;
			}
			if (!f.sample(i, sx, sy, sz, js)) {
				res[i] = Float.NaN;
				escaped++;
				continue;
			}
			double value = js[0], dSx = js[1] * ivx, dSy = js[2] * ivy, dSz = js[3] * ivz;
			double ringRef = 0;
			if (ring != null) {
				double xr = x * ivx, yr = y * ivy, zr = z * ivz; // both volumes have the same voxel size
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
		return valid | escaped << 32;
	}

	/**
	 * Trilinear value and the trilinear interpolation of the central-difference gradient (per voxel) at
	 * (x0 + fx, y0 + fy, z0 + fz), into {@code out} = {value, ∂x, ∂y, ∂z}. Unlike the derivative of the
	 * interpolant itself, this gradient's noise is uncorrelated with the interpolated value's, so the symmetric
	 * Jacobian adds no bias towards whole-voxel shifts. The planes z0 − 1, z0, z0 + 1, z0 + 2 are given as an
	 * array and a start offset each; ym … yp are the row offsets of y0 − 1 … y0 + 2, xm, xp the columns x0 − 1
	 * and x0 + 2 (edges clamped by the caller).
	 */
	static void stencil(float[] am, int bm, float[] a0, int b0, float[] a1, int b1, float[] ap, int bp, int xm, int x0, int xp, int ym, int ya,
			int yb, int yp, double fx, double fy, double fz, double[] out) {
		double value = 0, dSx = 0, dSy = 0, dSz = 0;
		for (int c = 0; c < 2; c++) {
			float[] sl = c == 0 ? a0 : a1;
			int o = c == 0 ? b0 : b1, ra = o + ya, rb = o + yb;
			double wz = c == 0 ? 1 - fz : fz;
			double v00 = sl[ra + x0], v10 = sl[ra + x0 + 1], v01 = sl[rb + x0], v11 = sl[rb + x0 + 1];
			value += wz * ((1 - fy) * (v00 + fx * (v10 - v00)) + fy * (v01 + fx * (v11 - v01)));
			double gx0 = (1 - fy) * (v10 - sl[ra + xm]) + fy * (v11 - sl[rb + xm]);
			double gx1 = (1 - fy) * (sl[ra + xp] - v00) + fy * (sl[rb + xp] - v01);
			dSx += wz * (gx0 + fx * (gx1 - gx0));
			double gy0 = (1 - fx) * (v01 - sl[o + ym + x0]) + fx * (v11 - sl[o + ym + x0 + 1]);
			double gy1 = (1 - fx) * (sl[o + yp + x0] - v00) + fx * (sl[o + yp + x0 + 1] - v10);
			dSy += wz * (gy0 + fy * (gy1 - gy0));
			// ∂z at z0: (z0 + 1) − (z0 − 1); at z0 + 1: (z0 + 2) − z0
			float[] far = c == 0 ? am : ap, near = c == 0 ? a1 : a0;
			int of = c == 0 ? bm : bp, on = c == 0 ? b1 : b0;
			double sign = c == 0 ? 1 : -1;
			double n00 = near[on + ya + x0] - far[of + ya + x0], n10 = near[on + ya + x0 + 1] - far[of + ya + x0 + 1];
			double n01 = near[on + yb + x0] - far[of + yb + x0], n11 = near[on + yb + x0 + 1] - far[of + yb + x0 + 1];
			dSz += sign * wz * ((1 - fy) * (n00 + fx * (n10 - n00)) + fy * (n01 + fx * (n11 - n01)));
		}
		out[0] = value;
		out[1] = 0.5 * dSx;
		out[2] = 0.5 * dSy;
		out[3] = 0.5 * dSz;
	}

	/** Where the smoothed scan's values come from: the whole volume, or patches around each sample. */
	abstract static class ScanField {
		final int w, h, d;
		final double vx, vy, vz;

		ScanField(int w, int h, int d, double vx, double vy, double vz) {
			this.w = w;
			this.h = h;
			this.d = d;
			this.vx = vx;
			this.vy = vy;
			this.vz = vz;
		}

		/**
		 * Value and per-voxel gradient ({@link #stencil}) at scan voxel position (x, y, z), inside the volume, for
		 * sample {@code i}; false when this field cannot serve it there.
		 */
		abstract boolean sample(int i, double x, double y, double z, double[] out);
	}

	/** The whole smoothed scan in memory. */
	static final class VolumeField extends ScanField {
		private final Volume v;

		VolumeField(Volume v) {
			super(v.width(), v.height(), v.depth(), v.voxelXUm(), v.voxelYUm(), v.voxelZUm());
			this.v = v;
		}

		@Override
		boolean sample(int i, double x, double y, double z, double[] out) {
			int x0 = Math.min((int) x, w - 2), y0 = Math.min((int) y, h - 2), z0 = Math.min((int) z, d - 2);
			stencil(v.slice(Math.max(z0 - 1, 0)), 0, v.slice(z0), 0, v.slice(z0 + 1), 0, v.slice(Math.min(z0 + 2, d - 1)), 0, Math.max(x0 - 1, 0), x0,
					Math.min(x0 + 2, w - 1), Math.max(y0 - 1, 0) * w, y0 * w, (y0 + 1) * w, Math.min(y0 + 2, h - 1) * w, x - x0, y - y0, z - z0, out);
			return true;
		}
	}

	/**
	 * A {@value #SIZE}³ patch of the smoothed scan per sample, around where a transform put the sample (edges
	 * replicated): the stencil fits in it while the estimate moves up to about one voxel from there.
	 */
	static final class PatchField extends ScanField {
		static final int SIZE = 6, VOXELS = SIZE * SIZE * SIZE;
		/** Voxels from the patch start to the voxel holding the sample's place. */
		private static final int LEAD = 2;
		private final int[] ox, oy, oz;
		private final float[] data;

		private PatchField(SliceSource s, int n) {
			super(s.width(), s.height(), s.depth(), s.voxelXUm(), s.voxelYUm(), s.voxelZUm());
			ox = new int[n];
			oy = new int[n];
			oz = new int[n];
			data = new float[n * VOXELS];
		}

		/**
		 * Reads the patches of the samples at reference µm positions (px, py, pz) mapped by {@code refToScan}: one
		 * sweep over the slices of {@code scan} in increasing z, each slice read at most once.
		 */
		static PatchField extract(SliceSource scan, float[] px, float[] py, float[] pz, Affine3D refToScan, Progress progress) {
			int n = px.length;
			PatchField f = new PatchField(scan, n);
			int w = f.w, h = f.h, d = f.d;
			double[] m = refToScan.toArray();
			double ivx = 1 / f.vx, ivy = 1 / f.vy, ivz = 1 / f.vz;
			// bucket (sample, patch plane) pairs by the scan slice they need (clamped at the edges)
			int[] count = new int[d + 1];
			for (int i = 0; i < n; i++) {
				double x = px[i], y = py[i], z = pz[i];
				f.ox[i] = (int) Math.floor((m[0] * x + m[1] * y + m[2] * z + m[3]) * ivx) - LEAD;
				f.oy[i] = (int) Math.floor((m[4] * x + m[5] * y + m[6] * z + m[7]) * ivy) - LEAD;
				f.oz[i] = (int) Math.floor((m[8] * x + m[9] * y + m[10] * z + m[11]) * ivz) - LEAD;
				for (int lz = 0; lz < SIZE; lz++)
					count[clamp(f.oz[i] + lz, d) + 1]++;
			}
			for (int z = 0; z < d; z++)
				count[z + 1] += count[z];
			int[] next = Arrays.copyOf(count, d), entries = new int[count[d]];
			for (int i = 0; i < n; i++)
				for (int lz = 0; lz < SIZE; lz++)
					entries[next[clamp(f.oz[i] + lz, d)]++] = i * SIZE + lz;
			for (int z = 0; z < d; z++) {
				if (count[z] == count[z + 1]) continue;
				progress.checkCancelled();
				float[] s = scan.slice(z);
				for (int e = count[z]; e < count[z + 1]; e++) {
					int i = entries[e] / SIZE, lz = entries[e] % SIZE;
					int base = i * VOXELS + lz * SIZE * SIZE;
					for (int ly = 0; ly < SIZE; ly++) {
						int row = clamp(f.oy[i] + ly, h) * w;
						for (int lx = 0; lx < SIZE; lx++)
							f.data[base + ly * SIZE + lx] = s[row + clamp(f.ox[i] + lx, w)];
					}
				}
				progress.report((z + 1.0) / d, null);
			}
			return f;
		}

		private static int clamp(int i, int n) {
			return i < 0 ? 0 : i >= n ? n - 1 : i;
		}

		@Override
		boolean sample(int i, double x, double y, double z, double[] out) {
			double lx = x - ox[i], ly = y - oy[i], lz = z - oz[i];
			int x0 = (int) Math.floor(lx), y0 = (int) Math.floor(ly), z0 = (int) Math.floor(lz);
			if (x0 < 1 || y0 < 1 || z0 < 1 || x0 > SIZE - 3 || y0 > SIZE - 3 || z0 > SIZE - 3) return false;
			int base = i * VOXELS, plane = SIZE * SIZE;
			stencil(data, base + (z0 - 1) * plane, data, base + z0 * plane, data, base + (z0 + 1) * plane, data, base + (z0 + 2) * plane, x0 - 1, x0,
					x0 + 2, (y0 - 1) * SIZE, y0 * SIZE, (y0 + 1) * SIZE, (y0 + 2) * SIZE, lx - x0, ly - y0, lz - z0, out);
			return true;
		}
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
		a[5] = true;
		if (motion == RigidFit.Motion.TRANSLATION) return a;
		a[2] = true;
		if (motion == RigidFit.Motion.RIGID_3D) a[0] = a[1] = true;
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
