package org.tomolyte.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Sub-voxel rigid registration of one scan to a reference volume: coarse translation by verified phase
 * correlation on a downsampled pair ({@link CoarseRegistration}), then, from coarse to fine, rounds of
 * warping the scan through the current estimate, block matching ({@link BlockMatcher}) and a trimmed
 * Kabsch fit ({@link RigidFit}) until the transform stops changing; finally a robust intensity-based
 * Gauss–Newton refinement at full resolution ({@link IntensityRefiner}, with lab-frame rings modelled by
 * {@link LabRingProfile}), kept only if it converged within two voxels of the block-matching result. The
 * same engine aligns 2D slices
 * (depth 1, rotation about z only). Never returns an unexamined identity: the result says whether it
 * converged and carries the residuals.
 */
public final class RigidRegistration {
	/** Largest move (voxels, at the corners) the intensity refinement may make from the block-matching result. */
	static final double MAX_REFINE_SHIFT_VOXELS = 2.0;

	private RigidRegistration() {}

	/** Registers {@code scan} to {@code reference}; {@code initial} (scan → reference, may be null) skips the coarse step. */
	public static RegistrationResult register(Volume reference, Volume scan, AlignSettings s, Affine3D initial, String scanName, Progress progress) {
		checkCalibration(reference, scan, scanName);
		if (s.mask() != null) {
			Volume m = s.mask();
			if (m.width() != reference.width() || m.height() != reference.height() || m.depth() != reference.depth())
				throw new AlignException("Mask " + m + " must have the size of the reference " + reference);
		}
		boolean planar = reference.depth() == 1;
		RigidFit.Motion motion = s.translationOnly() ? RigidFit.Motion.TRANSLATION : planar ? RigidFit.Motion.RIGID_2D : RigidFit.Motion.RIGID_3D;
		int coarse = coarseFactor(reference, s);
		List<Level> refLevels = pyramid(Level.of(reference), coarse, s.threads());
		List<Level> scanLevels = pyramid(Level.of(scan), coarse, s.threads());
		progress.report(0.1, "Coarse registration of " + scanName);
		Affine3D t = initial != null ? initial
				: CoarseRegistration.translation(refLevels.get(refLevels.size() - 1), scanLevels.get(scanLevels.size() - 1), s, scanName);
		double overlap = overlapFraction(reference, scan, t);
		if (overlap < s.minOverlapFraction())
			throw new AlignException(String.format(Locale.ROOT, "Scan %s does not overlap the reference: under %s only %.0f %% of the reference lies inside it (minimum %.0f %%)",
					scanName, t, 100 * overlap, 100 * s.minOverlapFraction()));
		double sizeX = reference.width() * reference.voxelXUm(), sizeY = reference.height() * reference.voxelYUm(),
				sizeZ = reference.depth() * reference.voxelZUm();
		double voxelUm = planar ? Math.min(reference.voxelXUm(), reference.voxelYUm())
				: Math.min(reference.voxelXUm(), Math.min(reference.voxelYUm(), reference.voxelZUm()));
		int iterations = 0;
		RigidFit.Result lastFit = null;
		BlockMatcher.Matches lastMatches = null;
		boolean[] lastAccepted = null;
		String problem = null;
		boolean settled = false;
		int finest = Math.min(s.finestFactor(), coarse);
		// on large volumes the intensity refinement does the full-resolution work; block matching there too
		// would only repeat it at several times the cost
		if (s.intensityRefinement() && !planar && finest == 1 && coarse >= 4) finest = 2;
		for (int li = refLevels.size() - 1; li >= 0; li--) {
			Level rl = refLevels.get(li), sl = scanLevels.get(li);
			if (rl.factor < finest) break;
			progress.checkCancelled();
			boolean finalLevel = rl.factor == finest;
			BlockMatcher matcher = new BlockMatcher(rl, sl, s.blockSize(), s);
			List<BlockMatcher.Block> blocks = matcher.select(s.maxBlocks(), s.mask());
			if (blocks.size() < s.minBlocks()) {
				if (!finalLevel) continue;
				problem = "only " + blocks.size() + " textured, unmasked blocks (need " + s.minBlocks() + "); enlarge the mask or reduce blockSize";
				break;
			}
			double tolUm = (finalLevel ? s.toleranceVoxels() : 0.1) * voxelUm * rl.factor;
			settled = false;
			for (int it = 0; it < s.maxIterations(); it++) {
				progress.checkCancelled();
				iterations++;
				BlockMatcher.Matches m = matcher.match(blocks, t);
				boolean[] accepted = s.autoMask() ? autoMask(m) : allTrue(m.size());
				int usable = count(accepted);
				if (usable < s.minBlocks()) {
					problem = "only " + usable + " blocks overlap the scan and match at factor " + rl.factor + " (need " + s.minBlocks() + ")";
					break;
				}
				RigidFit.Result fit = fitAccepted(m, accepted, motion, 0.5 * voxelUm * rl.factor);
				if (s.apertureAware()) fit = refineAnisotropic(t, m, fit, rl, motion);
				double delta = fit.transform.maxDifferenceUm(t, sizeX, sizeY, sizeZ);
				t = fit.transform;
				lastFit = fit;
				lastMatches = m;
				lastAccepted = accepted;
				problem = null;
				// block matching on weak texture and noise jitters by about the standard error of the fit from
				// round to round; a change below it is not progress, so it counts as settled
				double noiseUm = fit.inlierCount > 0 && Double.isFinite(fit.inlierRmsUm) ? fit.inlierRmsUm / Math.sqrt(fit.inlierCount) : 0;
				if (delta < Math.max(tolUm, noiseUm)) {
					settled = true;
					break;
				}
			}
			if (problem != null && finalLevel) break;
			progress.report(0.2 + 0.8 * (refLevels.size() - li) / refLevels.size(), "Registered " + scanName + " at factor " + rl.factor);
		}
		if (lastFit == null)
			return new RegistrationResult(t, false, "Scan " + scanName + ": block matching failed: " + (problem != null ? problem : "no level could be matched"),
					iterations, 0, Double.NaN, blockTable(null, null, null, null));
		String refineNote = null;
		// 3D only: on 2D slices of concentric structure (cell windings) the rotation about their centre is
		// nearly free and the intensity optimum slid along it (real windings: 0.23 px off), while block
		// matching stays put and says when it has not settled
		if (s.intensityRefinement() && !planar) {
			progress.report(0.9, "Refining " + scanName + " on intensities");
			IntensityRefiner.Result ir = IntensityRefiner.refine(reference, scan, t, motion, s, Progress.NONE);
			double moved = ir.transform.maxDifferenceUm(t, sizeX, sizeY, sizeZ);
			if (ir.converged && moved <= MAX_REFINE_SHIFT_VOXELS * voxelUm) {
				t = ir.transform;
				double[][] allS = lastMatches.scanUm.toArray(new double[0][]), allR = lastMatches.refUm.toArray(new double[0][]);
				double[] res = new double[lastMatches.size()];
				RigidFit.residuals(t, allS, allR, res);
				lastFit = new RigidFit.Result(t, res, lastFit.inliers);
				settled = true; // block matching may still jitter by its noise; the intensity optimum has settled
				refineNote = String.format(Locale.ROOT, "; %s, %.3f voxel from block matching", ir.message, moved / voxelUm);
			} else
				refineNote = "; " + ir.message + (ir.converged ? String.format(Locale.ROOT, " but moved %.2f voxel from block matching (limit %.1f): block-matching result kept",
						moved / voxelUm, MAX_REFINE_SHIFT_VOXELS) : ": block-matching result kept");
		}
		boolean converged = true;
		StringBuilder msg = new StringBuilder("Scan " + scanName + ": ");
		if (problem != null) {
			converged = false;
			msg.append(problem).append("; ");
		}
		if (!settled) {
			converged = false;
			msg.append("the transform was still changing after ").append(s.maxIterations()).append(" rounds; ");
		}
		if (lastFit.inlierCount < s.minBlocks()) {
			converged = false;
			msg.append("only ").append(lastFit.inlierCount).append(" inlier blocks; ");
		}
		if (lastFit.inlierRmsUm > s.maxResidualVoxels() * voxelUm * finest) {
			converged = false;
			msg.append(String.format(Locale.ROOT, "inlier RMS residual %.3f µm exceeds %.3f µm; ", lastFit.inlierRmsUm, s.maxResidualVoxels() * voxelUm * finest));
		}
		if (converged) msg.append(String.format(Locale.ROOT, "converged in %d rounds, %d/%d blocks, RMS residual %.4f µm", iterations,
				lastFit.inlierCount, lastMatches.size(), lastFit.inlierRmsUm));
		else msg.setLength(msg.length() - 2); // drop the trailing "; "
		if (refineNote != null) msg.append(refineNote);
		progress.report(1, null);
		return new RegistrationResult(t, converged, msg.toString(), iterations, lastFit.inlierCount, lastFit.inlierRmsUm,
				blockTable(lastMatches, lastFit, lastAccepted, t));
	}

	/** Fraction of a 16³ grid of reference points that map inside the scan. */
	static double overlapFraction(Volume reference, Volume scan, Affine3D scanToRef) {
		Affine3D inv = scanToRef.inverse();
		int n = 16, in = 0, total = 0;
		double[] p = new double[3];
		for (int k = 0; k < n; k++)
			for (int j = 0; j < n; j++)
				for (int i = 0; i < n; i++) {
					p[0] = (i + 0.5) / n * reference.width() * reference.voxelXUm() - 0.5 * reference.voxelXUm();
					p[1] = (j + 0.5) / n * reference.height() * reference.voxelYUm() - 0.5 * reference.voxelYUm();
					p[2] = reference.depth() == 1 ? 0 : (k + 0.5) / n * reference.depth() * reference.voxelZUm() - 0.5 * reference.voxelZUm();
					inv.apply(p, p);
					total++;
					if (p[0] >= -0.5 * scan.voxelXUm() && p[0] <= (scan.width() - 0.5) * scan.voxelXUm() && p[1] >= -0.5 * scan.voxelYUm()
							&& p[1] <= (scan.height() - 0.5) * scan.voxelYUm()
							&& (scan.depth() == 1 || p[2] >= -0.5 * scan.voxelZUm() && p[2] <= (scan.depth() - 0.5) * scan.voxelZUm()))
						in++;
				}
		return in / (double) total;
	}

	/** Voxel sizes must agree within 1 % per axis for block matching to compare like with like. */
	static void checkCalibration(Volume reference, Volume scan, String scanName) {
		checkCalibration(SliceSource.of(reference), SliceSource.of(scan), scanName);
	}

	/**
	 * As {@link #checkCalibration(Volume, Volume, String)}, for volumes read slice by slice (before any is read);
	 * throws {@link AlignException} naming {@code scanName}.
	 */
	public static void checkCalibration(SliceSource reference, SliceSource scan, String scanName) {
		double[] a = { reference.voxelXUm(), reference.voxelYUm(), reference.voxelZUm() }, b = { scan.voxelXUm(), scan.voxelYUm(), scan.voxelZUm() };
		for (int k = 0; k < 3; k++) {
			if (!(a[k] > 0) || !(b[k] > 0))
				throw new AlignException("Scan " + scanName + " or the reference has a non-positive voxel size: " + describe(scan) + " / " + describe(reference));
			if (Math.abs(a[k] - b[k]) > 0.01 * a[k])
				throw new AlignException("Scan " + scanName + " has voxel size " + Arrays.toString(b) + " µm but the reference has " + Arrays.toString(a)
						+ " µm; resample it to the reference calibration first (or correct its calibration)");
		}
		if ((reference.depth() == 1) != (scan.depth() == 1))
			throw new AlignException("Scan " + scanName + " and the reference must both be 3D or both be 2D: " + describe(scan) + " / " + describe(reference));
	}

	private static String describe(SliceSource v) {
		return String.format(Locale.ROOT, "%d×%d×%d voxels of %.4g×%.4g×%.4g µm", v.width(), v.height(), v.depth(), v.voxelXUm(), v.voxelYUm(), v.voxelZUm());
	}

	/** Power of two such that the largest dimension at the coarse level is at most coarseSize. */
	static int coarseFactor(Volume v, AlignSettings s) {
		int maxDim = Math.max(v.width(), Math.max(v.height(), v.depth()));
		int minDim = v.depth() == 1 ? Math.min(v.width(), v.height()) : Math.min(v.width(), Math.min(v.height(), v.depth()));
		int f = 1;
		while (maxDim / f > s.coarseSize() && minDim / (2 * f) >= 16)
			f *= 2;
		return f;
	}

	static List<Level> pyramid(Level base, int coarse, int threads) {
		List<Level> levels = new ArrayList<>();
		levels.add(base);
		Level l = base;
		while (l.factor < coarse) {
			l = l.volume.depth() == 1 ? downsample2d(l) : l.downsample(2, threads);
			levels.add(l);
		}
		return levels;
	}

	private static Level downsample2d(Level l) {
		Volume v = l.volume;
		int w = v.width() / 2, h = v.height() / 2;
		float[] o = new float[w * h];
		float[] s = v.slice(0);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = 2 * y * v.width() + 2 * x;
				o[y * w + x] = 0.25f * (s[i] + s[i + 1] + s[i + v.width()] + s[i + v.width() + 1]);
			}
		return new Level(new Volume(w, h, new float[][] { o }, v.voxelXUm() * 2, v.voxelYUm() * 2, v.voxelZUm()), l.factor * 2,
				l.originXUm + 0.5 * v.voxelXUm(), l.originYUm + 0.5 * v.voxelYUm(), l.originZUm);
	}

	/**
	 * Blocks whose content changed (liquid metal, cracks) correlate much worse than the rest after alignment:
	 * drop those below the median NCC by more than four robust standard deviations, or below half the median.
	 */
	static boolean[] autoMask(BlockMatcher.Matches m) {
		int n = m.size();
		boolean[] ok = allTrue(n);
		if (n < 4) return ok;
		double[] c = m.ncc.stream().mapToDouble(Double::doubleValue).toArray();
		double med = median(c.clone());
		double[] dev = new double[n];
		for (int i = 0; i < n; i++)
			dev[i] = Math.abs(c[i] - med);
		double mad = 1.4826 * median(dev);
		for (int i = 0; i < n; i++)
			ok[i] = c[i] >= med - Math.max(4 * mad, 0.05) && c[i] >= 0.5 * med;
		return ok;
	}

	/** Replaces the isotropic fit by the structure-tensor-weighted update over its inliers, when that is solvable. */
	private static RigidFit.Result refineAnisotropic(Affine3D current, BlockMatcher.Matches m, RigidFit.Result fit, Level level, RigidFit.Motion motion) {
		List<double[]> centres = new ArrayList<>(), disp = new ArrayList<>();
		List<double[][]> tensors = new ArrayList<>();
		Volume v = level.volume;
		double[] inv = { 1 / v.voxelXUm(), 1 / v.voxelYUm(), 1 / v.voxelZUm() };
		for (int i = 0; i < m.size(); i++) {
			if (!fit.inliers[i]) continue;
			double[] c = current.apply(m.scanUm.get(i), new double[3]), r = m.refUm.get(i);
			centres.add(c);
			disp.add(new double[] { r[0] - c[0], r[1] - c[1], r[2] - c[2] });
			double[][] s = m.blocks.get(i).tensor, su = new double[3][3];
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++)
					su[a][b] = s[a][b] * inv[a] * inv[b]; // per-voxel gradients to per-µm
			tensors.add(su);
		}
		Affine3D refined = AnisotropicFit.refine(current, centres, disp, tensors, motion, v.depth() == 1);
		if (refined == null) return fit;
		double[][] allS = m.scanUm.toArray(new double[0][]), allR = m.refUm.toArray(new double[0][]);
		double[] res = new double[m.size()];
		RigidFit.residuals(refined, allS, allR, res);
		return new RigidFit.Result(refined, res, fit.inliers);
	}

	private static RigidFit.Result fitAccepted(BlockMatcher.Matches m, boolean[] accepted, RigidFit.Motion motion, double floorUm) {
		int n = count(accepted);
		double[][] sp = new double[n][], rp = new double[n][];
		double[] w = new double[n];
		int k = 0;
		for (int i = 0; i < m.size(); i++)
			if (accepted[i]) {
				sp[k] = m.scanUm.get(i);
				rp[k] = m.refUm.get(i);
				// Shi–Tomasi weight: a block textured in one direction only (windings, layers) measures the
				// displacement along that direction and shrinks the other; it must count less
				w[k] = m.blocks.get(i).texture;
				k++;
			}
		double wMax = java.util.Arrays.stream(w).max().orElse(1);
		for (int i = 0; i < n; i++)
			w[i] = wMax > 0 ? w[i] / wMax : 1;
		RigidFit.Result r = RigidFit.robust(sp, rp, w, motion, floorUm);
		// expand to all matches: rejected blocks get their residual under the final transform, inlier = false
		double[][] allS = m.scanUm.toArray(new double[0][]), allR = m.refUm.toArray(new double[0][]);
		double[] res = new double[m.size()];
		RigidFit.residuals(r.transform, allS, allR, res);
		boolean[] inl = new boolean[m.size()];
		k = 0;
		for (int i = 0; i < m.size(); i++)
			if (accepted[i]) inl[i] = r.inliers[k++];
		return new RigidFit.Result(r.transform, res, inl);
	}

	private static Table blockTable(BlockMatcher.Matches m, RigidFit.Result fit, boolean[] accepted, Affine3D t) {
		Table table = new Table("Registration blocks", "block", "x_um", "y_um", "z_um", "dx_um", "dy_um", "dz_um", "residual_um", "ncc", "inlier");
		if (m == null) return table;
		for (int i = 0; i < m.size(); i++) {
			double[] r = m.refUm.get(i), sc = m.scanUm.get(i);
			table.addRow(i, r[0], r[1], r[2], r[0] - sc[0], r[1] - sc[1], r[2] - sc[2], fit.residualsUm[i], m.ncc.get(i), fit.inliers[i] ? 1 : 0);
		}
		return table;
	}

	private static boolean[] allTrue(int n) {
		boolean[] b = new boolean[n];
		Arrays.fill(b, true);
		return b;
	}

	private static int count(boolean[] b) {
		int c = 0;
		for (boolean v : b)
			if (v) c++;
		return c;
	}

	static double median(double[] v) {
		Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
	}
}
