package org.tomolyte.command.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tomolyte.align.RigidRegistration;
import org.tomolyte.align.SliceSource;
import org.tomolyte.io.tiff.HyperstackTiff;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Volume;

/**
 * The scans of a time series: the TIFF stacks of a folder in name order, the files a scans.csv lists, or the
 * time frames of one ImageJ hyperstack TIFF (named t00, t01, … by frame index).
 */
final class ScanFiles {
	private ScanFiles() {}

	/** Named scans, read one at a time. */
	interface Series {
		int size();

		/** The scan's name in the outputs (file name without extension, or t00… for hyperstack frames). */
		String name(int i);

		Volume read(int i) throws IOException;

		/** Where the scan is read from, for messages: its file, or the frame of the hyperstack. */
		String location(int i);

		/** A lazy view of the scan: opening reads only the TIFF directory, so sizes are known without reading voxels. */
		SliceSource source(int i) throws IOException;
	}

	/** Opens {@code input} as a series of at least 2 scans; only a hyperstack's directory is read here. */
	static Series open(Path input) throws IOException {
		return open(input, 2);
	}

	/**
	 * Opens {@code input} as a series of at least {@code atLeast} scans (1 for a command that checks the count
	 * itself, such as Apply Alignment against its transforms).
	 */
	static Series open(Path input, int atLeast) throws IOException {
		if (isTiff(input) && !Files.isDirectory(input)) return hyperstack(input, atLeast);
		List<Path> files = list(input, atLeast);
		return new Series() {
			@Override
			public int size() {
				return files.size();
			}

			@Override
			public String name(int i) {
				return ScanFiles.name(files.get(i));
			}

			@Override
			public Volume read(int i) throws IOException {
				return VolumeTiff.read(files.get(i));
			}

			@Override
			public String location(int i) {
				return files.get(i).toString();
			}

			@Override
			public SliceSource source(int i) throws IOException {
				return VolumeTiff.slices(files.get(i));
			}
		};
	}

	private static Series hyperstack(Path file, int atLeast) throws IOException {
		HyperstackTiff h = HyperstackTiff.open(file);
		if (h.frames() < atLeast)
			throw new IOException(file + " holds one time frame; a time series needs at least 2 (a hyperstack with frames=N, or a folder of TIFF scans)");
		return new Series() {
			@Override
			public int size() {
				return h.frames();
			}

			@Override
			public String name(int i) {
				return String.format(Locale.ROOT, "t%02d", i);
			}

			@Override
			public Volume read(int i) throws IOException {
				return h.readFrame(i);
			}

			@Override
			public String location(int i) {
				return "frame " + i + " of " + file;
			}

			@Override
			public SliceSource source(int i) {
				return h.frame(i);
			}
		};
	}

	/**
	 * Checks from the TIFF directories alone that every scan has the reference's voxel sizes (the aligner's own
	 * rule), naming the scan's file, so a mismatch is reported before hours of reading rather than after.
	 */
	static void checkCalibration(Series series, List<SliceSource> scans, int reference) {
		for (int i = 0; i < scans.size(); i++)
			RigidRegistration.checkCalibration(scans.get(reference), scans.get(i), series.name(i) + " (" + series.location(i) + ")");
	}

	static List<Path> list(Path input) throws IOException {
		return list(input, 2);
	}

	private static List<Path> list(Path input, int atLeast) throws IOException {
		if (Files.isDirectory(input)) {
			try (Stream<Path> s = Files.list(input)) {
				List<Path> out = s.filter(p -> isTiff(p) && !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
				if (out.size() < atLeast)
					throw new IOException("Folder " + input + " holds " + out.size() + " TIFF scan(s); " + (atLeast == 2 ? "a time series needs at least 2" : "expected at least " + atLeast));
				return out;
			}
		}
		if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			org.tomolyte.model.Table t = org.tomolyte.io.csv.CsvTables.read(input);
			List<Path> out = new ArrayList<>();
			for (int r = 0; r < t.rowCount(); r++)
				out.add(input.toAbsolutePath().getParent().resolve(String.valueOf(t.get(r, "file"))));
			return out;
		}
		throw new IOException(input + ": give a folder of TIFF scans (t00.tif, t01.tif, ...), a scans.csv (scan,file,start_s) or one ImageJ hyperstack TIFF");
	}

	private static boolean isTiff(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".tif") || n.endsWith(".tiff");
	}

	static String name(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
