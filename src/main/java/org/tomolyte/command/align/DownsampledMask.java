package org.tomolyte.command.align;

import org.tomolyte.align.SliceSource;
import org.tomolyte.model.Volume;

/**
 * A user mask brought to the grid of the downsampled copies a streamed alignment registers: the same f × f × f
 * boxes as the copies (starting at voxel (0,0,0), partial boxes at the far edges dropped, voxel size f times
 * the original), a copy voxel being usable (1) when at least half of its box is non-zero. Read f slices at a
 * time, so a full-resolution mask never has to fit in memory.
 */
final class DownsampledMask {
	private DownsampledMask() {}

	static Volume of(SliceSource mask, int f) {
		if (f < 1) throw new IllegalArgumentException("Downsampling factor must be at least 1, got " + f);
		int w = mask.width(), sw = w / f, sh = mask.height() / f, sd = mask.depth() / f;
		if (sw < 1 || sh < 1 || sd < 1)
			throw new IllegalArgumentException("A mask of " + w + "×" + mask.height() + "×" + mask.depth() + " is too small to downsample by " + f);
		long box = (long) f * f * f;
		float[][] out = new float[sd][];
		int[] count = new int[sw * sh];
		for (int z = 0; z < sd; z++) {
			java.util.Arrays.fill(count, 0);
			for (int k = 0; k < f; k++) {
				float[] s = mask.slice(z * f + k);
				for (int y = 0; y < sh * f; y++) {
					int row = y * w, orow = (y / f) * sw;
					for (int x = 0; x < sw * f; x++)
						if (s[row + x] != 0) count[orow + x / f]++;
				}
			}
			float[] o = new float[sw * sh];
			for (int i = 0; i < o.length; i++)
				o[i] = 2L * count[i] >= box ? 1f : 0f;
			out[z] = o;
		}
		return new Volume(sw, sh, out, mask.voxelXUm() * f, mask.voxelYUm() * f, mask.voxelZUm() * f);
	}
}
