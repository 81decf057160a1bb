package org.tomolyte.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;


/**
 * Runs independent indexed work items on a fixed number of threads, items handed out dynamically. Each item
 * writes only its own output, so results do not depend on the thread count or on scheduling (the
 * determinism rule of the architecture). The one worker pool helper of the library packages.
 */
public final class Parallel {
	private Parallel() {}

	/** The thread count for a setting: the number given, or all processors for 0 or less. */
	public static int threads(int requested) {
		return requested > 0 ? requested : Math.max(1, Runtime.getRuntime().availableProcessors());
	}

	/** Calls {@code work.accept(i)} for every i in [0, n) on {@code threads} threads (0 = all processors). */
	public static void forEach(int n, int threads, IntConsumer work) {
		forEach(n, threads, Progress.NONE, null, work);
	}

	/**
	 * As {@link #forEach(int, int, IntConsumer)}, stopping when the user cancels and reporting progress from
	 * the calling thread only (a few times a second) while the workers run.
	 */
	public static void forEach(int n, int threads, Progress progress, String message, IntConsumer work) {
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
			Thread th = new Thread(r, "tomolyte-worker");
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
					// report from this thread only, a few times a second, while the workers run
					while (true) {
						try {
							f.get(200, TimeUnit.MILLISECONDS);
							break;
						} catch (TimeoutException e) {
							progress.report((double) done.get() / n, message);
						}
					}
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
