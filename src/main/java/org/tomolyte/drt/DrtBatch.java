package org.tomolyte.drt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;

/**
 * DRTs of a whole operando series: spectra are fitted in parallel by one shared {@link DrtFitter} (so the
 * kernel matrices are built once per frequency grid) and handed back strictly in series order. At most
 * a few spectra per thread are in flight, so the streaming form uses memory independent of the series
 * length; each fit depends only on its own spectrum, so results do not depend on the thread count.
 */
public final class DrtBatch {
	private DrtBatch() {}

	/**
	 * Fits every spectrum and passes each outcome to {@code sink} in series order, on the calling thread.
	 *
	 * @param spectra the spectra (read lazily: an iterator over a file is fine)
	 * @param source name of the series for messages
	 * @param expected number of spectra for progress (≤ 0 if unknown)
	 * @param executor runs the fits; null = fit on the calling thread
	 * @throws CancelledException when progress reports cancellation (fits in flight are abandoned)
	 */
	public static void stream(Iterable<Spectrum> spectra, String source, DrtSettings settings, ExecutorService executor, Progress progress,
			int expected, Consumer<SeriesItem> sink) {
		Progress pr = progress == null ? Progress.NONE : progress;
		DrtFitter fitter = new DrtFitter(settings);
		int window = executor == null ? 1 : 4 * Math.max(1, Runtime.getRuntime().availableProcessors());
		ArrayDeque<Future<SeriesItem>> inFlight = new ArrayDeque<>();
		Iterator<Spectrum> it = spectra.iterator();
		int submitted = 0, delivered = 0;
		try {
			while (it.hasNext() || !inFlight.isEmpty()) {
				pr.checkCancelled();
				while (it.hasNext() && inFlight.size() < window) {
					Spectrum s = it.next();
					int index = submitted++;
					if (executor == null) inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(fitOne(fitter, s, index, source)));
					else inFlight.add(executor.submit(() -> fitOne(fitter, s, index, source)));
				}
				SeriesItem item = get(inFlight.poll());
				sink.accept(item);
				delivered++;
				pr.report(expected > 0 ? Math.min(1, delivered / (double) expected) : 0, "DRT " + delivered + (expected > 0 ? "/" + expected : ""));
			}
		} finally {
			for (Future<SeriesItem> f : inFlight) f.cancel(true);
		}
	}

	/** {@link #stream} with its own pool of {@code threads} threads (1 = on the calling thread). */
	public static void stream(SpectrumSeries series, DrtSettings settings, int threads, Progress progress, Consumer<SeriesItem> sink) {
		withThreads(threads, ex -> stream(series, series.source(), settings, ex, progress, series.size(), sink));
	}

	/** The DRT map of a series: γ on one common τ grid per spectrum, summaries and tracked peaks. */
	public static DrtMap map(SpectrumSeries series, DrtSettings settings, ExecutorService executor, Progress progress) {
		double[] tau = commonGrid(series, settings);
		List<SeriesItem> items = new ArrayList<>();
		float[][] gamma = new float[series.size()][];
		stream(series, series.source(), settings, executor, progress, series.size(), item -> {
			items.add(item);
			gamma[item.index()] = item.ok() ? toFloat(gammaOn(item.result(), tau)) : nanRow(tau.length);
		});
		return new DrtMap(series.source(), settings, tau, gamma, items);
	}

	public static DrtMap map(SpectrumSeries series, DrtSettings settings, int threads, Progress progress) {
		DrtMap[] out = new DrtMap[1];
		withThreads(threads, ex -> out[0] = map(series, settings, ex, progress));
		return out[0];
	}

	/**
	 * The map's τ grid: half a decade beyond the union of the used τ ranges, 10 points per point of the
	 * largest spectrum — identical to a single fit's output grid when all spectra share one grid.
	 */
	static double[] commonGrid(Collection<Spectrum> spectra, DrtSettings s) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		int maxN = 0;
		for (Spectrum sp : spectra) {
			try {
				UsedPoints p = UsedPoints.of(sp, s.fminHz(), s.fmaxHz(), s.dropNegativeRe(), s.dropInductive(), "");
				lo = Math.min(lo, Math.log(1 / p.freqHz[0]));
				hi = Math.max(hi, Math.log(1 / p.freqHz[p.size() - 1]));
				maxN = Math.max(maxN, p.size());
			} catch (DrtException e) {
				// flagged later, per spectrum
			}
		}
		if (maxN == 0) throw new DrtException("No spectrum of the series can be analysed (all fail the input checks)");
		int nf = 10 * maxN;
		lo -= 0.5 * Math.log(10);
		hi += 0.5 * Math.log(10);
		double[] tau = new double[nf];
		for (int i = 0; i < nf; i++) tau[i] = Math.exp(lo + (hi - lo) * i / (nf - 1));
		return tau;
	}

	private static double[] commonGrid(SpectrumSeries series, DrtSettings s) {
		return commonGrid(series.spectra(), s);
	}

	/** γ of a result on the given grid, reusing the result's own grid when it is the same. */
	static double[] gammaOn(DrtResult r, double[] tau) {
		double[] own = r.tauS();
		if (own.length == tau.length) {
			boolean same = true;
			for (int i = 0; i < tau.length && same; i++) same = Math.abs(own[i] / tau[i] - 1) < 1e-12;
			if (same) return r.gammaOhm();
		}
		return r.gammaAt(tau);
	}

	private static SeriesItem fitOne(DrtFitter fitter, Spectrum s, int index, String source) {
		try {
			return new SeriesItem(index, s, fitter.fit(s, "spectrum " + index + " of " + source), null);
		} catch (DrtException e) {
			return new SeriesItem(index, s, null, e.getMessage());
		}
	}

	private static SeriesItem get(Future<SeriesItem> f) {
		try {
			return f.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException();
		} catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			throw new DrtException("DRT batch failed: " + c, c);
		}
	}

	private static void withThreads(int threads, Consumer<ExecutorService> body) {
		if (threads < 1) throw new DrtException("threads must be at least 1, got " + threads);
		if (threads == 1) {
			body.accept(null);
			return;
		}
		ExecutorService ex = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "tomolyte-drt");
			t.setDaemon(true);
			return t;
		});
		try {
			body.accept(ex);
		} finally {
			ex.shutdownNow();
		}
	}

	private static float[] toFloat(double[] d) {
		float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
		return f;
	}

	private static float[] nanRow(int n) {
		float[] f = new float[n];
		java.util.Arrays.fill(f, Float.NaN);
		return f;
	}
}
