package org.tomolyte.view.linked;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jfree.chart.JFreeChart;
import org.tomolyte.echem.CapacityAtTime;
import org.tomolyte.model.Trace;
import org.tomolyte.view.FigureExport;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;

/**
 * The set of linked views over one session, without any window: it builds the voltage-trace, DRT-map,
 * spectrum and crack-metrics views from {@link SessionData}, attaches them to a {@link SessionState} and
 * lays their charts out. The Swing window and the headless renderer both show exactly these charts. Views
 * may be added and removed at any time; each only listens to the state.
 */
public final class LinkedViews {
	/** Panel names in layout order (two columns, three rows). */
	public static final List<String> LAYOUT = List.of("trace", "nyquist", "drt_map", "drt", "crack_metrics", "kk_residuals");

	private final SessionData data;
	private final SessionState state;
	private final List<LinkedView> views = new CopyOnWriteArrayList<>();
	private final TracePlot trace;
	private final DrtMapPlot map;
	private final SpectrumPlot spectrum;
	private final CrackPlot cracks;

	/** Builds the standard views and attaches them to {@code state} (whose timeline it sets). */
	public LinkedViews(SessionData data, SessionState state) {
		this.data = data;
		this.state = state;
		state.setTimeline(data.spectrumTimesS(), data.scanTimesS());
		trace = tracePlot(data);
		map = data.hasDrt() && data.mapTauS() != null ? new DrtMapPlot(data.mapTauS(), data.spectrumTimesS(), data.mapGamma(), peaks(data)) : null;
		SpectrumFit[] cache = new SpectrumFit[data.spectrumCount()];
		spectrum = new SpectrumPlot(data.spectra(), i -> {
			if (cache[i] == null) cache[i] = SpectrumFit.of(data.drt(i), data.peaks(i), kkOrNull(data, i));
			return cache[i];
		});
		cracks = new CrackPlot(data.tracks());
		for (LinkedView v : new LinkedView[] { trace, map, spectrum, cracks })
			if (v != null) add(v);
	}

	private static org.tomolyte.drt.KkResult kkOrNull(SessionData data, int i) {
		try {
			return data.kk(i);
		} catch (RuntimeException e) {
			return null; // a spectrum the test cannot handle shows no residuals
		}
	}

	private static List<List<org.tomolyte.drt.DrtPeak>> peaks(SessionData d) {
		List<List<org.tomolyte.drt.DrtPeak>> p = new ArrayList<>();
		for (int i = 0; i < d.spectrumCount(); i++)
			p.add(d.peaks(i));
		return p;
	}

	private static TracePlot tracePlot(SessionData d) {
		Trace t = d.trace();
		double[] ev = new double[d.events().size()];
		String[] labels = new String[ev.length];
		for (int i = 0; i < ev.length; i++) {
			ev[i] = d.events().get(i).timeS;
			labels[i] = d.events().get(i).label;
		}
		if (t != null && t.has(Trace.TIME_S) && t.eweV() != null) {
			TracePlot p = new TracePlot(t.timeS(), t.eweV(), t.currentMa(), d.scanTimesS(), ev, labels);
			if (t.currentMa() != null) try {
				// with a 1 cm² "area" the library's capacity per area is the capacity passed in mAh
				p.setCapacity(CapacityAtTime.of(t, 1).throughputMahCm2At(t.timeS()));
			} catch (RuntimeException e) {
				// time runs backwards or the current is unusable: the trace is shown against time only
			}
			return p;
		}
		// no trace: the spectra's mean potentials stand in for it, so the cursor still has a time axis
		double[] times = d.spectrumTimesS();
		double[] ewe = new double[times.length];
		for (int i = 0; i < ewe.length; i++)
			ewe[i] = d.spectra().get(i).meanEweV();
		return new TracePlot(times, ewe, null, d.scanTimesS(), ev, labels);
	}

	/** Attaches a view: it shows the current state at once and follows it from now on. */
	public void add(LinkedView v) {
		views.add(v);
		v.sync(state);
		state.addListener(v);
	}

	/** Detaches a view; the others are unaffected. */
	public void remove(LinkedView v) {
		state.removeListener(v);
		views.remove(v);
	}

	/** Detaches every view from the state (when the window closes). */
	public void detachAll() {
		for (LinkedView v : views)
			remove(v);
	}

	public List<LinkedView> views() {
		return Collections.unmodifiableList(views);
	}

	public SessionData data() {
		return data;
	}

	public SessionState state() {
		return state;
	}

	public TracePlot trace() {
		return trace;
	}

	/** The DRT-map view, or null when the session has no DRTs. */
	public DrtMapPlot map() {
		return map;
	}

	public SpectrumPlot spectrum() {
		return spectrum;
	}

	public CrackPlot cracks() {
		return cracks;
	}

	/** Every attached view's charts by panel name, in layout order first. */
	public Map<String, JFreeChart> charts() {
		Map<String, JFreeChart> all = new LinkedHashMap<>();
		for (LinkedView v : views)
			all.putAll(v.charts());
		Map<String, JFreeChart> ordered = new LinkedHashMap<>();
		for (String n : LAYOUT)
			if (all.containsKey(n)) ordered.put(n, all.remove(n));
		ordered.putAll(all);
		return ordered;
	}

	/** Draws all charts in a two-column grid filling {@code width × height}. */
	public void drawLayout(Graphics2D g, int width, int height) {
		drawLayout(g, width, height, 2);
	}

	/** Draws all charts in a grid of {@code columns} columns filling {@code width × height}. */
	public void drawLayout(Graphics2D g, int width, int height, int columns) {
		Map<String, JFreeChart> charts = charts();
		int n = charts.size();
		int cols = Math.max(1, columns), rows = Math.max(1, (n + cols - 1) / cols);
		double w = width / (double) cols, h = height / (double) rows;
		g.setPaint(Color.WHITE);
		g.fillRect(0, 0, width, height);
		int k = 0;
		for (JFreeChart c : charts.values()) {
			FigureExport.draw(c, g, (k % cols) * w, (k / cols) * h, w, h);
			k++;
		}
	}
}
