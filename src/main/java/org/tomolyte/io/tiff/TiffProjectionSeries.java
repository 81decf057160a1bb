package org.tomolyte.io.tiff;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.ProjectionSource;
import org.tomolyte.tomo.TomoException;

/**
 * A projection series stored as TIFF files (one projection per file, or pages of multi-page TIFFs), with flats
 * and darks in their own TIFFs, read a band of detector rows at a time. Accepts 8/16-bit integer and 32-bit
 * float data via ImageJ's TIFF decoder. Angles come from the caller (a text file or an even range).
 */
public final class TiffProjectionSeries implements ProjectionSource {
	private final List<TiffPages> files;
	private final int[][] index; // projection → {file, page}
	private final List<TiffPages> flatFiles, darkFiles;
	private final double[] anglesRad;
	private final double pixelSizeUm;
	private final ProjectionSet.Kind kind;
	private final int width, height;
	private final String description;

	private TiffProjectionSeries(List<Path> projections, List<Path> flats, List<Path> darks, double[] anglesRad, double pixelSizeUm,
			ProjectionSet.Kind kind) {
		if (projections.isEmpty()) throw new TomoException("No projection TIFF files given");
		files = new ArrayList<>();
		List<int[]> idx = new ArrayList<>();
		for (Path p : projections) {
			TiffPages t = new TiffPages(p);
			files.add(t);
			for (int k = 0; k < t.pageCount(); k++)
				idx.add(new int[] { files.size() - 1, k });
		}
		index = idx.toArray(new int[0][]);
		width = files.get(0).width;
		height = files.get(0).height;
		for (TiffPages t : files)
			if (t.width != width || t.height != height)
				throw new TomoException(t.file + " is " + t.width + " × " + t.height + " but " + files.get(0).file + " is " + width + " × " + height
						+ "; all projections must have the same size");
		flatFiles = open(flats, "flat");
		darkFiles = open(darks, "dark");
		if (anglesRad == null)
			throw new TomoException("No angles for the " + index.length + " projections in " + projections.get(0).getParent()
					+ "; give an angle range (e.g. 0-180) or an angle file");
		if (anglesRad.length != index.length)
			throw new TomoException(index.length + " projections in " + projections.get(0).getParent() + " but " + anglesRad.length
					+ " angles; give one angle per projection");
		this.anglesRad = anglesRad.clone();
		this.pixelSizeUm = Double.isNaN(pixelSizeUm) ? files.get(0).pixelSizeUm() : pixelSizeUm;
		this.kind = kind;
		this.description = projections.get(0).getParent().getFileName() + "/" + projections.get(0).getFileName() + " … (" + index.length
				+ " TIFF projections of " + width + " × " + height + ")";
	}

	private List<TiffPages> open(List<Path> paths, String what) {
		List<TiffPages> l = new ArrayList<>();
		if (paths == null) return l;
		for (Path p : paths) {
			TiffPages t = new TiffPages(p);
			if (t.width != width || t.height != height)
				throw new TomoException("The " + what + " field " + p + " is " + t.width + " × " + t.height + " but the projections are " + width + " × "
						+ height + "; flats and darks must have the projection size");
			l.add(t);
		}
		return l;
	}

	/**
	 * Opens a series.
	 *
	 * @param projections TIFF files in acquisition order
	 * @param flats flat-field TIFFs (each may hold several pages), or empty
	 * @param darks dark-field TIFFs, or empty
	 * @param anglesRad one per projection page
	 * @param pixelSizeUm detector pixel size, NaN to take it from the TIFF calibration when in µm
	 * @param kind {@code COUNTS} for raw data, {@code LINE_INTEGRALS} when already normalised
	 */
	public static TiffProjectionSeries open(List<Path> projections, List<Path> flats, List<Path> darks, double[] anglesRad, double pixelSizeUm,
			ProjectionSet.Kind kind) {
		return new TiffProjectionSeries(projections, flats, darks, anglesRad, pixelSizeUm, kind);
	}

	/** Number of projection pages found (to size an angle list before opening). */
	public static int countPages(List<Path> projections) {
		int n = 0;
		for (Path p : projections)
			n += new TiffPages(p).pageCount();
		return n;
	}

	/**
	 * The TIFF files of a folder (sorted by name), or those matching a glob pattern such as
	 * {@code /data/scan/tiffs/raw_*.tif}.
	 */
	public static List<Path> list(Path folderOrPattern) {
		Path dir;
		String glob;
		if (Files.isDirectory(folderOrPattern)) {
			dir = folderOrPattern;
			glob = "*.{tif,tiff,TIF,TIFF}";
		} else {
			dir = folderOrPattern.toAbsolutePath().getParent();
			glob = folderOrPattern.getFileName().toString();
		}
		List<Path> l = new ArrayList<>();
		if (dir == null || !Files.isDirectory(dir)) throw new TomoException("Projection folder not found: " + folderOrPattern);
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
			for (Path p : ds)
				if (Files.isRegularFile(p)) l.add(p);
		} catch (IOException | RuntimeException e) {
			throw new TomoException("Cannot list " + folderOrPattern + " (" + e.getMessage() + ")", e);
		}
		Collections.sort(l, (a, b) -> a.getFileName().toString().toLowerCase(Locale.ROOT).compareTo(b.getFileName().toString().toLowerCase(Locale.ROOT)));
		if (l.isEmpty()) throw new TomoException("No TIFF files match " + folderOrPattern);
		return l;
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public double[] anglesRad() {
		return anglesRad.clone();
	}

	@Override
	public double pixelSizeUm() {
		return pixelSizeUm;
	}

	@Override
	public ProjectionSet.Kind kind() {
		return kind;
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public ProjectionSet readRows(int firstRow, int rowCount) {
		float[][] p = new float[index.length][];
		for (int i = 0; i < index.length; i++)
			p[i] = files.get(index[i][0]).readRows(index[i][1], firstRow, rowCount);
		return new ProjectionSet(width, rowCount, firstRow, p, anglesRad, frames(flatFiles, firstRow, rowCount), null, frames(darkFiles, firstRow, rowCount),
				pixelSizeUm, kind, description);
	}

	private static float[][] frames(List<TiffPages> l, int first, int count) {
		List<float[]> r = new ArrayList<>();
		for (TiffPages t : l)
			for (int k = 0; k < t.pageCount(); k++)
				r.add(t.readRows(k, first, count));
		return r.toArray(new float[0][]);
	}
}
