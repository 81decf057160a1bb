package org.tomolyte.align;

import java.util.Collections;
import java.util.List;

import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * The outcome of {@link TimeSeriesAligner#align}: one composed transform per scan (registration and, when
 * asked, interface levelling; scan µm → aligned-frame µm), the registration evidence, the output grid (the
 * common field of view) and, when kept, the aligned volumes. Any other channel or label image of a scan can
 * be resampled through the same transform with {@link #resample}.
 */
public final class AlignResult {
	private final List<String> names;
	private final List<Affine3D> transforms;
	private final List<RegistrationResult> registrations;
	private final InterfaceResult interfaceResult;
	private final OutputGrid grid;
	private final List<Volume> aligned;
	private final List<String> warnings;
	private final int threads;

	AlignResult(List<String> names, List<Affine3D> transforms, List<RegistrationResult> registrations, InterfaceResult interfaceResult, OutputGrid grid,
			List<Volume> aligned, List<String> warnings, int threads) {
		this.names = Collections.unmodifiableList(names);
		this.transforms = Collections.unmodifiableList(transforms);
		this.registrations = Collections.unmodifiableList(registrations);
		this.interfaceResult = interfaceResult;
		this.grid = grid;
		this.aligned = Collections.unmodifiableList(aligned);
		this.warnings = Collections.unmodifiableList(warnings);
		this.threads = threads;
	}

	public List<String> scanNames() { return names; }

	/** Scan → aligned frame (µm), one per scan, the reference included (identity unless levelled). */
	public List<Affine3D> transforms() { return transforms; }

	/** Registration of each scan; null at the reference index. */
	public List<RegistrationResult> registrations() { return registrations; }

	/** The levelled interface of the reference, or null when levelling was off. */
	public InterfaceResult interfaceResult() { return interfaceResult; }

	/** The output grid in the aligned frame (origin = where its voxel (0,0,0) lies). */
	public OutputGrid grid() { return grid; }

	/** Aligned volumes on {@link #grid()}, or empty when {@code keepAlignedVolumes} was off. */
	public List<Volume> alignedVolumes() { return aligned; }

	/** Non-fatal findings: unconverged scans accepted on request, chain inconsistencies. */
	public List<String> warnings() { return warnings; }

	/** True when every registration converged and no chain check failed. */
	public boolean allConverged() {
		return warnings.isEmpty() && registrations.stream().allMatch(r -> r == null || r.converged());
	}

	/** The {@code transforms.csv} table (residual_um: inlier RMS of the blocks; 0 for the reference). */
	public Table transformTable() {
		double[] res = new double[transforms.size()];
		for (int i = 0; i < res.length; i++)
			res[i] = registrations.get(i) == null ? 0 : registrations.get(i).inlierRmsUm();
		return TransformTables.toTable(names, transforms, res);
	}

	/** Every scan's block table, with a leading {@code scan} column: the per-block residuals. */
	public Table residualTable() {
		Table out = null;
		for (int i = 0; i < registrations.size(); i++) {
			RegistrationResult r = registrations.get(i);
			if (r == null) continue;
			Table b = r.blocks();
			if (out == null) {
				java.util.List<String> cols = new java.util.ArrayList<>();
				cols.add("scan");
				cols.addAll(b.columns());
				out = new Table("Registration residuals", cols);
			}
			for (int row = 0; row < b.rowCount(); row++) {
				java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
				m.put("scan", names.get(i));
				m.putAll(b.row(row));
				out.addRow(m);
			}
		}
		return out != null ? out : new Table("Registration residuals", "scan", "block", "residual_um");
	}

	/**
	 * Resamples another volume of scan {@code index} (another channel, or a label image with NEAREST) onto the
	 * output grid, slice by slice.
	 */
	public void resample(int index, Volume other, Interpolation mode, SliceConsumer sink, Progress progress) {
		Resampler.resample(other, transforms.get(index), grid, mode, 0f, threads, sink, progress);
	}
}
