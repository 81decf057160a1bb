package org.tomolyte.align;

import java.util.Collections;
import java.util.List;

import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/**
 * The outcome of {@link SliceAligner#align}: for every slice the in-plane transform (µm) that maps it onto the
 * reference slice, the pairwise registrations behind it, and the aligned stack.
 */
public final class SliceAlignResult {
	private final List<Affine3D> transforms;
	private final List<RegistrationResult> pairs;
	private final Volume aligned;
	private final int referenceSlice;

	SliceAlignResult(List<Affine3D> transforms, List<RegistrationResult> pairs, Volume aligned, int referenceSlice) {
		this.transforms = Collections.unmodifiableList(transforms);
		this.pairs = Collections.unmodifiableList(pairs);
		this.aligned = aligned;
		this.referenceSlice = referenceSlice;
	}

	/** Slice → reference-slice transform (x, y in µm; z untouched) for every slice. */
	public List<Affine3D> transforms() { return transforms; }

	/** Registration of slice z to its neighbour towards the reference; null at the reference slice. */
	public List<RegistrationResult> pairs() { return pairs; }

	/** The aligned stack (same size and calibration; uncovered pixels are 0), or null when not requested. */
	public Volume aligned() { return aligned; }

	public int referenceSlice() { return referenceSlice; }

	/** {@code slice, dx_um, dy_um, angle_deg, residual_um, converged}: the cumulative transform per slice. */
	public Table table() {
		Table t = new Table("Slice alignment", "slice", "dx_um", "dy_um", "angle_deg", "residual_um", "converged");
		for (int z = 0; z < transforms.size(); z++) {
			Affine3D a = transforms.get(z);
			RegistrationResult r = pairs.get(z);
			t.addRow(z + 1, a.get(0, 3), a.get(1, 3), Math.toDegrees(Math.atan2(a.get(1, 0), a.get(0, 0))), r == null ? 0.0 : r.inlierRmsUm(),
					r == null || r.converged() ? 1 : 0);
		}
		return t;
	}
}
