package org.tomolyte.align;

import org.tomolyte.task.Parallel;
import org.tomolyte.model.Volume;

/**
 * A volume at one level of a resolution pyramid, with the position (µm, in the full-resolution frame) of the
 * centre of its voxel (0,0,0): box-averaging by f moves the first voxel centre by (f − 1)/2 original voxels,
 * and transforms stay in the full-resolution µm frame at every level.
 */
final class Level {
	final Volume volume;
	final int factor;
	final double originXUm, originYUm, originZUm;

	Level(Volume volume, int factor, double originXUm, double originYUm, double originZUm) {
		this.volume = volume;
		this.factor = factor;
		this.originXUm = originXUm;
		this.originYUm = originYUm;
		this.originZUm = originZUm;
	}

	static Level of(Volume v) {
		return new Level(v, 1, 0, 0, 0);
	}

	/** Voxel coordinates of a point given in µm. */
	void toVoxel(double[] um, double[] voxel) {
		voxel[0] = (um[0] - originXUm) / volume.voxelXUm();
		voxel[1] = (um[1] - originYUm) / volume.voxelYUm();
		voxel[2] = (um[2] - originZUm) / volume.voxelZUm();
	}

	/** µm position of the (possibly non-integer) voxel coordinates. */
	void toUm(double x, double y, double z, double[] um) {
		um[0] = originXUm + x * volume.voxelXUm();
		um[1] = originYUm + y * volume.voxelYUm();
		um[2] = originZUm + z * volume.voxelZUm();
	}

	/**
	 * A box-averaged copy (factor f in x, y and z) of a volume read slice by slice, f slices at a time: the
	 * in-memory stand-in for a volume larger than memory. Its voxel (0,0,0) centre lies at (f − 1)/2 original
	 * voxels.
	 */
	static Level downsample(SliceSource src, int f, int threads) {
		int w = src.width() / f, h = src.height() / f, d = src.depth() / f;
		if (w < 4 || h < 4 || d < 1) throw new AlignException("A volume of " + src.width() + "×" + src.height() + "×" + src.depth() + " is too small to downsample by " + f);
		float[][] out = new float[d][];
		for (int z = 0; z < d; z++) {
			float[][] in = new float[f][];
			for (int k = 0; k < f; k++)
				in[k] = src.slice(z * f + k);
			Volume band = new Volume(src.width(), src.height(), in, src.voxelXUm(), src.voxelYUm(), src.voxelZUm());
			out[z] = Level.of(band).downsample(f, threads).volume.slice(0);
		}
		double shift = (f - 1) / 2.0;
		return new Level(new Volume(w, h, out, src.voxelXUm() * f, src.voxelYUm() * f, src.voxelZUm() * f), f, shift * src.voxelXUm(),
				shift * src.voxelYUm(), shift * src.voxelZUm());
	}

	/** The next coarser level, box-averaged by {@code f} (the last partial blocks are dropped). */
	Level downsample(int f, int threads) {
		if (f == 1) return this;
		Volume v = volume;
		int w = v.width() / f, h = v.height() / f, d = v.depth() / f;
		if (w < 4 || h < 4 || d < 1)
			throw new AlignException("Volume " + v + " is too small to downsample by " + f);
		float[][] out = new float[d][w * h];
		int vw = v.width();
		float norm = 1f / (f * f * f);
		Parallel.forEach(d, threads, z -> {
			float[] o = out[z];
			for (int dz = 0; dz < f; dz++) {
				float[] s = v.slice(z * f + dz);
				for (int y = 0; y < h; y++)
					for (int dy = 0; dy < f; dy++) {
						int row = (y * f + dy) * vw;
						int orow = y * w;
						for (int x = 0; x < w; x++) {
							int i = row + x * f;
							float sum = 0;
							for (int dx = 0; dx < f; dx++)
								sum += s[i + dx];
							o[orow + x] += sum;
						}
					}
			}
			for (int i = 0; i < o.length; i++)
				o[i] *= norm;
		});
		double shift = (f - 1) / 2.0;
		return new Level(new Volume(w, h, out, v.voxelXUm() * f, v.voxelYUm() * f, v.voxelZUm() * f), factor * f,
				originXUm + shift * v.voxelXUm(), originYUm + shift * v.voxelYUm(), originZUm + shift * v.voxelZUm());
	}
}
