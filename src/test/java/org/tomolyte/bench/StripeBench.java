package org.tomolyte.bench;

import java.util.Locale;
import java.util.Random;

import org.tomolyte.tomo.Zingers;
import org.tomolyte.tomo.stripes.PolarRingFilter;
import org.tomolyte.tomo.stripes.StripeFilter;
import org.tomolyte.tomo.stripes.StripeFilters;

/**
 * Timings of the stripe filters (Vo et al., Opt. Express 26, 28396, 2018) on a 1500 × 2048 sinogram (target for
 * sorting-based removal: ≤ 0.5 s on 2 cores), zinger removal on a 2048 × 2048 projection and the polar ring
 * filter on a 2048 × 2048 slice. Run: java -cp ... org.tomolyte.bench.StripeBench [repeats]
 */
public final class StripeBench {
	public static void main(String[] args) {
		int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		int angles = 1500, width = 2048;
		Random random = new Random(1);
		float[][] sinogram = new float[angles][width];
		for (int a = 0; a < angles; a++) {
			double theta = Math.PI * a / angles;
			for (int x = 0; x < width; x++) {
				double t = x - width / 2.0 - 300 * Math.cos(theta);
				sinogram[a][x] = (float) ((Math.abs(t) < 200 ? 1.0 : 0.2) + 0.01 * random.nextGaussian()
						+ (x % 97 == 0 ? 0.05 : 0));
			}
		}
		System.out.printf(Locale.ROOT, "cores %d, sinogram %d x %d%n", Runtime.getRuntime().availableProcessors(), angles,
				width);
		for (String spec : new String[] { "sorting", "sorting dim=2 size=5", "filtering", "fitting", "large", "dead",
				"all" }) {
			StripeFilter f = StripeFilters.parse(spec);
			time(spec, repeats, () -> f.apply(sinogram));
		}
		float[][] projection = new float[2048][2048];
		for (float[] row : projection)
			for (int x = 0; x < row.length; x++)
				row[x] = (float) (0.5 + 0.01 * random.nextGaussian());
		time("zingers 2048x2048", repeats, () -> Zingers.remove(projection, 0.08));
		time("polar ring 2048x2048", Math.max(1, repeats / 2), () -> new PolarRingFilter().apply(projection));
	}

	/**
	 * Prints the best and mean wall time and the mean process CPU time per run; on a shared, loaded machine the
	 * CPU time divided by the core count is the better estimate of the wall time on idle cores.
	 */
	private static void time(String label, int repeats, Runnable work) {
		work.run(); // warm-up
		long best = Long.MAX_VALUE, total = 0, cpu = 0;
		for (int i = 0; i < repeats; i++) {
			long c0 = processCpuNanos();
			long t0 = System.nanoTime();
			work.run();
			long dt = System.nanoTime() - t0;
			cpu += processCpuNanos() - c0;
			best = Math.min(best, dt);
			total += dt;
		}
		System.out.printf(Locale.ROOT, "%-24s wall best %7.3f s  mean %7.3f s   cpu %7.3f s%n", label, best / 1e9,
				total / 1e9 / repeats, cpu / 1e9 / repeats);
	}

	private static long processCpuNanos() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean)
			return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
		return 0;
	}
}
