package org.tomolyte.tomo;

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
 * Runs independent work items on a fixed number of threads. Each item writes only its own output, so the
 * result does not depend on the thread count or on scheduling (the determinism rule of the architecture).
 */
public final class Parallel {
	private Parallel() {}

	/** Default thread count: the machine's processors. */
	public static int defaultThreads() {
		return Math.max(1, Runtime.getRuntime().availableProcessors());
	}

	/** Calls {@code body.accept(i)} for every i in [0, n), items handed out dynamically to {@code threads} threads. */
	public static void forEach(int n, int threads, IntConsumer body) {
		int t = Math.max(1, Math.min(threads, n));
		if (t == 1) {
			for (int i = 0; i < n; i++)
				body.accept(i);
			return;
		}
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
			Thread th = new Thread(r, "tomolyte-tomo");
			th.setDaemon(true);
			return th;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int k = 0; k < t; k++)
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement())
						body.accept(i);
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
			throw new TomoException("Parallel work failed: " + c, c);
		} finally {
			pool.shutdownNow();
		}
	}
}
