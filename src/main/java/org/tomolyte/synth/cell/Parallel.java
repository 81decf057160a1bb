package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;

/**
 * Runs independent per-slice work on a fixed number of threads. Each index is computed by exactly one task
 * from its own inputs (and its own random stream), so results never depend on the thread count.
 */
final class Parallel {
	private Parallel() {}

	static int threads(int requested) {
		return requested > 0 ? requested : Math.max(1, Runtime.getRuntime().availableProcessors());
	}

	static void forEach(int n, int threads, Progress progress, String message, IntConsumer work) {
		int t = Math.min(threads(threads), Math.max(1, n));
		AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
		if (t == 1) {
			for (int i = 0; i < n; i++) {
				progress.checkCancelled();
				work.accept(i);
				progress.report((i + 1.0) / n, message);
			}
			return;
		}
		ExecutorService ex = Executors.newFixedThreadPool(t, r -> {
			Thread th = new Thread(r, "tomolyte-synth");
			th.setDaemon(true);
			return th;
		});
		try {
			List<Future<?>> fs = new ArrayList<>();
			for (int k = 0; k < t; k++)
				fs.add(ex.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < n) {
						if (progress.isCancelled()) return;
						work.accept(i);
						done.incrementAndGet();
					}
				}));
			for (Future<?> f : fs) {
				try {
					f.get();
				} catch (ExecutionException e) {
					Throwable c = e.getCause();
					if (c instanceof RuntimeException) throw (RuntimeException) c;
					if (c instanceof Error) throw (Error) c;
					throw new IllegalStateException(c);
				}
			}
			progress.checkCancelled();
			progress.report(1.0, message);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		} finally {
			ex.shutdownNow();
		}
	}
}
