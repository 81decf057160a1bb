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
 * per file and over each format's set (total bytes / total time). Single thread. Besides wall time it reports
 * MB/s per second of this thread's CPU time, which stays meaningful when other processes share the cores.
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
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		double[] bytes = new double[2], seconds = new double[2], cpuSeconds = new double[2];
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
			long c0 = mx.getCurrentThreadCpuTime();
			for (int i = 0; i < reps; i++) {
				EcLabData d = EcLab.read(p);
				sink += d.trace().rowCount() + d.spectra().map(x -> x.size()).orElse(0);
			}
			double s = (System.nanoTime() - t0) / 1e9 / reps;
			double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9 / reps;
			int f = p.toString().endsWith(".mpr") ? 0 : 1;
			bytes[f] += size;
			seconds[f] += s;
			cpuSeconds[f] += cpu;
			System.out.printf(Locale.ROOT, "%-40s %10d B %9.3f ms %8.1f MB/s wall %8.1f MB/s cpu%n", p.getFileName(), size, s * 1e3, size / s / 1e6,
					size / cpu / 1e6);
		}
		String[] label = { "mpr", "mpt" };
		System.out.println();
		for (int f = 0; f < 2; f++)
			System.out.printf(Locale.ROOT, "%s set: %.2f MB in %.2f ms per pass: %.1f MB/s wall, %.1f MB/s per CPU second%n", label[f], bytes[f] / 1e6,
					seconds[f] * 1e3, bytes[f] / seconds[f] / 1e6, bytes[f] / cpuSeconds[f] / 1e6);
		if (sink == 42) System.out.println();
	}
}
