package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tomolyte.task.Progress;

/**
 * A synthetic cell whose scans are rendered on demand, one at a time, so full-size stress runs need memory for
 * one scan only; the geometry, drift, truth and projections are made when the series is opened. Obtain one
 * from {@link SyntheticCell#open}.
 */
public final class SyntheticCellSeries {
	private final CellParameters params;
	private final CellGeometry geometry;
	private final List<RigidTransform> drifts;
	private final RingPattern rings;
	private final List<ProjectionData> projections;
	private final CellTruth truth;

	SyntheticCellSeries(CellParameters p, Progress progress) {
		progress.report(0, "Building the synthetic cell geometry");
		this.params = p;
		this.geometry = new CellGeometry(p);
		this.drifts = DriftModel.transforms(p);
		this.rings = new RingPattern(p);
		List<ProjectionData> proj = new ArrayList<>();
		ProjectionParameters pp = p.projections();
		if (pp != null) {
			int n = p.scanCount();
			int scan = pp.scanIndex() < 0 ? n - 1 : pp.scanIndex();
			if (scan >= n) throw new SyntheticCellException("Projection parameter scanIndex = " + pp.scanIndex() + " but there are only " + n + " scans");
			int[] slices = pp.sliceIndices();
			if (slices.length == 0) slices = new int[] { SyntheticCell.defaultSlice(geometry, drifts.get(scan), scan) };
			for (int k = 0; k < slices.length; k++) {
				progress.checkCancelled();
				if (slices[k] < 0 || slices[k] >= p.depthVoxels())
					throw new SyntheticCellException("Projection parameter sliceIndices contains " + slices[k] + ", outside 0.." + (p.depthVoxels() - 1));
				proj.add(ProjectionSimulator.simulate(geometry.phantom(scan), drifts.get(scan), slices[k], pp, p.seed()));
				progress.report((k + 1.0) / slices.length, "Simulating projections");
			}
		}
		this.projections = Collections.unmodifiableList(proj);
		List<CellTruth.ProjectionTruth> pt = new ArrayList<>();
		for (ProjectionData d : proj) pt.add(d.truth());
		this.truth = TruthBuilder.build(geometry, drifts, rings, pt);
		progress.report(1, null);
	}

	/**
	 * Renders scan {@code i}: partial-volume phantom in the scan's drifted frame, blur, lab-frame rings and
	 * noise, plus its labels. The same scan always renders to the same bytes.
	 */
	public RenderedScan render(int i, Progress progress) {
		if (i < 0 || i >= params.scanCount()) throw new SyntheticCellException("Scan index " + i + " is outside 0.." + (params.scanCount() - 1));
		RenderedScan r = PhantomRenderer.render(geometry.phantom(i), drifts.get(i), params.supersampling(), params.threads(), progress.sub(0, 0.6));
		ImageDegradation.apply(r.scan(), params, rings, i, progress.sub(0.6, 1));
		return r;
	}

	public int scanCount() {
		return params.scanCount();
	}

	public CellParameters parameters() {
		return params;
	}

	public CellGeometry geometry() {
		return geometry;
	}

	public CellTruth truth() {
		return truth;
	}

	public List<ProjectionData> projections() {
		return projections;
	}
}
