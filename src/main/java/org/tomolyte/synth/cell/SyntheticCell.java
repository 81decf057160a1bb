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
	 * Generates every scan, label volume, the truth and the projections, all in memory. Deterministic: the
	 * same parameters (seed included) give identical bytes whatever the thread count.
	 *
	 * @throws SyntheticCellException if the geometry cannot be built from the parameters
	 * @throws org.tomolyte.task.CancelledException if {@code progress} asks to stop
	 */
	public static SyntheticCellData generate(CellParameters p, Progress progress) {
		ProjectionParameters pp = p.projections();
		double openShare = pp == null ? 0.02 : 0.15;
		SyntheticCellSeries series = open(p, progress.sub(0, openShare));
		int n = p.scanCount();
		List<Volume> scans = new ArrayList<>(), labels = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			RenderedScan r = series.render(i, progress.sub(openShare + (1 - openShare) * i / n, openShare + (1 - openShare) * (i + 1) / n));
			scans.add(r.scan());
			labels.add(r.labels());
		}
		progress.report(1, "Synthetic cell ready");
		return new SyntheticCellData(p, series.geometry(), scans, labels, series.truth(), series.projections());
	}

	/**
	 * Builds the cell's geometry, drift, truth and projections without rendering the scans; render them one
	 * at a time with {@link SyntheticCellSeries#render} (bounded memory for full-size runs, see
	 * {@link SyntheticCellWriter#write(SyntheticCellSeries, java.nio.file.Path, double[], Progress)}).
	 */
	public static SyntheticCellSeries open(CellParameters p, Progress progress) {
		return new SyntheticCellSeries(p, progress);
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
