package org.tomolyte.synth.cell;

import java.util.Collections;
import java.util.List;

import org.tomolyte.model.Volume;

/**
 * Everything {@link SyntheticCell#generate} makes: one reconstructed-like scan per time point (µ in cm⁻¹,
 * calibrated µm, in the scan's own drifted frame), the matching label volumes (values 0–6, see
 * {@link Material}), the truth, and the raw projections of the chosen slices.
 */
public final class SyntheticCellData {
	private final CellParameters parameters;
	private final CellGeometry geometry;
	private final List<Volume> scans;
	private final List<Volume> labels;
	private final CellTruth truth;
	private final List<ProjectionData> projections;

	SyntheticCellData(CellParameters parameters, CellGeometry geometry, List<Volume> scans, List<Volume> labels, CellTruth truth, List<ProjectionData> projections) {
		this.parameters = parameters;
		this.geometry = geometry;
		this.scans = Collections.unmodifiableList(scans);
		this.labels = Collections.unmodifiableList(labels);
		this.truth = truth;
		this.projections = Collections.unmodifiableList(projections);
	}

	public CellParameters parameters() {
		return parameters;
	}

	/** The continuous geometry (for exact look-ups: {@code geometry().phantom(i).classify(x, y, z)}). */
	public CellGeometry geometry() {
		return geometry;
	}

	public List<Volume> scans() {
		return scans;
	}

	public List<Volume> labels() {
		return labels;
	}

	public CellTruth truth() {
		return truth;
	}

	public List<ProjectionData> projections() {
		return projections;
	}
}
