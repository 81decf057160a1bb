package org.tomolyte.drt;

import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.task.Progress;

/**
 * Façade of the DRT package, one call per user action. The DRT is the Tikhonov-regularised, non-negative
 * RBF deconvolution of DRTtools/pyDRTtools (Wan et al., Electrochim. Acta 184 (2015) 483; Saccoccio et al.,
 * Electrochim. Acta 147 (2014) 470) solved exactly by active-set NNLS; see {@link DrtSettings} for the
 * objective and {@link DrtTables} for the output tables.
 */
public final class Drt {
	private Drt() {}

	/** "DRT of Spectrum": the DRT of one spectrum. */
	public static DrtResult fit(Spectrum spectrum, DrtSettings settings) {
		return new DrtFitter(settings).fit(spectrum, "spectrum");
	}

	/** "DRT Map": the DRTs of a series on {@code threads} threads (results independent of the count). */
	public static DrtMap map(SpectrumSeries series, DrtSettings settings, int threads, Progress progress) {
		return DrtBatch.map(series, settings, threads, progress);
	}

	/** "DRT Map" on a caller-provided executor. */
	public static DrtMap map(SpectrumSeries series, DrtSettings settings, ExecutorService executor, Progress progress) {
		return DrtBatch.map(series, settings, executor, progress);
	}

	/** Streaming batch: one callback per spectrum, in series order, memory independent of the series length. */
	public static void stream(SpectrumSeries series, DrtSettings settings, int threads, Progress progress, Consumer<SeriesItem> sink) {
		DrtBatch.stream(series, settings, threads, progress, sink);
	}

	/** "KK Test": linear Kramers–Kronig test with the default μ = 0.85 and 1 % residual limit. */
	public static KkResult kramersKronig(Spectrum spectrum, DrtSettings mask) {
		return KramersKronig.test(spectrum, mask);
	}
}
