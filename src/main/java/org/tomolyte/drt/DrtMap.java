package org.tomolyte.drt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The DRT map of an operando series: γ(τ) of every spectrum on one common τ grid (rows = spectra in
 * series order, NaN rows for spectra that could not be analysed), the spectra's start times, voltages and
 * currents, their per-spectrum results, and their peaks named by {@link PeakTracker} across the series.
 */
public final class DrtMap {
	private final String source;
	private final DrtSettings settings;
	private final double[] tauS;
	private final float[][] gamma;
	private final List<SeriesItem> items;
	private final List<List<DrtPeak>> trackedPeaks;

	DrtMap(String source, DrtSettings settings, double[] tauS, float[][] gamma, List<SeriesItem> items) {
		this.source = source;
		this.settings = settings;
		this.tauS = tauS;
		this.gamma = gamma;
		this.items = Collections.unmodifiableList(new ArrayList<>(items));
		PeakTracker tracker = new PeakTracker();
		List<List<DrtPeak>> tp = new ArrayList<>();
		for (SeriesItem it : items) tp.add(it.ok() ? tracker.next(it.result().peaks()) : Collections.emptyList());
		this.trackedPeaks = Collections.unmodifiableList(tp);
	}

	public String source() { return source; }
	public DrtSettings settings() { return settings; }
	public int size() { return items.size(); }
	/** The common τ grid (s), ascending. */
	public double[] tauS() { return tauS.clone(); }
	/** γ (Ω) of spectrum i on {@link #tauS()}; NaN if the spectrum failed. */
	public float[] gamma(int i) { return gamma[i].clone(); }
	/** The whole map, [spectrum][τ] (a copy). */
	public float[][] gamma() {
		float[][] g = new float[gamma.length][];
		for (int i = 0; i < g.length; i++) g[i] = gamma[i].clone();
		return g;
	}
	/** Start time (s) of every spectrum. */
	public double[] startTimesS() {
		double[] t = new double[items.size()];
		for (int i = 0; i < t.length; i++) t[i] = items.get(i).startTimeS();
		return t;
	}
	public List<SeriesItem> items() { return items; }
	/** Peaks of spectrum i, named consistently across the series (default tracker: P1, P2, …, ½-decade jumps). */
	public List<DrtPeak> peaks(int i) { return trackedPeaks.get(i); }

	/** The peaks of every spectrum named by the given (fresh) tracker, e.g. one seeded with named peaks. */
	public List<List<DrtPeak>> trackPeaks(PeakTracker tracker) {
		List<List<DrtPeak>> tp = new ArrayList<>();
		for (SeriesItem it : items) tp.add(it.ok() ? tracker.next(it.result().peaks()) : Collections.<DrtPeak>emptyList());
		return tp;
	}
}
