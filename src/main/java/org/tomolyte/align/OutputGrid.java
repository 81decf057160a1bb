package org.tomolyte.align;

import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Volume;

/**
 * The voxel grid of an aligned output in the reference frame: its size, voxel sizes and the position (µm,
 * reference frame) of the centre of its voxel (0,0,0). {@link #commonFieldOfView} crops the reference grid
 * to the largest axis-aligned box every scan covers under its transform.
 */
public final class OutputGrid {
	private final int width, height, depth;
	private final double voxelXUm, voxelYUm, voxelZUm;
	private final double originXUm, originYUm, originZUm;

	public OutputGrid(int width, int height, int depth, double voxelXUm, double voxelYUm, double voxelZUm, double originXUm, double originYUm, double originZUm) {
		if (width <= 0 || height <= 0 || depth <= 0) throw new AlignException("Output grid must have a positive size, got " + width + "×" + height + "×" + depth);
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.voxelXUm = voxelXUm;
		this.voxelYUm = voxelYUm;
		this.voxelZUm = voxelZUm;
		this.originXUm = originXUm;
		this.originYUm = originYUm;
		this.originZUm = originZUm;
	}

	/** The grid of the volume itself (origin 0). */
	public static OutputGrid of(Volume v) {
		return new OutputGrid(v.width(), v.height(), v.depth(), v.voxelXUm(), v.voxelYUm(), v.voxelZUm(), 0, 0, 0);
	}

	public int width() { return width; }
	public int height() { return height; }
	public int depth() { return depth; }
	public double voxelXUm() { return voxelXUm; }
	public double voxelYUm() { return voxelYUm; }
	public double voxelZUm() { return voxelZUm; }
	public double originXUm() { return originXUm; }
	public double originYUm() { return originYUm; }
	public double originZUm() { return originZUm; }

	/** Maps output voxel indices to reference µm. */
	Affine3D voxelToUm() {
		return Affine3D.of(voxelXUm, 0, 0, originXUm, 0, voxelYUm, 0, originYUm, 0, 0, voxelZUm, originZUm);
	}

	/**
	 * The largest box of the reference grid (same voxel size, integer offset) whose every voxel centre maps
	 * inside every scan ({@code scanToRef.get(i)} maps scan i into the reference frame). Throws when the scans
	 * have no common region.
	 */
	public static OutputGrid commonFieldOfView(Volume reference, List<Volume> scans, List<Affine3D> scanToRef) {
		List<SliceSource> s = new java.util.ArrayList<>();
		for (Volume v : scans)
			s.add(SliceSource.of(v));
		return commonFieldOfView(SliceSource.of(reference), s, scanToRef);
	}

	/** As {@link #commonFieldOfView(Volume, List, List)} for scans read slice by slice (only their sizes are used). */
	public static OutputGrid commonFieldOfView(SliceSource reference, List<SliceSource> scans, List<Affine3D> scanToRef) {
		int[] lo = { 0, 0, 0 }, hi = { reference.width() - 1, reference.height() - 1, reference.depth() - 1 };
		double[] vs = { reference.voxelXUm(), reference.voxelYUm(), reference.voxelZUm() };
		double[] p = new double[3];
		for (int guard = 0; guard < 100000; guard++) {
			boolean changed = false;
			for (int i = 0; i < scans.size() && !changed; i++) {
				SliceSource s = scans.get(i);
				Affine3D refToScan = Affine3D.of(1 / s.voxelXUm(), 0, 0, 0, 0, 1 / s.voxelYUm(), 0, 0, 0, 0, 1 / s.voxelZUm(), 0)
						.concatenate(scanToRef.get(i).inverse()).concatenate(Affine3D.of(vs[0], 0, 0, 0, 0, vs[1], 0, 0, 0, 0, vs[2], 0));
				int[] n = { s.width(), s.height(), s.depth() };
				for (int c = 0; c < 8 && !changed; c++) {
					int[] corner = { (c & 1) == 0 ? lo[0] : hi[0], (c & 2) == 0 ? lo[1] : hi[1], (c & 4) == 0 ? lo[2] : hi[2] };
					p[0] = corner[0];
					p[1] = corner[1];
					p[2] = corner[2];
					refToScan.apply(p, p);
					for (int k = 0; k < 3 && !changed; k++) {
						double below = -p[k], above = p[k] - (n[k] - 1);
						double tol = n[k] == 1 ? 0.5 : 1e-6;
						if (below <= tol && above <= tol) continue;
						// shrink along the reference axis that moves this scan coordinate the most
						int a = 0;
						for (int j = 1; j < 3; j++)
							if (Math.abs(refToScan.get(k, j)) > Math.abs(refToScan.get(k, a))) a = j;
						double slope = refToScan.get(k, a);
						int stepVox = (int) Math.max(1, Math.ceil(Math.max(below, above) / Math.abs(slope) - 1e-9));
						boolean atLow = corner[a] == lo[a];
						if (lo[a] == hi[a]) atLow = (below > 0) == (slope > 0);
						if (atLow) lo[a] += stepVox;
						else hi[a] -= stepVox;
						if (lo[a] > hi[a])
							throw new AlignException(String.format(Locale.ROOT, "The scans have no common field of view: scan %d leaves none along %s", i, "xyz".charAt(a)));
						changed = true;
					}
				}
			}
			if (!changed)
				return new OutputGrid(hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1, vs[0], vs[1], vs[2], lo[0] * vs[0], lo[1] * vs[1], lo[2] * vs[2]);
		}
		throw new AlignException("Common field of view did not settle; check the transforms");
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "OutputGrid[%d×%d×%d, origin (%.3f, %.3f, %.3f) µm]", width, height, depth, originXUm, originYUm, originZUm);
	}
}
