package org.tomolyte.io.tiff;

import org.tomolyte.align.SliceSource;

/**
 * A run of consecutive TIFF pages as a calibrated volume read lazily, one page per slice (memory: one slice):
 * a whole stack ({@link VolumeTiff}) or one time frame of a hyperstack ({@link HyperstackTiff}).
 */
final class TiffSlices implements SliceSource {
	private final TiffPages pages;
	private final int first, depth;
	private final double voxelXUm, voxelYUm, voxelZUm;

	TiffSlices(TiffPages pages, int first, int depth, double voxelXUm, double voxelYUm, double voxelZUm) {
		this.pages = pages;
		this.first = first;
		this.depth = depth;
		this.voxelXUm = voxelXUm;
		this.voxelYUm = voxelYUm;
		this.voxelZUm = voxelZUm;
	}

	@Override
	public int width() {
		return pages.width;
	}

	@Override
	public int height() {
		return pages.height;
	}

	@Override
	public int depth() {
		return depth;
	}

	@Override
	public double voxelXUm() {
		return voxelXUm;
	}

	@Override
	public double voxelYUm() {
		return voxelYUm;
	}

	@Override
	public double voxelZUm() {
		return voxelZUm;
	}

	@Override
	public float[] slice(int z) {
		if (z < 0 || z >= depth) throw new IndexOutOfBoundsException(pages.file + ": slice " + z + " outside 0–" + (depth - 1));
		return pages.readRows(first + z, 0, pages.height);
	}
}
