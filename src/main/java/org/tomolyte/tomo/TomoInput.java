package org.tomolyte.tomo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomolyte.io.hdf5.Hdf5Projections;
import org.tomolyte.io.tiff.TiffProjectionSeries;
import org.tomolyte.io.tiff.TiffSinogram;

/**
 * Opens a scan from a path the way a user names it: an HDF5/NeXus file (Data Exchange or NXtomo), a folder or
 * glob pattern of TIFF projections (flats and darks found by name, {@code flat*}/{@code white*} and
 * {@code dark*}, in the folder or its parent, unless given), a multi-page TIFF of projections, or a
 * single-sinogram TIFF (rows = angles). Angles come from the file when it has them, else from the
 * {@link Spec#angles} range or file, else from an {@code angles.txt} beside the projections.
 */
public final class TomoInput {
	private TomoInput() {}

	/** What to open and how. */
	public static final class Spec {
		final Path input;
		String angles;
		List<Path> flats;
		List<Path> darks;
		double pixelSizeUm = Double.NaN;
		boolean lineIntegrals;
		Hdf5Projections.Options hdf5 = new Hdf5Projections.Options();

		public Spec(Path input) {
			this.input = input;
		}

		/** Angle range in degrees ("0-180") or an angle file; null to use the file's angles. */
		public Spec angles(String rangeOrFile) {
			angles = rangeOrFile == null || rangeOrFile.trim().isEmpty() ? null : rangeOrFile.trim();
			return this;
		}

		/** Flat-field files (TIFF) or, for HDF5, a single file holding the flats. */
		public Spec flats(List<Path> files) {
			flats = files;
			return this;
		}

		public Spec darks(List<Path> files) {
			darks = files;
			return this;
		}

		public Spec pixelSizeUm(double um) {
			pixelSizeUm = um;
			return this;
		}

		/** True when the data are already −log normalised line integrals (log=false in the macro). */
		public Spec lineIntegrals(boolean b) {
			lineIntegrals = b;
			return this;
		}

		/** HDF5 dataset paths for files whose layout is not detected. */
		public Spec hdf5(Hdf5Projections.Options o) {
			hdf5 = o;
			return this;
		}
	}

	/** Opens the scan described by {@code spec}. */
	public static ProjectionSource open(Spec spec) {
		Path in = spec.input;
		String name = in.getFileName() == null ? "" : in.getFileName().toString().toLowerCase(Locale.ROOT);
		ProjectionSet.Kind kind = spec.lineIntegrals ? ProjectionSet.Kind.LINE_INTEGRALS : ProjectionSet.Kind.COUNTS;
		if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf") || name.endsWith(".nxs") || name.endsWith(".nx")) {
			Hdf5Projections.Options o = spec.hdf5;
			if (spec.flats != null && !spec.flats.isEmpty()) o.flatFile(spec.flats.get(0));
			if (spec.darks != null && !spec.darks.isEmpty()) o.darkFile(spec.darks.get(0));
			if (!Double.isNaN(spec.pixelSizeUm)) o.pixelSizeUm(spec.pixelSizeUm);
			if (spec.angles != null) {
				String a = spec.angles;
				o.angles(n -> AngleList.parse(a, n));
			}
			Hdf5Projections h = Hdf5Projections.open(in, o);
			return spec.lineIntegrals ? new LineIntegralView(h) : h;
		}
		if (Files.isRegularFile(in) && (name.endsWith(".tif") || name.endsWith(".tiff"))) {
			List<Path> one = List.of(in);
			int pages = TiffProjectionSeries.countPages(one);
			if (pages == 1) {
				int n = TiffSinogram.angleCount(in);
				double[] a = angles(spec, n, in.toAbsolutePath().getParent());
				Path flat = spec.flats != null && !spec.flats.isEmpty() ? spec.flats.get(0) : sibling(in, "flats");
				Path dark = spec.darks != null && !spec.darks.isEmpty() ? spec.darks.get(0) : sibling(in, "darks");
				if (kind == ProjectionSet.Kind.COUNTS && (flat != null || dark != null)) return TiffSinogram.readCounts(in, a, spec.pixelSizeUm, flat, dark);
				return TiffSinogram.read(in, a, spec.pixelSizeUm, kind);
			}
			return TiffProjectionSeries.open(one, orEmpty(spec.flats), orEmpty(spec.darks), angles(spec, pages, in.toAbsolutePath().getParent()),
					spec.pixelSizeUm, kind);
		}
		if (Files.isDirectory(in) || (in.getFileName() != null && in.getFileName().toString().contains("*"))) {
			Path dir = Files.isDirectory(in) ? in : in.toAbsolutePath().getParent();
			List<Path> all = TiffProjectionSeries.list(in);
			List<Path> proj = new ArrayList<>();
			for (Path p : all)
				if (!isFlat(p) && !isDark(p)) proj.add(p);
			List<Path> flats = spec.flats != null ? spec.flats : byName(dir, true);
			List<Path> darks = spec.darks != null ? spec.darks : byName(dir, false);
			int n = TiffProjectionSeries.countPages(proj);
			return TiffProjectionSeries.open(proj, flats, darks, angles(spec, n, dir), spec.pixelSizeUm, kind);
		}
		if (!Files.exists(in)) throw new TomoException("Input not found: " + in);
		if (Files.isRegularFile(in) && org.tomolyte.io.tiff.BioFormatsProjections.available())
			return org.tomolyte.io.tiff.BioFormatsProjections.open(in, n -> angles(spec, n, in.toAbsolutePath().getParent()), spec.pixelSizeUm, kind);
		throw new TomoException("Unsupported input " + in + ": give an HDF5/NeXus file (.h5, .hdf5, .nxs), a TIFF sinogram or stack, or a folder of TIFF "
				+ "projections; other formats are read through Bio-Formats, which is available in Fiji (here it is not)");
	}

	private static List<Path> orEmpty(List<Path> l) {
		return l == null ? List.of() : l;
	}

	private static double[] angles(Spec spec, int n, Path dir) {
		if (spec.angles != null) return AngleList.parse(spec.angles, n);
		for (Path d : new Path[] { dir, dir.getParent() }) {
			if (d == null) continue;
			Path f = d.resolve("angles.txt");
			if (Files.isRegularFile(f)) return AngleList.fromFile(f, n);
		}
		throw new TomoException("No angles for the " + n + " projections/rows of " + spec.input
				+ ": give an angle range in degrees (e.g. angles=[0-180]) or an angle file");
	}

	private static boolean isFlat(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.startsWith("flat") || n.startsWith("white");
	}

	private static boolean isDark(Path p) {
		return p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("dark");
	}

	/** Flat (or dark) TIFFs in the projection folder or its parent. */
	/** {@code x_sino.tif} → {@code x_flats.tif} (or darks) beside it, when it exists. */
	private static Path sibling(Path sinogram, String what) {
		String name = sinogram.getFileName().toString();
		int i = name.toLowerCase(java.util.Locale.ROOT).lastIndexOf("sino");
		if (i < 0) return null;
		String other = name.substring(0, i) + what + name.substring(name.indexOf('.', i));
		Path p = sinogram.resolveSibling(other);
		return Files.isRegularFile(p) ? p : null;
	}

	private static List<Path> byName(Path dir, boolean flats) {
		List<Path> r = new ArrayList<>();
		for (Path d : new Path[] { dir, dir.getParent() }) {
			if (d == null || !Files.isDirectory(d)) continue;
			try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "*.{tif,tiff,TIF,TIFF}")) {
				for (Path p : ds)
					if (flats ? isFlat(p) : isDark(p)) r.add(p);
			} catch (IOException e) {
				throw new TomoException("Cannot list " + d + " (" + e.getMessage() + ")", e);
			}
			if (!r.isEmpty()) break;
		}
		r.sort(null);
		return r;
	}

	/** A source whose values the user declared to be line integrals already. */
	static final class LineIntegralView implements ProjectionSource {
		private final ProjectionSource s;

		LineIntegralView(ProjectionSource s) {
			this.s = s;
		}

		@Override
		public int width() {
			return s.width();
		}

		@Override
		public int height() {
			return s.height();
		}

		@Override
		public double[] anglesRad() {
			return s.anglesRad();
		}

		@Override
		public double pixelSizeUm() {
			return s.pixelSizeUm();
		}

		@Override
		public ProjectionSet.Kind kind() {
			return ProjectionSet.Kind.LINE_INTEGRALS;
		}

		@Override
		public String description() {
			return s.description();
		}

		@Override
		public ProjectionSet readRows(int firstRow, int rowCount) {
			ProjectionSet p = s.readRows(firstRow, rowCount);
			return p.withProjections(p.projections(), ProjectionSet.Kind.LINE_INTEGRALS);
		}
	}
}
