package org.tomolyte.align;

import org.tomolyte.model.Volume;

/**
 * Read access to a calibrated volume one slice at a time, for volumes that do not fit in memory (an ImageJ
 * virtual stack, a folder of TIFF slices): the aligner downsamples it into memory for registration and the
 * resampler reads only the band of slices each output slice needs. Implementations may read from disk on
 * every call; they must be safe to call from one thread at a time (the library never calls concurrently).
 */
public interface SliceSource {
	int width();

	int height();

	int depth();

	double voxelXUm();

	double voxelYUm();

	double voxelZUm();

	/** Slice z as width × height values, x fastest; the caller does not modify it. */
	float[] slice(int z);

	/** A source over an in-memory volume. */
	static SliceSource of(Volume v) {
		return new SliceSource() {
			@Override public int width() { return v.width(); }
			@Override public int height() { return v.height(); }
			@Override public int depth() { return v.depth(); }
			@Override public double voxelXUm() { return v.voxelXUm(); }
			@Override public double voxelYUm() { return v.voxelYUm(); }
			@Override public double voxelZUm() { return v.voxelZUm(); }
			@Override public float[] slice(int z) { return v.slice(z); }
		};
	}
}
