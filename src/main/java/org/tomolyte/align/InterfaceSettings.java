package org.tomolyte.align;

/**
 * Parameters of interface levelling ({@link InterfaceLeveller}): the column axis along which the
 * electrolyte/liquid-metal edge is searched, the lateral sampling of the height map, the smoothing along the
 * column, the expected edge polarity and an optional search range.
 */
public final class InterfaceSettings {
	/** The volume axis the interface height is measured along (the interface is roughly normal to it). */
	public enum Axis {
		/** Interface roughly parallel to the slices: height z(x, y). The default. */
		Z,
		/** Interface roughly parallel to the x–z plane: height y(x, z). */
		Y
	}

	/** Sign of the grey-value step when walking along the axis towards larger indices. */
	public enum Polarity {
		/** Take the sign of the strongest step of the mean profile. */
		AUTO, RISING, FALLING
	}

	private Axis axis = Axis.Z;
	private int stepVoxels = 4;
	private double smoothingVoxels = 1.0;
	private Polarity polarity = Polarity.AUTO;
	private int searchFromVoxel = -1, searchToVoxel = -1;
	private int searchHalfWidthVoxels = 0;
	private double outlierSigma = 3.0;
	private int fitHalfWidthVoxels = 6;

	public Axis axis() { return axis; }
	public int stepVoxels() { return stepVoxels; }
	public double smoothingVoxels() { return smoothingVoxels; }
	public Polarity polarity() { return polarity; }
	public int searchFromVoxel() { return searchFromVoxel; }
	public int searchToVoxel() { return searchToVoxel; }
	public int searchHalfWidthVoxels() { return searchHalfWidthVoxels; }
	public double outlierSigma() { return outlierSigma; }
	public int fitHalfWidthVoxels() { return fitHalfWidthVoxels; }

	public InterfaceSettings axis(Axis a) { axis = java.util.Objects.requireNonNull(a, "axis"); return this; }
	/** Lateral size (voxels) of the square tiles whose mean column profile gives one height (default 4). */
	public InterfaceSettings stepVoxels(int n) { stepVoxels = AlignSettings.atLeast("stepVoxels", n, 1); return this; }
	/** Gaussian sigma (voxels) along the column before the edge is located (default 1; 0 = none). */
	public InterfaceSettings smoothingVoxels(double s) { smoothingVoxels = AlignSettings.within("smoothingVoxels", s, 0, 50); return this; }
	public InterfaceSettings polarity(Polarity p) { polarity = java.util.Objects.requireNonNull(p, "polarity"); return this; }
	/** Restrict the search to voxels [from, to] along the axis; −1 = the whole column (default). */
	public InterfaceSettings searchRange(int fromVoxel, int toVoxel) { searchFromVoxel = fromVoxel; searchToVoxel = toVoxel; return this; }
	/** Search only this far (voxels) from the edge of the mean profile; 0 = a quarter of the column (default). */
	public InterfaceSettings searchHalfWidthVoxels(int n) { searchHalfWidthVoxels = AlignSettings.atLeast("searchHalfWidthVoxels", n, 0); return this; }
	/** Heights further than this many robust standard deviations from the plane are outliers (default 3). */
	/** Half width (voxels) of the window over which the edge model is fitted to each tile's profile (default 6). */
	public InterfaceSettings fitHalfWidthVoxels(int n) { fitHalfWidthVoxels = AlignSettings.atLeast("fitHalfWidthVoxels", n, 2); return this; }
	public InterfaceSettings outlierSigma(double s) { outlierSigma = AlignSettings.positive("outlierSigma", s); return this; }
}
