package org.tomolyte.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Façade of "Align Time Series": registers every operando scan rigidly to a reference scan
 * ({@link RigidRegistration}: verified phase correlation, masked block matching with a trimmed Kabsch fit,
 * then a robust intensity refinement over every sampled voxel with lab-frame rings modelled), optionally chains scan to scan with a consistency check, optionally levels the
 * electrolyte/liquid-metal interface ({@link InterfaceLeveller}), composes everything into one transform per
 * scan and resamples each scan once onto the field of view common to all.
 */
public final class TimeSeriesAligner {
	private TimeSeriesAligner() {}

	/** Aligns scans named "t00", "t01", … */
	public static AlignResult align(List<Volume> scans, AlignSettings settings, Progress progress) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++)
			names.add(String.format(Locale.ROOT, "t%02d", i));
		return align(scans, names, settings, progress);
	}

	/**
	 * Aligns the scans to scan {@code settings.referenceIndex()}. Throws {@link AlignException} for bad input,
	 * scans that do not overlap, and (unless {@code acceptUnconverged}) registrations that do not converge,
	 * naming the scan and its residuals.
	 */
	public static AlignResult align(List<Volume> scans, List<String> names, AlignSettings s, Progress progress) {
		if (scans.isEmpty()) throw new AlignException("No scans to align");
		if (names.size() != scans.size()) throw new AlignException("Need one name per scan: " + names.size() + " names for " + scans.size() + " scans");
		int refIndex = s.referenceIndex();
		if (refIndex >= scans.size()) throw new AlignException("Reference index " + refIndex + " is out of range: there are " + scans.size() + " scans");
		Volume ref = scans.get(refIndex);
		for (int i = 0; i < scans.size(); i++)
			RigidRegistration.checkCalibration(ref, scans.get(i), names.get(i));
		int n = scans.size();
		Affine3D[] t = new Affine3D[n];
		RegistrationResult[] reg = new RegistrationResult[n];
		List<String> warnings = new ArrayList<>();
		t[refIndex] = Affine3D.identity();
		double regShare = 0.7;
		int done = 0;
		double voxelUm = Math.min(ref.voxelXUm(), Math.min(ref.voxelYUm(), ref.voxelZUm()));
		// order: outward from the reference, so that chaining always has its neighbour ready
		List<Integer> order = new ArrayList<>();
		for (int i = refIndex + 1; i < n; i++)
			order.add(i);
		for (int i = refIndex - 1; i >= 0; i--)
			order.add(i);
		for (int i : order) {
			progress.checkCancelled();
			Progress sub = progress.sub(regShare * done / Math.max(1, n - 1), regShare * (done + 1) / Math.max(1, n - 1));
			RegistrationResult r;
			if (s.chain() && Math.abs(i - refIndex) > 1) {
				int prev = i > refIndex ? i - 1 : i + 1;
				RegistrationResult step = RigidRegistration.register(scans.get(prev), scans.get(i), s, null, names.get(i) + "→" + names.get(prev), sub.sub(0, 0.5));
				fail(step, s, warnings);
				Affine3D chained = t[prev].concatenate(step.transform());
				RegistrationResult direct = RigidRegistration.register(ref, scans.get(i), s, chained, names.get(i), sub.sub(0.5, 1));
				double diff = direct.transform().maxDifferenceUm(chained, ref.width() * ref.voxelXUm(), ref.height() * ref.voxelYUm(), ref.depth() * ref.voxelZUm()) / voxelUm;
				if (diff > s.chainToleranceVoxels()) {
					String w = String.format(Locale.ROOT, "Scan %s: chained and direct registration to %s differ by %.3f voxels (tolerance %.3f); %s",
							names.get(i), names.get(refIndex), diff, s.chainToleranceVoxels(), direct.message());
					if (!s.acceptUnconverged()) throw new AlignException(w + "; block residuals: " + residualSummary(step));
					warnings.add(w);
				}
				r = new RegistrationResult(chained, step.converged(), step.message() + String.format(Locale.ROOT, "; chain check: %.3f voxels from direct", diff),
						step.iterations() + direct.iterations(), step.inlierCount(), step.inlierRmsUm(), step.blocks());
			} else {
				r = RigidRegistration.register(ref, scans.get(i), s, null, names.get(i), sub);
				fail(r, s, warnings);
			}
			reg[i] = r;
			t[i] = r.transform();
			done++;
		}
		InterfaceResult level = null;
		if (s.levelInterface()) {
			progress.report(regShare, "Levelling the interface of " + names.get(refIndex));
			level = InterfaceLeveller.measure(ref, s.interfaceSettings(), Progress.NONE);
			for (int i = 0; i < n; i++)
				t[i] = level.levelling().concatenate(t[i]);
		}
		List<Affine3D> transforms = Arrays.asList(t);
		OutputGrid grid = s.cropToCommon() ? OutputGrid.commonFieldOfView(ref, scans, transforms) : OutputGrid.of(ref);
		List<Volume> aligned = new ArrayList<>();
		if (s.keepAlignedVolumes())
			for (int i = 0; i < n; i++) {
				progress.checkCancelled();
				aligned.add(Resampler.resample(scans.get(i), t[i], grid, s.outputInterpolation(), 0f, s.threads(),
						progress.sub(0.8 + 0.2 * i / n, 0.8 + 0.2 * (i + 1) / n)));
			}
		progress.report(1, "Aligned " + n + " scans");
		return new AlignResult(new ArrayList<>(names), new ArrayList<>(transforms), Arrays.asList(reg), level, grid, aligned, warnings, s.threads());
	}

	/**
	 * Aligns scans too large for memory. Each is box-averaged by {@code factor} while it is read slice by slice,
	 * and the registration (and levelling) runs on these copies. Then, for 3D scans with the intensity
	 * refinement on, every registration is refined at full resolution from the slices themselves (the reference
	 * is read once for its samples, each scan once or twice for patches around them; see
	 * {@link IntensityRefiner#refineFromDisk}), with lab-frame rings modelled, which brings the precision from
	 * about a tenth of a downsampled voxel to that of the in-memory path. Finally every scan is resampled at full
	 * resolution through its transform, streaming its slices to {@code sinks.apply(scanIndex)}. The returned
	 * transforms are full-resolution (scan µm → aligned µm). The block tables describe the downsampled copies,
	 * whose voxel (0,0,0) centre sits (factor − 1)/2 voxels into the full volume; the interface is measured on the
	 * reference's copy (its tilt, roughness and height map at the copy's resolution) but given in the full
	 * volume's frame. Heap
	 * use: the copies (1/factor³ of the scans), a few slices, and the refinement's samples (at most a sixth of
	 * the maximum heap).
	 */
	public static AlignResult alignStreaming(List<SliceSource> scans, List<String> names, int factor, AlignSettings s,
			java.util.function.IntFunction<SliceConsumer> sinks, Progress progress) {
		return alignStreaming(scans, names, factor, s, (i, grid) -> sinks.apply(i), progress);
	}

	/** Opens the receiver of one aligned scan's slices, once the output grid (its size and calibration) is known. */
	@FunctionalInterface
	public interface Sinks {
		SliceConsumer open(int scanIndex, OutputGrid grid);
	}

	/** As {@link #alignStreaming(List, List, int, AlignSettings, java.util.function.IntFunction, Progress)}, the sinks being told the output grid. */
	public static AlignResult alignStreaming(List<SliceSource> scans, List<String> names, int factor, AlignSettings s, Sinks sinks, Progress progress) {
		AlignSettings.atLeast("factor", factor, 1);
		if (scans.isEmpty()) throw new AlignException("No scans to align");
		if (names.size() != scans.size()) throw new AlignException("Need one name per scan: " + names.size() + " names for " + scans.size() + " scans");
		if (s.referenceIndex() >= scans.size()) throw new AlignException("Reference index " + s.referenceIndex() + " is out of range: there are " + scans.size() + " scans");
		// before anything is read: a wrong calibration should not cost a pass over every scan
		for (int i = 0; i < scans.size(); i++)
			RigidRegistration.checkCalibration(scans.get(s.referenceIndex()), scans.get(i), names.get(i));
		List<Volume> small = new ArrayList<>();
		for (int i = 0; i < scans.size(); i++) {
			progress.checkCancelled();
			progress.report(0.15 * i / scans.size(), "Downsampling " + names.get(i));
			small.add(Level.downsample(scans.get(i), factor, s.threads()).volume);
		}
		SliceSource ref = scans.get(s.referenceIndex());
		boolean refineFull = factor > 1 && s.intensityRefinement() && Math.min(ref.width(), Math.min(ref.height(), ref.depth())) >= 3;
		// box-averaging smears one-voxel rings below the ring model's bins while cell walls concentric with the
		// axis stay sharp enough to be mistaken for rings: no ring model on downsampled copies (the full-resolution
		// refinement models them)
		AlignSettings onCopies = s.copy().keepAlignedVolumes(false).cropToCommon(false).labRingModel(factor == 1 && s.labRingModel())
				.acceptUnconverged(s.acceptUnconverged() || refineFull);
		AlignResult coarse = align(small, names, onCopies, progress.sub(0.15, refineFull ? 0.3 : 0.5));
		double shift = (factor - 1) / 2.0;
		Affine3D toFull = Affine3D.translation(shift * ref.voxelXUm(), shift * ref.voxelYUm(), shift * ref.voxelZUm());
		List<RegistrationResult> regs = new ArrayList<>(coarse.registrations());
		InterfaceResult level = coarse.interfaceResult();
		Affine3D levelling = Affine3D.identity();
		if (level != null) {
			levelling = toFull.concatenate(level.levelling()).concatenate(toFull.inverse());
			boolean z = level.axis() == InterfaceSettings.Axis.Z;
			level = level.translated(shift * ref.voxelXUm(), shift * (z ? ref.voxelYUm() : ref.voxelZUm()), shift * (z ? ref.voxelZUm() : ref.voxelYUm()),
					levelling);
		}
		List<Affine3D> full = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		if (refineFull) {
			List<Affine3D> registered = new ArrayList<>();
			for (int i = 0; i < scans.size(); i++) {
				RegistrationResult g = regs.get(i);
				registered.add(g == null ? Affine3D.identity() : toFull.concatenate(g.transform()).concatenate(toFull.inverse()));
			}
			List<RegistrationResult> copyRegs = new ArrayList<>(regs);
			refineFromDisk(scans, names, factor, s, regs, registered, warnings, progress.sub(0.3, 0.5));
			for (Affine3D t : registered)
				full.add(levelling.concatenate(t));
			// the copies' warnings stand (chain checks, levelling), except non-convergence that the full-resolution
			// stage settled
			List<String> settled = new ArrayList<>();
			for (int i = 0; i < regs.size(); i++)
				if (copyRegs.get(i) != null && !copyRegs.get(i).converged() && regs.get(i).converged()) settled.add(copyRegs.get(i).message());
			for (String w : coarse.warnings())
				if (!settled.contains(w)) warnings.add(0, w);
		} else {
			warnings.addAll(coarse.warnings());
			for (Affine3D t : coarse.transforms())
				full.add(toFull.concatenate(t).concatenate(toFull.inverse()));
		}
		OutputGrid grid = s.cropToCommon() ? OutputGrid.commonFieldOfView(ref, scans, full)
				: new OutputGrid(ref.width(), ref.height(), ref.depth(), ref.voxelXUm(), ref.voxelYUm(), ref.voxelZUm(), 0, 0, 0);
		for (int i = 0; i < scans.size(); i++) {
			progress.checkCancelled();
			progress.report(0.5 + 0.5 * i / scans.size(), "Resampling " + names.get(i));
			Resampler.resample(scans.get(i), full.get(i), grid, s.outputInterpolation(), 0f, s.threads(), sinks.open(i, grid),
					progress.sub(0.5 + 0.5 * i / scans.size(), 0.5 + 0.5 * (i + 1) / scans.size()));
		}
		progress.report(1, "Aligned " + scans.size() + " scans");
		return new AlignResult(new ArrayList<>(names), full, regs, level, grid, new ArrayList<>(), warnings, s.threads());
	}

	/**
	 * The full-resolution stage of {@link #alignStreaming}: refines each {@code registered} transform (scan →
	 * reference, full-resolution µm) in place by intensity matching read from disk, and replaces its entry of
	 * {@code regs} by one that says how it went. A refinement is kept only if it converged within
	 * {@link RigidRegistration#MAX_REFINE_SHIFT_VOXELS} of the start; a scan whose registration on the copies did
	 * not converge counts as converged when its refinement did (the copies only give the start).
	 */
	private static void refineFromDisk(List<SliceSource> scans, List<String> names, int factor, AlignSettings s, List<RegistrationResult> regs,
			List<Affine3D> registered, List<String> warnings, Progress progress) {
		int refIndex = s.referenceIndex();
		SliceSource ref = scans.get(refIndex);
		Volume mask = s.mask();
		IntensityRefiner.VoxelMask vm = mask == null ? null : (x, y, z) -> {
			// the mask is at the size of the downsampled reference: full voxel x lies in copy voxel x / factor
			int mx = Math.min(x / factor, mask.width() - 1), my = Math.min(y / factor, mask.height() - 1), mz = Math.min(z / factor, mask.depth() - 1);
			return mask.slice(mz)[my * mask.width() + mx] != 0;
		};
		progress.report(0, "Sampling the reference " + names.get(refIndex) + " at full resolution");
		IntensityRefiner refiner = IntensityRefiner.streaming(ref, vm, s, Runtime.getRuntime().maxMemory() / 6, progress.sub(0, 0.2));
		RigidFit.Motion motion = s.translationOnly() ? RigidFit.Motion.TRANSLATION : RigidFit.Motion.RIGID_3D;
		double voxelUm = Math.min(ref.voxelXUm(), Math.min(ref.voxelYUm(), ref.voxelZUm()));
		double sizeX = ref.width() * ref.voxelXUm(), sizeY = ref.height() * ref.voxelYUm(), sizeZ = ref.depth() * ref.voxelZUm();
		int n = scans.size(), done = 0;
		for (int i = 0; i < n; i++) {
			if (i == refIndex) continue;
			progress.checkCancelled();
			Progress sub = progress.sub(0.2 + 0.8 * done / (n - 1), 0.2 + 0.8 * (done + 1) / (n - 1));
			done++;
			sub.report(0, "Refining " + names.get(i) + " at full resolution");
			RegistrationResult g = regs.get(i);
			Affine3D start = registered.get(i);
			IntensityRefiner.Result ir = refiner.refineFromDisk(scans.get(i), start, motion, s, sub);
			double moved = ir.transform.maxDifferenceUm(start, sizeX, sizeY, sizeZ);
			boolean kept = ir.converged && moved <= RigidRegistration.MAX_REFINE_SHIFT_VOXELS * voxelUm;
			String note = kept ? String.format(Locale.ROOT, "; full resolution (copies at factor %d): %s, %.3f voxel from the copies' result", factor, ir.message, moved / voxelUm)
					: String.format(Locale.ROOT, "; full resolution (copies at factor %d): %s%s: the copies' result kept (%s)", factor, ir.message,
							ir.converged ? String.format(Locale.ROOT, " but moved %.2f voxel (limit %.1f)", moved / voxelUm, RigidRegistration.MAX_REFINE_SHIFT_VOXELS) : "",
							g.converged() ? String.format(Locale.ROOT, "precision about %.2f voxel", 0.1 * factor) : "it did not converge either");
			if (kept) registered.set(i, ir.transform);
			boolean converged = kept || g.converged();
			RegistrationResult updated = new RegistrationResult(registered.get(i), converged, g.message() + note, g.iterations(), g.inlierCount(),
					g.inlierRmsUm(), g.blocks());
			regs.set(i, updated);
			if (!converged) {
				if (!s.acceptUnconverged())
					throw new AlignException("Registration did not converge. " + updated.message() + "; block residuals: " + residualSummary(updated)
							+ ". Check the mask, or set acceptUnconverged to keep the flagged result");
				warnings.add(updated.message());
			} else if (!kept) warnings.add("Scan " + names.get(i) + ": " + note.substring(2));
		}
	}

	private static void fail(RegistrationResult r, AlignSettings s, List<String> warnings) {
		if (r.converged()) return;
		if (!s.acceptUnconverged())
			throw new AlignException("Registration did not converge. " + r.message() + "; block residuals: " + residualSummary(r)
					+ ". Check the mask, or set acceptUnconverged to keep the flagged result");
		warnings.add(r.message());
	}

	static String residualSummary(RegistrationResult r) {
		double[] res = r.blocks().column("residual_um");
		if (res.length == 0) return "none (no block matched)";
		double[] sorted = res.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%d blocks, median %.3f µm, max %.3f µm, inlier RMS %.3f µm", res.length, sorted[res.length / 2],
				sorted[res.length - 1], r.inlierRmsUm());
	}
}
