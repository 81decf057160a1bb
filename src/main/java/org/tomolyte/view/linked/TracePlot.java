package org.tomolyte.view.linked;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tomolyte.view.Charts;
import org.tomolyte.view.Decimation;
import org.tomolyte.view.session.SessionState;

/**
 * The voltage-trace panel: Ewe (left axis) and current (right axis) against time, decimated for display
 * without losing extrema, with a marker at every scan time, labelled events, the selected time range
 * shaded and the time cursor as a vertical line. It only shows: {@link #update} follows the session state.
 */
public final class TracePlot implements LinkedView {
	/** Screen buckets for decimation; four points each at most. */
	private static final int BUCKETS = 1000;
	private final double[] timeS;
	private final double[] eweV;
	private final double[] currentMa;
	private final JFreeChart chart;
	private final ValueMarker cursor = new ValueMarker(Double.NaN, new Color(200, 0, 0), new BasicStroke(1.5f));
	private final IntervalMarker range = new IntervalMarker(0, 0, new Color(0, 114, 178, 40));
	private double shownFrom = Double.NaN, shownTo = Double.NaN;
	private final java.util.List<ValueMarker> timedMarkers = new java.util.ArrayList<>();
	private final java.util.List<Double> markerTimesS = new java.util.ArrayList<>();
	private final java.util.List<ValueMarker> scanMarkers = new java.util.ArrayList<>();
	private int selectedScan = -1;
	private double[] capacityMah;
	private boolean onCapacity;
	private double cursorS = Double.NaN, rangeStartS = Double.NaN, rangeEndS = Double.NaN;

	/**
	 * @param timeS trace time (s), non-decreasing
	 * @param eweV potential (V)
	 * @param currentMa current (mA), or null
	 * @param scanTimesS scan start times to mark, or null
	 * @param eventTimesS times of detected events (short circuit, onset), or null
	 * @param eventLabels their labels
	 */
	public TracePlot(double[] timeS, double[] eweV, double[] currentMa, double[] scanTimesS, double[] eventTimesS, String[] eventLabels) {
		this.timeS = timeS;
		this.eweV = eweV;
		this.currentMa = currentMa;
		chart = Charts.lines("Voltage trace", "time / s", "Ewe / V", false, new XYSeries("Ewe"));
		if (currentMa != null) Charts.addRightAxis(chart, "I / mA", false, new XYSeries("I"));
		XYPlot plot = chart.getXYPlot();
		// one path per series, not antialiased: a min/max-decimated noisy trace is a dense band whose
		// antialiased rasterisation alone would take most of the 50 ms redraw budget
		chart.setAntiAlias(false);
		chart.setTextAntiAlias(true);
		for (int d = 0; d < plot.getRendererCount(); d++)
			if (plot.getRenderer(d) instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer)
				((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer(d)).setDrawSeriesLineAsPath(true);
		if (scanTimesS != null)
			for (int i = 0; i < scanTimesS.length; i++) {
				ValueMarker m = new ValueMarker(scanTimesS[i], new Color(150, 150, 150), new BasicStroke(0.8f)); // solid: dashed full-height lines cost ms each
				m.setLabel("t" + i);
				m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
				m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
				plot.addDomainMarker(m);
				timedMarkers.add(m);
				markerTimesS.add(scanTimesS[i]);
				scanMarkers.add(m);
			}
		if (eventTimesS != null)
			for (int i = 0; i < eventTimesS.length; i++) {
				ValueMarker m = new ValueMarker(eventTimesS[i], new Color(213, 94, 0), new BasicStroke(1.2f));
				m.setLabel(eventLabels != null && i < eventLabels.length ? eventLabels[i] : "event");
				m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT); // label left of the line: late events stay inside the plot
				m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
				timedMarkers.add(m);
				markerTimesS.add(eventTimesS[i]);
				plot.addDomainMarker(m);
			}
		plot.addDomainMarker(range, Layer.BACKGROUND);
		plot.addDomainMarker(cursor, Layer.FOREGROUND);
		showWindow(timeS.length > 0 ? timeS[0] : 0, timeS.length > 0 ? timeS[timeS.length - 1] : 1);
		// zoom and pan re-decimate for the visible window, so a zoomed-in trace shows every sample there
		plot.getDomainAxis().addChangeListener(e -> {
			org.jfree.chart.axis.ValueAxis a = plot.getDomainAxis();
			double[] span = timeSpanS();
			if (a.isAutoRange()) showWindow(span[0], span[1]);
			else showWindow(Math.max(span[0], timeAt(a.getLowerBound())), Math.min(span[1], timeAt(a.getUpperBound())));
		});
	}

	public JFreeChart chart() {
		return chart;
	}

	/** The range of times the trace covers (s), {from, to}. */
	public double[] timeSpanS() {
		return timeS.length == 0 ? new double[] { 0, 1 } : new double[] { timeS[0], timeS[timeS.length - 1] };
	}

	@Override
	public java.util.Map<String, JFreeChart> charts() {
		return java.util.Collections.singletonMap("trace", chart);
	}

	@Override
	public void sync(SessionState s) {
		update(s.cursorS(), s.rangeStartS(), s.rangeEndS());
		selectScan(s.scan());
	}

	@Override
	public void changed(SessionState s, java.util.Set<SessionState.Change> c) {
		if (c.contains(SessionState.Change.CURSOR) || c.contains(SessionState.Change.RANGE)) update(s.cursorS(), s.rangeStartS(), s.rangeEndS());
		if (c.contains(SessionState.Change.SCAN)) selectScan(s.scan());
	}

	/** Draws the marker of the scan shown in the tomogram view bold and dark. */
	public void selectScan(int scan) {
		if (scan == selectedScan) return;
		if (selectedScan >= 0 && selectedScan < scanMarkers.size()) {
			scanMarkers.get(selectedScan).setPaint(new Color(150, 150, 150));
			scanMarkers.get(selectedScan).setStroke(new BasicStroke(0.8f));
		}
		selectedScan = scan;
		if (scan >= 0 && scan < scanMarkers.size()) {
			scanMarkers.get(scan).setPaint(new Color(60, 60, 60));
			scanMarkers.get(scan).setStroke(new BasicStroke(2f));
		}
	}

	/** The scan whose marker is drawn bold, −1 for none. */
	public int selectedScan() {
		return selectedScan;
	}

	/** Current cursor position shown (s), NaN when hidden. */
	public double cursorShownS() {
		double v = cursor.getValue();
		return v == -1e300 ? Double.NaN : timeAt(v);
	}

	/**
	 * Gives the trace a capacity axis: the capacity passed (mAh, ∫|I|dt, non-decreasing) at every sample, as
	 * an alternative to time for plotting against charge (see {@link #showCapacity}).
	 */
	public void setCapacity(double[] capacityMah) {
		if (capacityMah != null && capacityMah.length != timeS.length)
			throw new IllegalArgumentException("capacity has " + capacityMah.length + " values for " + timeS.length + " samples");
		this.capacityMah = capacityMah;
	}

	public boolean hasCapacity() {
		return capacityMah != null;
	}

	/** Plots against the capacity passed instead of time (false: time); the state stays in time. */
	public void showCapacity(boolean on) {
		boolean want = on && capacityMah != null;
		if (want == onCapacity) return;
		onCapacity = want;
		XYPlot plot = chart.getXYPlot();
		plot.getDomainAxis().setLabel(onCapacity ? "capacity passed / mAh" : "time / s");
		for (int i = 0; i < timedMarkers.size(); i++)
			timedMarkers.get(i).setValue(xOf(markerTimesS.get(i)));
		shownFrom = shownTo = Double.NaN;
		plot.getDomainAxis().setAutoRange(true);
		double[] span = timeSpanS();
		showWindow(span[0], span[1]);
		update(cursorS, rangeStartS, rangeEndS);
	}

	public boolean capacityShown() {
		return onCapacity;
	}

	/** The x value of time t on the current axis. */
	public double xOf(double t) {
		return onCapacity ? SessionStateTimes.interpolate(timeS, capacityMah, t) : t;
	}

	/** The time (s) at x on the current axis (on the capacity axis, the first time that capacity was reached). */
	public double timeAt(double x) {
		if (!onCapacity) return x;
		int n = capacityMah.length;
		if (n == 0 || Double.isNaN(x)) return Double.NaN;
		int lo = 0, hi = n - 1;
		if (x <= capacityMah[0]) return timeS[0];
		if (x >= capacityMah[n - 1]) return timeS[n - 1];
		while (hi - lo > 1) {
			int mid = (lo + hi) >>> 1;
			if (capacityMah[mid] < x) lo = mid;
			else hi = mid;
		}
		double d = capacityMah[hi] - capacityMah[lo];
		return d <= 0 ? timeS[hi] : timeS[lo] + (x - capacityMah[lo]) / d * (timeS[hi] - timeS[lo]);
	}

	/** Re-decimates for the visible time window (call after zoom/pan). */
	public void showWindow(double fromS, double toS) {
		if (fromS == shownFrom && toS == shownTo) return;
		shownFrom = fromS;
		shownTo = toS;
		XYPlot plot = chart.getXYPlot();
		setSeries((XYSeriesCollection) plot.getDataset(0), "Ewe", Decimation.minMax(timeS, eweV, fromS, toS, BUCKETS));
		if (currentMa != null) setSeries((XYSeriesCollection) plot.getDataset(1), "I", Decimation.minMax(timeS, currentMa, fromS, toS, BUCKETS));
	}

	private void setSeries(XYSeriesCollection data, String name, double[][] xy) {
		if (onCapacity) {
			double[] x = new double[xy[0].length];
			for (int i = 0; i < x.length; i++)
				x[i] = xOf(xy[0][i]);
			xy = new double[][] { x, xy[1] };
		}
		XYSeries s = Charts.series(name, xy[0], xy[1]);
		data.removeAllSeries();
		data.addSeries(s);
	}

	/** Moves the cursor line and the shaded range. */
	public void update(double cursorS, double rangeStartS, double rangeEndS) {
		this.cursorS = cursorS;
		this.rangeStartS = rangeStartS;
		this.rangeEndS = rangeEndS;
		cursor.setValue(Double.isNaN(cursorS) ? -1e300 : xOf(cursorS));
		if (Double.isNaN(rangeStartS)) {
			range.setStartValue(-1e300);
			range.setEndValue(-1e300);
		} else {
			range.setStartValue(xOf(rangeStartS));
			range.setEndValue(xOf(rangeEndS));
		}
	}
}
