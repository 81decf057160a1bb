package org.tomolyte.io.tiff;

import java.nio.file.Files;
import java.nio.file.Path;

import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.TomoException;

/**
 * Reads a single-sinogram TIFF (rows = angles, columns = detector pixels), e.g. sarepy's test sinograms,
 * as a one-row {@link ProjectionSet}.
 */
public final class TiffSinogram {
	private TiffSinogram() {}

	/** Number of rows (angles) in the sinogram image, to build an angle list before reading. */
	public static int angleCount(Path file) {
		return new TiffPages(file).height;
	}

	/**
	 * @param anglesRad one per image row
	 * @param kind {@code LINE_INTEGRALS} if the values are already −log normalised, {@code COUNTS} for intensities
	 */
	public static ProjectionSet read(Path file, double[] anglesRad, double pixelSizeUm, ProjectionSet.Kind kind) {
		if (!Files.isRegularFile(file)) throw new TomoException("Sinogram TIFF not found: " + file);
		TiffPages t = new TiffPages(file);
		if (t.pageCount() != 1)
			throw new TomoException(file + " has " + t.pageCount() + " pages; a sinogram TIFF has one (rows = angles). Open a projection series instead.");
		float[] px = t.readRows(0, 0, t.height);
		float[][] s = new float[t.height][t.width];
		for (int i = 0; i < t.height; i++)
			System.arraycopy(px, i * t.width, s[i], 0, t.width);
		if (anglesRad == null) throw new TomoException(file + ": no angles given for the " + t.height + " sinogram rows; give an angle range such as 0-180");
		if (anglesRad.length != t.height)
			throw new TomoException(file + ": " + t.height + " sinogram rows but " + anglesRad.length + " angles");
		return ProjectionSet.ofSinogram(s, anglesRad, Double.isNaN(pixelSizeUm) ? t.pixelSizeUm() : pixelSizeUm, kind, file.getFileName().toString());
	}
}
