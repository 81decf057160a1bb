package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The per-scan sample drift of an operando series: scan 0 is the reference (identity); every later scan gets
 * an independent random rigid transform — translations uniform within ±{@code driftTranslationVoxels} per axis
 * (sub-voxel), a rotation about the vertical axis within ±{@code driftRotationZDeg} and tilts about x and y
 * within ±{@code driftTiltDeg} — about the centre of the volume. Each transform maps a point of the scan to the
 * reference frame (the alignment convention of issue 6).
 */
public final class DriftModel {
	private DriftModel() {}

	/** Centre of rotation of the drift: the centre of the volume, µm. */
	public static double[] centreUm(CellParameters p) {
		double v = p.voxelUm();
		return new double[] { 0.5 * (p.widthVoxels() - 1) * v, 0.5 * (p.heightVoxels() - 1) * v, 0.5 * (p.depthVoxels() - 1) * v };
	}

	public static List<RigidTransform> transforms(CellParameters p) {
		if (p.driftTransforms() != null) return new ArrayList<>(p.driftTransforms());
		SplittableRandom r = Seeds.random(p.seed(), Seeds.DRIFT, 0);
		double[] c = centreUm(p);
		List<RigidTransform> out = new ArrayList<>();
		for (int s = 0; s < p.scanCount(); s++) {
			double tmax = p.driftTranslationVoxels() * p.voxelUm();
			double[] t = { sym(r) * tmax, sym(r) * tmax, sym(r) * tmax };
			double rx = sym(r) * p.driftTiltDeg(), ry = sym(r) * p.driftTiltDeg(), rz = sym(r) * p.driftRotationZDeg();
			out.add(s == 0 ? RigidTransform.identity() : RigidTransform.of(rx, ry, rz, c, t));
		}
		return out;
	}

	private static double sym(SplittableRandom r) {
		return 2 * r.nextDouble() - 1;
	}
}
