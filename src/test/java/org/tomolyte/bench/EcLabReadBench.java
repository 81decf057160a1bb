package org.tomolyte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.io.biologic.EcLabData;

/**
 * Read throughput of the EC-Lab readers on every shared {@code .mpr} and {@code .mpt}: each file is read from
 * disk and parsed into trace, info and spectra ({@link EcLab#read}) repeatedly after a warm-up; prints MB/s
 * per file and over each format's set (total bytes / total time). Single thread.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.tomolyte.bench.EcLabReadBench [dataDir]}
 */
public final class EcLabReadBench {
	public static void main(String[] args) throws IOException {
		Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/biologic");
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.toString().endsWith(".mpr") || p.toString().endsWith(".mpt")).sorted().collect(Collectors.toList());
		}
		long sink = 0;
		// Warm-up: let the JIT compile the parsing loops.
		long warmEnd = System.nanoTime() + 4_000_000_000L;
		while (System.nanoTime() < warmEnd)
			for (Path p : files)
				sink += EcLab.read(p).trace().rowCount();
		double[] bytes = new double[2], seconds = new double[2];
		for (Path p : files) {
			long size = Files.size(p);
			// Enough repetitions for ~0.3 s per file, at least 5.
			int reps = 5;
			long t0 = System.nanoTime();
			for (int i = 0; i < reps; i++)
				sink += EcLab.read(p).trace().rowCount();
			double once = (System.nanoTime() - t0) / 1e9 / reps;
			reps = Math.max(5, (int) (0.3 / Math.max(once, 1e-6)));
			t0 = System.nanoTime();
			for (int i = 0; i < reps; i++) {
				EcLabData d = EcLab.read(p);
				sink += d.trace().rowCount() + d.spectra().map(x -> x.size()).orElse(0);
			}
			double s = (System.nanoTime() - t0) / 1e9 / reps;
			int f = p.toString().endsWith(".mpr") ? 0 : 1;
			bytes[f] += size;
			seconds[f] += s;
			System.out.printf(Locale.ROOT, "%-40s %10d B %9.3f ms %8.1f MB/s%n", p.getFileName(), size, s * 1e3, size / s / 1e6);
		}
		System.out.printf(Locale.ROOT, "%nmpr set: %.2f MB in %.2f ms per pass: %.1f MB/s%n", bytes[0] / 1e6, seconds[0] * 1e3, bytes[0] / seconds[0] / 1e6);
		System.out.printf(Locale.ROOT, "mpt set: %.2f MB in %.2f ms per pass: %.1f MB/s%n", bytes[1] / 1e6, seconds[1] * 1e3, bytes[1] / seconds[1] / 1e6);
		if (sink == 42) System.out.println();
	}
}
