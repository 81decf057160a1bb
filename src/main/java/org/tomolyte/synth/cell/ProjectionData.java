package org.tomolyte.synth.cell;

/**
 * Raw parallel-beam data of one slice: the sinogram in detector counts (rows = angles, columns = detector
 * pixels), flat- and dark-field frames (one detector row each), the angles, and the exact slice (partial-volume
 * µ in cm⁻¹ per pixel, the ground truth a reconstruction is compared with).
 */
public final class ProjectionData {
	private final int scan;
	private final int slice;
	private final float[][] sinogramCounts;
	private final float[][] flats;
	private final float[][] darks;
	private final double[] anglesDeg;
	private final float[] exactSlice;
	private final int sliceWidth, sliceHeight;
	private final CellTruth.ProjectionTruth truth;
	private final float[][] lineIntegrals;

	ProjectionData(int scan, int slice, float[][] lineIntegrals, float[][] sinogramCounts, float[][] flats, float[][] darks, double[] anglesDeg, float[] exactSlice, int sliceWidth,
			int sliceHeight, CellTruth.ProjectionTruth truth) {
		this.scan = scan;
		this.slice = slice;
		this.lineIntegrals = lineIntegrals;
		this.sinogramCounts = sinogramCounts;
		this.flats = flats;
		this.darks = darks;
		this.anglesDeg = anglesDeg;
		this.exactSlice = exactSlice;
		this.sliceWidth = sliceWidth;
		this.sliceHeight = sliceHeight;
		this.truth = truth;
	}

	public int scan() {
		return scan;
	}

	/** Slice index (z) in the scan's frame. */
	public int slice() {
		return slice;
	}

	/** [angle][detector column] counts. */
	public float[][] sinogramCounts() {
		return sinogramCounts;
	}

	/**
	 * [angle][detector column] noise-free line integrals −ln(I/I₀) (muScale × Σ µ·path, path in cm), averaged over
	 * each detector pixel: the ideal flat-field-corrected sinogram.
	 */
	public float[][] lineIntegrals() {
		return lineIntegrals;
	}

	/** [frame][detector column] open-beam counts. */
	public float[][] flats() {
		return flats;
	}

	/** [frame][detector column] dark counts. */
	public float[][] darks() {
		return darks;
	}

	public double[] anglesDeg() {
		return anglesDeg.clone();
	}

	public int detectorWidth() {
		return sinogramCounts[0].length;
	}

	/** Exact slice, µ in cm⁻¹ per pixel, x fastest ({@link #sliceWidth()} × {@link #sliceHeight()}). */
	public float[] exactSlice() {
		return exactSlice;
	}

	public int sliceWidth() {
		return sliceWidth;
	}

	public int sliceHeight() {
		return sliceHeight;
	}

	public CellTruth.ProjectionTruth truth() {
		return truth;
	}
}
