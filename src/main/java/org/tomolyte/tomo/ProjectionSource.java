package org.tomolyte.tomo;

/**
 * A tomography scan that can be read a band of detector rows at a time, so whole-volume reconstruction keeps
 * memory bounded by a few sinograms. Implemented by the HDF5 and TIFF readers and by an in-memory
 * {@link ProjectionSet}.
 */
public interface ProjectionSource {
	/** Detector width (pixels). */
	int width();

	/** Detector height: the number of rows, i.e. of sinograms. */
	int height();

	/** Projection angles (rad), one per projection. */
	double[] anglesRad();

	/** Detector pixel size in µm, or NaN when unknown. */
	double pixelSizeUm();

	/** What the data is (raw counts with flats, or already normalised), which decides whether flat/dark and −log apply. */
	ProjectionSet.Kind kind();

	/** A short description for messages and TIFF info (file name, layout). */
	String description();

	/**
	 * Rows per read that the storage favours, e.g. the height of an HDF5 chunk (reading bands aligned to chunks
	 * decompresses each chunk once); 0 when any band size reads equally well.
	 */
	default int preferredBandRows() {
		return 0;
	}

	/** Reads the projections, flats and darks of detector rows [firstRow, firstRow + rowCount). */
	ProjectionSet readRows(int firstRow, int rowCount);
}
