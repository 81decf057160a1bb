package org.tomolyte.align;

/**
 * How grey values are read between voxel centres when a volume is resampled: nearest neighbour (the only
 * choice for label images, which must keep their integer values), trilinear, or cubic convolution
 * (Keys 1981, IEEE Trans. ASSP 29:1153, a = −0.5, interpolating and without prefilter).
 */
public enum Interpolation {
	NEAREST, LINEAR, CUBIC
}
