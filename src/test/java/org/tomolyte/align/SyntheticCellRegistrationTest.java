package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.SyntheticCellData;
import org.tomolyte.task.Progress;

/**
 * Registration of the project's own synthetic cell (org.tomolyte.synth.cell, 96 × 96 × 64, 1.3 µm voxels,
 * random sub-voxel drift and tilt, lab-frame rings, a crack, a chip and liquid metal that change by design)
 * against the generator's truth transforms: point error over the corners and centre of the volume, and the
 * rotation angle of estimate ∘ truth⁻¹.
 */
class SyntheticCellRegistrationTest {

	/**
	 * The issue's targets: translation RMS ≤ 0.1 voxel and rotation ≤ 0.05° at the default noise and rings,
	 * ≤ 0.3 voxel at three times the noise, every scan converged, for two seeds (two drifts, textures, crack
	 * and chip placements). Block matching alone gave 0.08–0.15 voxel and 0.06–0.13° here, and 0.5–0.8 voxel
	 * at three times the noise; the intensity refinement with the lab-frame ring model brings it to ≤ 0.065
	 * voxel and ≤ 0.045° (≤ 0.09 voxel at 3× noise).
	 */
	@Test
	void meetsTheIssueTargetsSeed1() {
		meetsTheIssueTargets(1);
	}

	@Test
	void meetsTheIssueTargetsSeed2() {
		meetsTheIssueTargets(2);
	}

	private static void meetsTheIssueTargets(long seed) {
		double[] n1 = register(seed, 1, new AlignSettings()), n3 = register(seed, 3, new AlignSettings());
		assertTrue(n1[0] <= 0.1 && n1[1] <= 0.05, String.format(Locale.ROOT, "seed %d noise 1: %.3f voxel, %.3f°", seed, n1[0], n1[1]));
		assertTrue(n3[0] <= 0.3, String.format(Locale.ROOT, "seed %d noise 3: %.3f voxel", seed, n3[0]));
	}

	/**
	 * Rings fixed in the lab frame, three times the default strength, at half the default noise: they pull an
	 * intensity match towards the drift the rings do not have, unless they are estimated along with it.
	 */
	@Test
	void labFrameRingsAreModelledNotMatched() {
		CellParameters d = CellParameters.defaults();
		CellParameters p = d.toBuilder().seed(1).noiseSigmaPerCm(d.noiseSigmaPerCm() * 0.5).ringStrengthPerCm(d.ringStrengthPerCm() * 3).projections(null).build();
		double[] with = register(p, new AlignSettings()), without = register(p, new AlignSettings().labRingModel(false));
		assertTrue(with[0] <= 0.12, String.format(Locale.ROOT, "with the ring model: %.3f voxel, %.3f°", with[0], with[1]));
		assertTrue(without[0] > 1.5 * with[0], String.format(Locale.ROOT, "without the ring model %.3f voxel vs %.3f with it", without[0], with[0]));
	}

	/**
	 * Scans too large for memory ({@link TimeSeriesAligner#alignStreaming}, read slice by slice, registered on
	 * copies downsampled by 2, then refined at full resolution from the slices): the same targets as in memory,
	 * on the cell at scale 2 (192 × 192 × 128, so that the copies are the size of the default cell).
	 * On the copies alone the error is about a tenth of a copy voxel (0.1–0.3 voxel here), so this fails
	 * without the full-resolution stage. Each scan is read slice by slice a bounded number of times.
	 */
	@Test
	void streamingFromSlicesMeetsTheIssueTargets() {
		CellParameters d = CellParameters.defaults();
		for (double noise : new double[] { 1, 3 }) {
			CellParameters p = CellParameters.builder().scale(2).seed(1).noiseSigmaPerCm(d.noiseSigmaPerCm() * noise).projections(null).build();
			SyntheticCellData cell = org.tomolyte.synth.cell.SyntheticCell.generate(p, Progress.NONE);
			List<Volume> scans = cell.scans();
			int[] reads = new int[scans.size()];
			List<SliceSource> sources = new java.util.ArrayList<>();
			for (int i = 0; i < scans.size(); i++)
				sources.add(TimeSeriesAlignerTest.counting(scans.get(i), reads, i));
			List<String> names = new java.util.ArrayList<>();
			for (int i = 0; i < scans.size(); i++)
				names.add("t0" + i);
			AlignResult r = TimeSeriesAligner.alignStreaming(sources, names, 2, new AlignSettings().levelInterface(false).acceptUnconverged(true), i -> (z, sl) -> {},
					Progress.NONE);
			double worstT = 0, worstR = 0;
			for (int i = 1; i < scans.size(); i++) {
				assertTrue(r.registrations().get(i).converged(), r.registrations().get(i).message());
				assertTrue(r.registrations().get(i).message().contains("full resolution"), r.registrations().get(i).message());
				double[] e = errors(r.transforms().get(i), Affine3D.of(rowMajor(cell.truth().scans.get(i).transform)), scans.get(0));
				worstT = Math.max(worstT, e[0]);
				worstR = Math.max(worstR, e[1]);
				int depth = scans.get(i).depth();
				// downsampling, one or two passes for patches, resampling: a few sweeps, not a read per sample
				assertTrue(reads[i] <= 8 * depth, "scan " + i + " read " + reads[i] + " slices (depth " + depth + ")");
			}
			System.out.printf(Locale.ROOT, "streaming, seed 1, noise %.0f: worst %.3f voxel, %.3f°%n", noise, worstT, worstR);
			if (noise == 1) assertTrue(worstT <= 0.1 && worstR <= 0.05, String.format(Locale.ROOT, "noise 1: %.3f voxel, %.3f°", worstT, worstR));
			else assertTrue(worstT <= 0.3, String.format(Locale.ROOT, "noise 3: %.3f voxel", worstT));
		}
	}

	/** Worst RMS point error (voxels) and rotation error (degrees) over scans 1…; fails if a scan does not converge. */
	private static double[] register(long seed, double noise, AlignSettings settings) {
		CellParameters d = CellParameters.defaults();
		return register(d.toBuilder().seed(seed).noiseSigmaPerCm(d.noiseSigmaPerCm() * noise).projections(null).build(), settings);
	}

	private static double[] register(CellParameters p, AlignSettings settings) {
		SyntheticCellData cell = org.tomolyte.synth.cell.SyntheticCell.generate(p, Progress.NONE);
		List<Volume> scans = cell.scans();
		AlignResult r = TimeSeriesAligner.align(scans, settings.keepAlignedVolumes(false).acceptUnconverged(true), Progress.NONE);
		double worstT = 0, worstR = 0;
		for (int i = 1; i < scans.size(); i++) {
			assertTrue(r.registrations().get(i).converged(), r.registrations().get(i).message());
			Affine3D truth = Affine3D.of(rowMajor(cell.truth().scans.get(i).transform));
			double[] e = errors(r.transforms().get(i), truth, scans.get(0));
			worstT = Math.max(worstT, e[0]);
			worstR = Math.max(worstR, e[1]);
		}
		return new double[] { worstT, worstR };
	}

	static double[] rowMajor(double[][] m) {
		double[] v = new double[12];
		for (int r = 0; r < 3; r++)
			System.arraycopy(m[r], 0, v, 4 * r, 4);
		return v;
	}

	/** RMS point error (voxels) over the 8 corners and the centre, and the rotation angle (degrees) of est ∘ truth⁻¹. */
	static double[] errors(Affine3D est, Affine3D truth, Volume v) {
		double vx = v.voxelXUm();
		double[] size = { (v.width() - 1) * vx, (v.height() - 1) * v.voxelYUm(), (v.depth() - 1) * v.voxelZUm() };
		double s = 0;
		for (int c = 0; c < 9; c++) {
			double[] p = c < 8 ? new double[] { (c & 1) * size[0], ((c >> 1) & 1) * size[1], ((c >> 2) & 1) * size[2] }
					: new double[] { size[0] / 2, size[1] / 2, size[2] / 2 };
			double[] a = est.apply(p, new double[3]), b = truth.apply(p, new double[3]);
			for (int k = 0; k < 3; k++)
				s += (a[k] - b[k]) * (a[k] - b[k]);
		}
		double[] m = est.concatenate(truth.inverse()).toArray();
		double cos = (m[0] + m[5] + m[10] - 1) / 2;
		return new double[] { Math.sqrt(s / 9) / vx, Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos)))) };
	}
}
