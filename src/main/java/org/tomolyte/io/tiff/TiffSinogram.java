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

	/**
	 * A raw-count sinogram with its flat and dark fields for the same detector row: each row of a flat or
	 * dark TIFF is one frame (as written by the synthetic cell's projection mode).
	 */
	public static ProjectionSet readCounts(Path file, double[] anglesRad, double pixelSizeUm, Path flatsFile, Path darksFile) {
		ProjectionSet sino = read(file, anglesRad, pixelSizeUm, ProjectionSet.Kind.COUNTS);
		float[][] flats = frames(flatsFile, sino.width(), "flat");
		float[][] darks = frames(darksFile, sino.width(), "dark");
		return new ProjectionSet(sino.width(), 1, 0, sino.projections(), sino.anglesRad(), flats, null, darks, sino.pixelSizeUm(), ProjectionSet.Kind.COUNTS,
				sino.description());
	}

	private static float[][] frames(Path f, int width, String what) {
		if (f == null) return new float[0][];
		if (!Files.isRegularFile(f)) throw new TomoException(what + " field TIFF not found: " + f);
		TiffPages t = new TiffPages(f);
		if (t.width != width) throw new TomoException(f + ": " + what + " rows are " + t.width + " pixels wide, the sinogram " + width);
		float[] px = t.readRows(0, 0, t.height);
		float[][] out = new float[t.height][width];
		for (int i = 0; i < t.height; i++)
			System.arraycopy(px, i * width, out[i], 0, width);
		return out;
	}
}
