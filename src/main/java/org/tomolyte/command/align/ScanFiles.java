package org.tomolyte.command.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
	}

	/** Opens {@code input} as a series of at least 2 scans; only a hyperstack's directory is read here. */
	static Series open(Path input) throws IOException {
		if (isTiff(input) && !Files.isDirectory(input)) return hyperstack(input);
		List<Path> files = list(input);
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
		};
	}

	private static Series hyperstack(Path file) throws IOException {
		HyperstackTiff h = HyperstackTiff.open(file);
		if (h.frames() < 2)
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
		};
	}

	static List<Path> list(Path input) throws IOException {
		if (Files.isDirectory(input)) {
			try (Stream<Path> s = Files.list(input)) {
				List<Path> out = s.filter(p -> isTiff(p) && !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
				if (out.size() < 2) throw new IOException("Folder " + input + " holds " + out.size() + " TIFF scan(s); a time series needs at least 2");
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
