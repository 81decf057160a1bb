package org.tomolyte.command.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The scans of a time series: the TIFF stacks of a folder in name order, or the files a scans.csv lists. */
final class ScanFiles {
	private ScanFiles() {}

	static List<Path> list(Path input) throws IOException {
		if (Files.isDirectory(input)) {
			try (Stream<Path> s = Files.list(input)) {
				List<Path> out = s.filter(p -> {
					String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
					return (n.endsWith(".tif") || n.endsWith(".tiff")) && !n.startsWith(".");
				}).sorted().collect(Collectors.toList());
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
		throw new IOException(input + ": give a folder of TIFF scans (t00.tif, t01.tif, ...) or a scans.csv (scan,file,start_s)");
	}

	static String name(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
