package org.tomolyte.align;

import org.tomolyte.task.Parallel;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Resamples a scan once onto an output grid in the reference frame through its composed scan → reference
 * transform (inverse mapping: every output voxel centre is mapped into the scan and interpolated there), so
 * registration and levelling cost a single interpolation. Output slices are produced in parallel and handed
 * to a {@link SliceConsumer} in order, so the result never has to be held in memory.
 */
public final class Resampler {
	private Resampler() {}

	/** Resamples into a new volume with the grid's voxel sizes. */
	public static Volume resample(Volume scan, Affine3D scanToRef, OutputGrid grid, Interpolation mode, float outside, int threads, Progress progress) {
		float[][] slices = new float[grid.depth()][];
		resample(scan, scanToRef, grid, mode, outside, threads, (z, s) -> slices[z] = s, progress);
		return new Volume(grid.width(), grid.height(), slices, grid.voxelXUm(), grid.voxelYUm(), grid.voxelZUm());
	}

	/** Resamples slice by slice; {@code sink} receives slices z = 0, 1, … in order on the calling thread. */
	public static void resample(Volume scan, Affine3D scanToRef, OutputGrid grid, Interpolation mode, float outside, int threads, SliceConsumer sink,
			Progress progress) {
		Affine3D toScanVoxel = Affine3D.of(1 / scan.voxelXUm(), 0, 0, 0, 0, 1 / scan.voxelYUm(), 0, 0, 0, 0, 1 / scan.voxelZUm(), 0)
				.concatenate(scanToRef.inverse()).concatenate(grid.voxelToUm());
		double[] m = toScanVoxel.toArray();
		int t = Parallel.threads(threads);
		int chunk = Math.max(1, 2 * t);
		float[][] buffer = new float[chunk][];
		for (int z0 = 0; z0 < grid.depth(); z0 += chunk) {
			progress.checkCancelled();
			int start = z0, n = Math.min(chunk, grid.depth() - z0);
			Parallel.forEach(n, t, k -> buffer[k] = slice(scan, m, grid, start + k, mode, outside));
			for (int k = 0; k < n; k++) {
				sink.accept(start + k, buffer[k]);
				buffer[k] = null;
			}
			progress.report((z0 + n) / (double) grid.depth(), null);
		}
	}

	/**
	 * Resamples a scan that is read slice by slice (e.g. from disk): only the band of scan slices that the
	 * current output slices map into is held in memory, so a rigid transform with a small tilt needs a few
	 * slices at a time. Slices reach {@code sink} in order.
	 */
	public static void resample(SliceSource scan, Affine3D scanToRef, OutputGrid grid, Interpolation mode, float outside, int threads, SliceConsumer sink,
			Progress progress) {
		Affine3D toScanVoxel = Affine3D.of(1 / scan.voxelXUm(), 0, 0, 0, 0, 1 / scan.voxelYUm(), 0, 0, 0, 0, 1 / scan.voxelZUm(), 0)
				.concatenate(scanToRef.inverse()).concatenate(grid.voxelToUm());
		double[] m = toScanVoxel.toArray();
		int t = Parallel.threads(threads);
		int chunk = Math.max(1, 2 * t);
		int w = scan.width(), h = scan.height(), d = scan.depth();
		float[] absent = new float[w * h]; // stands for slices outside the band; never read
		float[][] band = new float[d][];
		int margin = mode == Interpolation.CUBIC ? 2 : 1;
		float[][] buffer = new float[chunk][];
		for (int z0 = 0; z0 < grid.depth(); z0 += chunk) {
			progress.checkCancelled();
			int start = z0, n = Math.min(chunk, grid.depth() - z0);
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int c = 0; c < 8; c++) {
				double x = (c & 1) * (grid.width() - 1), y = ((c >> 1) & 1) * (grid.height() - 1), z = start + ((c >> 2) & 1) * (n - 1);
				double sz = m[8] * x + m[9] * y + m[10] * z + m[11];
				lo = Math.min(lo, sz);
				hi = Math.max(hi, sz);
			}
			int zl = Math.max(0, (int) Math.floor(lo) - margin), zh = Math.min(d - 1, (int) Math.ceil(hi) + margin);
			for (int z = 0; z < d; z++) {
				if (z < zl || z > zh) band[z] = null;
				else if (band[z] == null) band[z] = scan.slice(z);
			}
			float[][] view = new float[d][];
			for (int z = 0; z < d; z++)
				view[z] = band[z] != null ? band[z] : absent;
			Volume v = new Volume(w, h, view, scan.voxelXUm(), scan.voxelYUm(), scan.voxelZUm());
			Parallel.forEach(n, t, k -> buffer[k] = slice(v, m, grid, start + k, mode, outside));
			for (int k = 0; k < n; k++) {
				sink.accept(start + k, buffer[k]);
				buffer[k] = null;
			}
			progress.report((z0 + n) / (double) grid.depth(), null);
		}
	}

	private static float[] slice(Volume v, double[] m, OutputGrid grid, int z, Interpolation mode, float outside) {
		int ow = grid.width(), oh = grid.height();
		int w = v.width(), h = v.height(), d = v.depth();
		float[] out = new float[ow * oh];
		double[] wx = new double[4], wy = new double[4], wz = new double[4];
		for (int y = 0; y < oh; y++) {
			double sx = m[1] * y + m[2] * z + m[3], sy = m[5] * y + m[6] * z + m[7], sz = m[9] * y + m[10] * z + m[11];
			int row = y * ow;
			for (int x = 0; x < ow; x++) {
				double qx = sx + m[0] * x, qy = sy + m[4] * x, qz = sz + m[8] * x;
				float val;
				if (mode == Interpolation.LINEAR && qx >= 0 && qy >= 0 && qx < w - 1 && qy < h - 1 && (d == 1 ? qz > -0.5 && qz < 0.5 : qz >= 0 && qz < d - 1)) {
					int x0 = (int) qx, y0 = (int) qy, z0 = d == 1 ? 0 : (int) qz;
					double fx = qx - x0, fy = qy - y0, fz = d == 1 ? 0 : qz - z0;
					float[] s0 = v.slice(z0), s1 = d == 1 ? s0 : v.slice(z0 + 1);
					int i = y0 * w + x0;
					double c00 = s0[i] + fx * (s0[i + 1] - s0[i]);
					double c10 = s0[i + w] + fx * (s0[i + w + 1] - s0[i + w]);
					double c0 = c00 + fy * (c10 - c00);
					if (fz != 0) {
						double c01 = s1[i] + fx * (s1[i + 1] - s1[i]);
						double c11 = s1[i + w] + fx * (s1[i + w + 1] - s1[i + w]);
						double c1 = c01 + fy * (c11 - c01);
						c0 += fz * (c1 - c0);
					}
					val = (float) c0;
				} else if (mode == Interpolation.CUBIC && qx >= 1 && qy >= 1 && qx < w - 2 && qy < h - 2 && qz >= 1 && qz < d - 2) {
					val = cubic(v, qx, qy, qz, wx, wy, wz);
				} else {
					val = Sampler.sample(v, qx, qy, qz, mode, outside);
				}
				out[row + x] = val;
			}
		}
		return out;
	}

	/** Keys cubic convolution away from the border, with caller-owned weight arrays. */
	private static float cubic(Volume v, double x, double y, double z, double[] wx, double[] wy, double[] wz) {
		int w = v.width();
		int x0 = (int) x, y0 = (int) y, z0 = (int) z;
		Sampler.keys(x - x0, wx);
		Sampler.keys(y - y0, wy);
		Sampler.keys(z - z0, wz);
		double sum = 0;
		for (int c = 0; c < 4; c++) {
			float[] s = v.slice(z0 - 1 + c);
			double plane = 0;
			for (int b = 0; b < 4; b++) {
				int i = (y0 - 1 + b) * w + x0 - 1;
				plane += wy[b] * (wx[0] * s[i] + wx[1] * s[i + 1] + wx[2] * s[i + 2] + wx[3] * s[i + 3]);
			}
			sum += wz[c] * plane;
		}
		return (float) sum;
	}
}
