package org.tomolyte.tomo.stripes;

import java.util.stream.IntStream;

/**
 * Splits an index range into fixed chunks run on the common fork-join pool. Every chunk writes only its own
 * outputs, so results do not depend on the number of threads.
 */
final class Parallel {
	private Parallel() {}

	interface RangeBody {
		void run(int from, int to);
	}

	static void chunks(int n, int chunk, RangeBody body) {
		int count = (n + chunk - 1) / chunk;
		if (count <= 1) {
			body.run(0, n);
			return;
		}
		IntStream.range(0, count).parallel().forEach(c -> body.run(c * chunk, Math.min(n, (c + 1) * chunk)));
	}
}
