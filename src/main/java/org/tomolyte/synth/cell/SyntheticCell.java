package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Façade of the synthetic operando XCT generator: parameters in, scans + labels + truth + projections out.
 * Models the in-situ plating experiment of Wu &amp; Hatzell 2025 (NaK | NASICON, 0.7 mA cm⁻², crack initiating at
 * the contact edge, edge chipping, NaK infiltration, short circuit near 0.5 mAh cm⁻²) so alignment, interface,
 * crack and chip measurements can be tested against known truth.
 *
 * <pre>
 * SyntheticCellData d = SyntheticCell.generate(CellParameters.defaults(), Progress.NONE);
 * Volume scan2 = d.scans().get(2);                 // µ in cm⁻¹, drifted frame of scan 2
 * double depth = d.truth().scans.get(4).crack.depthUm;
 * </pre>
 */
public final class SyntheticCell {
	private SyntheticCell() {}

	/**
	 * Generates every scan, label volume, the truth and the projections. Deterministic: the same parameters
	 * (seed included) give identical bytes whatever the thread count.
	 *
	 * @throws SyntheticCellException if the geometry cannot be built from the parameters
	 * @throws org.tomolyte.task.CancelledException if {@code progress} asks to stop
	 */
	public static SyntheticCellData generate(CellParameters p, Progress progress) {
		progress.report(0, "Building the synthetic cell geometry");
		CellGeometry g = new CellGeometry(p);
		List<RigidTransform> drifts = DriftModel.transforms(p);
		RingPattern rings = new RingPattern(p);
		int n = p.scanCount();
		ProjectionParameters pp = p.projections();
		double volumeShare = pp == null ? 1.0 : 0.85;
		List<Volume> scans = new ArrayList<>(), labels = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Progress sub = progress.sub(volumeShare * i / n, volumeShare * (i + 1) / n);
			CellPhantom ph = g.phantom(i);
			PhantomRenderer.Rendered r = PhantomRenderer.render(ph, drifts.get(i), p.supersampling(), p.threads(), sub.sub(0, 0.6));
			ImageDegradation.apply(r.attenuation, p, rings, i, sub.sub(0.6, 1));
			scans.add(r.attenuation);
			labels.add(r.labels);
		}
		List<ProjectionData> projections = new ArrayList<>();
		if (pp != null) {
			int scan = pp.scanIndex() < 0 ? n - 1 : pp.scanIndex();
			if (scan >= n) throw new SyntheticCellException("Projection parameter scanIndex = " + pp.scanIndex() + " but there are only " + n + " scans");
			int[] slices = pp.sliceIndices();
			if (slices.length == 0) slices = new int[] { defaultSlice(g, drifts.get(scan), scan) };
			for (int k = 0; k < slices.length; k++) {
				progress.checkCancelled();
				if (slices[k] < 0 || slices[k] >= p.depthVoxels())
					throw new SyntheticCellException("Projection parameter sliceIndices contains " + slices[k] + ", outside 0.." + (p.depthVoxels() - 1));
				projections.add(ProjectionSimulator.simulate(g.phantom(scan), drifts.get(scan), slices[k], pp, p.seed()));
				progress.report(volumeShare + (1 - volumeShare) * (k + 1) / slices.length, "Simulating projections");
			}
		}
		List<CellTruth.ProjectionTruth> pt = new ArrayList<>();
		for (ProjectionData d : projections) pt.add(d.truth());
		CellTruth truth = TruthBuilder.build(g, drifts, rings, pt);
		progress.report(1, "Synthetic cell ready");
		return new SyntheticCellData(p, g, scans, labels, truth, projections);
	}

	/** The slice (scan frame) through the crack at half its depth in that scan, or through the interface if no crack. */
	static int defaultSlice(CellGeometry g, RigidTransform scanToReference, int scan) {
		ScanState st = g.states().get(scan);
		double[] o = g.crackOriginUm();
		double depth = st.crack() != null ? 0.5 * st.crack().depthUm() : 0;
		double[] q = scanToReference.inverse().apply(new double[] { o[0], o[1], o[2] - depth });
		int z = (int) Math.round(q[2] / g.params().voxelUm());
		return Math.max(0, Math.min(g.params().depthVoxels() - 1, z));
	}
}
