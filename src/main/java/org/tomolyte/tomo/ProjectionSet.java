package org.tomolyte.tomo;

import java.util.Arrays;

/**
 * Projections of a parallel-beam scan held in memory, for a band of detector rows: one float array per
 * projection (row-major, x fastest), angles in radians, flat (white) and dark fields of the same rows with the
 * projection index at which each flat was taken (for before/after interpolation), and the pixel size. A
 * sinogram is one detector row across all projections.
 */
public final class ProjectionSet implements ProjectionSource {
	/** What the values are. */
	public enum Kind {
		/** Detector counts; flats/darks (if any) and −log still to apply. */
		COUNTS,
		/** Line integrals (−log of transmission), ready for FBP. */
		LINE_INTEGRALS
	}

	private final int width;
	private final int height;
	private final int firstRow;
	private final float[][] projections;
	private final double[] anglesRad;
	private final float[][] flats;
	private final double[] flatPositions;
	private final float[][] darks;
	private final double pixelSizeUm;
	private final Kind kind;
	private final String description;

	/**
	 * @param width detector width
	 * @param height number of detector rows held
	 * @param firstRow detector row of the first held row (for messages and slice numbering)
	 * @param projections [projection][row * width + x]
	 * @param anglesRad one per projection
	 * @param flats flat fields of the same rows (may be empty)
	 * @param flatPositions for each flat, the projection index it was acquired at (−0.5 before the first,
	 *            n − 0.5 after the last); null or NaN entries when unknown
	 * @param darks dark fields of the same rows (may be empty)
	 * @param pixelSizeUm detector pixel size, NaN when unknown
	 */
	public ProjectionSet(int width, int height, int firstRow, float[][] projections, double[] anglesRad, float[][] flats,
			double[] flatPositions, float[][] darks, double pixelSizeUm, Kind kind, String description) {
		this.width = width;
		this.height = height;
		this.firstRow = firstRow;
		this.projections = projections;
		this.anglesRad = anglesRad;
		this.flats = flats == null ? new float[0][] : flats;
		this.darks = darks == null ? new float[0][] : darks;
		double[] fp = flatPositions;
		if (fp == null) {
			fp = new double[this.flats.length];
			Arrays.fill(fp, Double.NaN);
		}
		this.flatPositions = fp;
		this.pixelSizeUm = pixelSizeUm;
		this.kind = kind;
		this.description = description == null ? "projections" : description;
		validate();
	}

	private void validate() {
		String d = description;
		if (width < 2 || height < 1) throw new TomoException(d + ": detector must be at least 2 × 1 pixels, got " + width + " × " + height);
		if (projections.length < 2) throw new TomoException(d + ": at least 2 projections are needed, found " + projections.length);
		int n = width * height;
		for (int i = 0; i < projections.length; i++)
			if (projections[i].length != n)
				throw new TomoException(d + ": projection " + i + " holds " + projections[i].length + " values, expected " + width + " × " + height);
		for (int i = 0; i < flats.length; i++)
			if (flats[i].length != n)
				throw new TomoException(d + ": flat field " + i + " is " + flats[i].length + " values, the projections are " + width + " × " + height
						+ " (" + n + "); flats and projections must have the same size");
		for (int i = 0; i < darks.length; i++)
			if (darks[i].length != n)
				throw new TomoException(d + ": dark field " + i + " is " + darks[i].length + " values, the projections are " + width + " × " + height
						+ " (" + n + "); darks and projections must have the same size");
		if (flatPositions.length != flats.length)
			throw new TomoException(d + ": " + flatPositions.length + " flat positions for " + flats.length + " flats");
		if (anglesRad == null)
			throw new TomoException(d + ": no projection angles; give an angle range (e.g. 0-180) or an angle file");
		if (anglesRad.length != projections.length)
			throw new TomoException(d + ": " + projections.length + " projections but " + anglesRad.length + " angles; the angle list must have one value per projection");
		for (double a : anglesRad)
			if (!Double.isFinite(a)) throw new TomoException(d + ": an angle is not a finite number");
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	/** Detector row of the first held row. */
	public int firstRow() {
		return firstRow;
	}

	public int projectionCount() {
		return projections.length;
	}

	/** The projections (shared). */
	public float[][] projections() {
		return projections;
	}

	@Override
	public double[] anglesRad() {
		return anglesRad.clone();
	}

	public float[][] flats() {
		return flats;
	}

	/** Projection index at which each flat was taken (NaN when unknown). */
	public double[] flatPositions() {
		return flatPositions.clone();
	}

	public float[][] darks() {
		return darks;
	}

	@Override
	public double pixelSizeUm() {
		return pixelSizeUm;
	}

	@Override
	public Kind kind() {
		return kind;
	}

	@Override
	public String description() {
		return description;
	}

	/** Sinogram [projection][x] of held row {@code row} (0 … height−1), copied. */
	public float[][] sinogram(int row) {
		if (row < 0 || row >= height)
			throw new TomoException(description + ": row " + row + " is outside the held rows 0 to " + (height - 1));
		float[][] s = new float[projections.length][width];
		for (int i = 0; i < projections.length; i++)
			System.arraycopy(projections[i], row * width, s[i], 0, width);
		return s;
	}

	/** The same scan with other values (e.g. normalised), keeping angles, pixel size and rows; no flats or darks. */
	public ProjectionSet withProjections(float[][] values, Kind newKind) {
		return new ProjectionSet(width, height, firstRow, values, anglesRad, null, null, null, pixelSizeUm, newKind, description);
	}

	/** A copy with another pixel size. */
	public ProjectionSet withPixelSizeUm(double um) {
		return new ProjectionSet(width, height, firstRow, projections, anglesRad, flats, flatPositions, darks, um, kind, description);
	}

	@Override
	public ProjectionSet readRows(int first, int count) {
		int from = first - firstRow;
		if (from < 0 || count < 1 || from + count > height)
			throw new TomoException(description + ": rows " + first + " to " + (first + count - 1) + " are outside the held rows " + firstRow + " to "
					+ (firstRow + height - 1));
		if (from == 0 && count == height) return this;
		return new ProjectionSet(width, count, first, cut(projections, from, count), anglesRad, cut(flats, from, count), flatPositions,
				cut(darks, from, count), pixelSizeUm, kind, description);
	}

	private float[][] cut(float[][] frames, int from, int count) {
		float[][] c = new float[frames.length][];
		for (int i = 0; i < frames.length; i++)
			c[i] = Arrays.copyOfRange(frames[i], from * width, (from + count) * width);
		return c;
	}

	/** A single-row set holding a sinogram [angle][x]. */
	public static ProjectionSet ofSinogram(float[][] sinogram, double[] anglesRad, double pixelSizeUm, Kind kind, String description) {
		if (sinogram.length < 2) throw new TomoException(description + ": a sinogram needs at least 2 rows (angles)");
		return new ProjectionSet(sinogram[0].length, 1, 0, sinogram, anglesRad, null, null, null, pixelSizeUm, kind, description);
	}

	@Override
	public String toString() {
		return "ProjectionSet[" + description + ", " + projections.length + " × " + width + " × " + height + " (rows from " + firstRow + "), "
				+ flats.length + " flats, " + darks.length + " darks, " + kind + "]";
	}
}
