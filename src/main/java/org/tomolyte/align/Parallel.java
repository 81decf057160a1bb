package org.tomolyte.align;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.tomolyte.task.CancelledException;

/**
 * Runs independent indexed jobs on a fixed number of threads. Each index writes only its own output, so
 * results do not depend on the thread count (the determinism rule of the house).
 */
final class Parallel {
	private Parallel() {}

	/** The thread count to use for a setting of 0 (= all available processors). */
	static int threads(int requested) {
		return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
	}

	static void forEach(int n, int threads, IntConsumer job) {
		int t = Math.min(threads(threads), n);
		if (t <= 1) {
			for (int i = 0; i < n; i++)
				job.accept(i);
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
			Thread th = new Thread(r, "tomolyte-align");
			th.setDaemon(true);
			return th;
		});
		try {
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> futures = new ArrayList<>();
			for (int k = 0; k < t; k++)
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement())
						job.accept(i);
				}));
			for (Future<?> f : futures)
				f.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		} catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new AlignException("Parallel alignment job failed: " + c, c);
		} finally {
			pool.shutdownNow();
		}
	}
}
