package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomolyte.align.Affine3D;
import org.tomolyte.align.AlignSettings;
import org.tomolyte.align.Interpolation;
import org.tomolyte.align.OutputGrid;
import org.tomolyte.align.RegistrationResult;
import org.tomolyte.align.Resampler;
import org.tomolyte.align.RigidRegistration;
import org.tomolyte.model.Volume;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.CellTruth;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.synth.cell.SyntheticCellData;
import org.tomolyte.task.Progress;

/**
 * Registration error on the synthetic cell against its truth transforms, per seed and noise factor (system
 * properties seeds, noises, rings, tex, bs, mb, it, tol, wh, band, ap, sup, am, cubic, mask=labels to keep,
 * blocks=true for per-block errors); argument "convention" checks the truth convention by resampling.
 */
public final class AlignSyntheticCellBench {
	public static void main(String[] args) {
		String mode = args.length > 0 ? args[0] : "register";
		long[] seeds = java.util.Arrays.stream(System.getProperty("seeds", "1,2").split(",")).mapToLong(Long::parseLong).toArray();
		double[] noises = java.util.Arrays.stream(System.getProperty("noises", "1,3").split(",")).mapToDouble(Double::parseDouble).toArray();
		if (mode.equals("convention")) {
			convention();
			return;
		}
		for (long seed : seeds)
			for (double noise : noises) {
				CellParameters d = CellParameters.defaults();
				CellParameters p = d.toBuilder().seed(seed).noiseSigmaPerCm(d.noiseSigmaPerCm() * noise)
						.ringStrengthPerCm(d.ringStrengthPerCm() * Double.parseDouble(System.getProperty("rings", "1")))
						.texture(d.textureStrength() * Double.parseDouble(System.getProperty("tex", "1")), d.textureScaleUm()).projections(null).build();
				SyntheticCellData cell = SyntheticCell.generate(p, Progress.NONE);
				List<Volume> scans = cell.scans();
				for (int i = 1; i < scans.size(); i++) {
					long t0 = System.nanoTime();
					AlignSettings st = settings();
					if (System.getProperty("mask") != null) {
						Volume lab = cell.labels().get(0);
						Volume m = new Volume(lab.width(), lab.height(), lab.depth(), lab.voxelXUm());
						String keep = System.getProperty("mask");
						for (int z = 0; z < lab.depth(); z++) for (int y = 0; y < lab.height(); y++) for (int x = 0; x < lab.width(); x++)
							if (keep.contains(Integer.toString((int) lab.get(x, y, z)))) m.set(x, y, z, 1f);
						st.mask(m);
					}
					RegistrationResult r = RigidRegistration.register(scans.get(0), scans.get(i), st, null, "t" + i, Progress.NONE);
					double ms = (System.nanoTime() - t0) / 1e6;
					Affine3D truth = Affine3D.of(flat(cell.truth().scans.get(i).transform));
					double[] e = errors(r.transform(), truth, scans.get(0));
					System.out.printf(Locale.ROOT, "seed %d noise %.0f scan %d: rms %.3f vox max %.3f vox rot %.4f deg conv %s it %d inl %d %.0f ms%n", seed, noise, i,
							e[0], e[1], e[2], r.converged(), r.iterations(), r.inlierCount(), ms);
					if (Boolean.getBoolean("comp")) {
						Volume v0 = scans.get(0);
						double vx = v0.voxelXUm();
						double[] c = { (v0.width() - 1) * vx / 2, (v0.height() - 1) * vx / 2, (v0.depth() - 1) * v0.voxelZUm() / 2 };
						double[] a = r.transform().apply(c, new double[3]), b = truth.apply(c, new double[3]);
						Affine3D dlt = r.transform().concatenate(truth.inverse());
						double[] rd = dlt.rotationDegrees();
						System.out.printf(Locale.ROOT, "   centre error (%.3f %.3f %.3f) vox, rotation error (%.4f %.4f %.4f) deg%n", (a[0] - b[0]) / vx,
								(a[1] - b[1]) / vx, (a[2] - b[2]) / vx, rd[0], rd[1], rd[2]);
					}
					if (!r.converged() || Boolean.getBoolean("msg")) System.out.println("   " + r.message());
					if (Boolean.getBoolean("blocks")) {
						org.tomolyte.model.Table b = r.blocks();
						double[] x = b.column("x_um"), y = b.column("y_um"), z = b.column("z_um"), dx = b.column("dx_um"), dy = b.column("dy_um"), dz = b.column("dz_um"),
								res = b.column("residual_um"), ncc = b.column("ncc"), inl = b.column("inlier");
						Volume lab = cell.labels().get(0);
						double vx = lab.voxelXUm();
						for (int k = 0; k < x.length; k++) {
							double[] sc = { x[k] - dx[k], y[k] - dy[k], z[k] - dz[k] };
							double[] tr = truth.apply(sc, new double[3]);
							int[] hist = new int[16];
							int cx = (int) Math.round(x[k] / vx), cy = (int) Math.round(y[k] / vx), cz = (int) Math.round(z[k] / vx);
							for (int zz = cz - 16; zz < cz + 16; zz += 2) for (int yy = cy - 16; yy < cy + 16; yy += 2) for (int xx = cx - 16; xx < cx + 16; xx += 2)
								if (xx >= 0 && yy >= 0 && zz >= 0 && xx < lab.width() && yy < lab.height() && zz < lab.depth()) hist[(int) lab.get(xx, yy, zz)]++;
							System.out.printf(Locale.ROOT, "  blk (%3d %3d %3d) err (%6.3f %6.3f %6.3f) vox res %.3f ncc %.3f in %d labels %s%n", cx, cy, cz,
									(x[k] - tr[0]) / vx, (y[k] - tr[1]) / vx, (z[k] - tr[2]) / vx, res[k] / vx, ncc[k], (int) inl[k], java.util.Arrays.toString(hist));
						}
					}
				}
			}
	}

	static AlignSettings settings() {
		AlignSettings s = new AlignSettings().acceptUnconverged(true);
		String v;
		if ((v = System.getProperty("bs")) != null) s.blockSize(Integer.parseInt(v));
		if ((v = System.getProperty("mb")) != null) s.maxBlocks(Integer.parseInt(v));
		if ((v = System.getProperty("it")) != null) s.maxIterations(Integer.parseInt(v));
		if ((v = System.getProperty("tol")) != null) s.toleranceVoxels(Double.parseDouble(v));
		if ((v = System.getProperty("wh")) != null) s.whitening(Double.parseDouble(v));
		if ((v = System.getProperty("band")) != null) s.bandLimit(Double.parseDouble(v));
		if ((v = System.getProperty("ap")) != null) s.apertureAware(Boolean.parseBoolean(v));
		if ((v = System.getProperty("sup")) != null) s.suppressAxialRings(Boolean.parseBoolean(v));
		if ((v = System.getProperty("finest")) != null) s.finestFactor(Integer.parseInt(v));
		if ((v = System.getProperty("sm")) != null) s.refineSmoothingVoxels(Double.parseDouble(v));
		if ((v = System.getProperty("lrm")) != null) s.labRingModel(Boolean.parseBoolean(v));
		if ((v = System.getProperty("refine")) != null) s.intensityRefinement(Boolean.parseBoolean(v));
		if ((v = System.getProperty("am")) != null) s.autoMask(Boolean.parseBoolean(v));
		if ((v = System.getProperty("cubic")) != null) s.matchInterpolation(Interpolation.CUBIC);
		return s;
	}

	static double[] flat(double[][] m) {
		double[] v = new double[12];
		for (int r = 0; r < 3; r++)
			System.arraycopy(m[r], 0, v, 4 * r, 4);
		return v;
	}

	/** RMS and max point error (voxels) over the 8 corners and centre, and the rotation angle of est∘truth⁻¹ (degrees). */
	static double[] errors(Affine3D est, Affine3D truth, Volume v) {
		double vx = v.voxelXUm();
		double[] size = { (v.width() - 1) * vx, (v.height() - 1) * vx, (v.depth() - 1) * vx };
		double s = 0, max = 0;
		int n = 0;
		for (int c = 0; c < 9; c++) {
			double[] p = c < 8 ? new double[] { (c & 1) * size[0], ((c >> 1) & 1) * size[1], ((c >> 2) & 1) * size[2] }
					: new double[] { size[0] / 2, size[1] / 2, size[2] / 2 };
			double[] a = est.apply(p, new double[3]), b = truth.apply(p, new double[3]);
			double d2 = 0;
			for (int k = 0; k < 3; k++) d2 += (a[k] - b[k]) * (a[k] - b[k]);
			s += d2;
			n++;
			max = Math.max(max, Math.sqrt(d2) / vx);
		}
		double[] m = est.concatenate(truth.inverse()).toArray();
		double tr = m[0] + m[5] + m[10];
		double rot = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (tr - 1) / 2))));
		return new double[] { Math.sqrt(s / n) / vx, max, rot };
	}

	/** Resamples each drifted clean scan through its truth transform and compares it with the clean, undrifted reference. */
	static void convention() {
		CellParameters p = CellParameters.defaults().toBuilder().seed(1).clean().projections(null).build();
		SyntheticCellData cell = SyntheticCell.generate(p, Progress.NONE);
		SyntheticCellData still = SyntheticCell.generate(p.toBuilder().noDrift().build(), Progress.NONE);
		Volume ref0 = cell.scans().get(0);
		for (int i = 1; i < cell.scans().size(); i++) {
			Affine3D truth = Affine3D.of(flat(cell.truth().scans.get(i).transform));
			Volume still_i = still.scans().get(i);
			for (Affine3D t : new Affine3D[] { truth, truth.inverse(), Affine3D.identity() }) {
				Volume res = Resampler.resample(cell.scans().get(i), t, OutputGrid.of(ref0), Interpolation.LINEAR, Float.NaN, 1, Progress.NONE);
				System.out.printf(Locale.ROOT, "scan %d %s: rms diff vs undrifted %.5f (interior)%n", i, t == truth ? "truth" : t.equals(Affine3D.identity()) ? "identity" : "inverse",
						rmsDiff(res, still_i));
			}
		}
	}

	static double rmsDiff(Volume a, Volume b) {
		double s = 0;
		long n = 0;
		for (int z = 8; z < a.depth() - 8; z++)
			for (int y = 8; y < a.height() - 8; y++)
				for (int x = 8; x < a.width() - 8; x++) {
					double u = a.get(x, y, z), w = b.get(x, y, z);
					if (Double.isNaN(u)) continue;
					s += (u - w) * (u - w);
					n++;
				}
		return Math.sqrt(s / n);
	}
}
