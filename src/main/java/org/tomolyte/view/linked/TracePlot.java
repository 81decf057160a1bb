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
			}
		if (eventTimesS != null)
			for (int i = 0; i < eventTimesS.length; i++) {
				ValueMarker m = new ValueMarker(eventTimesS[i], new Color(213, 94, 0), new BasicStroke(1.2f));
				m.setLabel(eventLabels != null && i < eventLabels.length ? eventLabels[i] : "event");
				m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT); // label left of the line: late events stay inside the plot
				m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
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
			else showWindow(Math.max(span[0], a.getLowerBound()), Math.min(span[1], a.getUpperBound()));
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
	}

	@Override
	public void changed(SessionState s, java.util.Set<SessionState.Change> c) {
		if (c.contains(SessionState.Change.CURSOR) || c.contains(SessionState.Change.RANGE)) sync(s);
	}

	/** Current cursor position shown (s), NaN when hidden. */
	public double cursorShownS() {
		double v = cursor.getValue();
		return v == -1e300 ? Double.NaN : v;
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

	private static void setSeries(XYSeriesCollection data, String name, double[][] xy) {
		XYSeries s = Charts.series(name, xy[0], xy[1]);
		data.removeAllSeries();
		data.addSeries(s);
	}

	/** Moves the cursor line and the shaded range. */
	public void update(double cursorS, double rangeStartS, double rangeEndS) {
		cursor.setValue(Double.isNaN(cursorS) ? -1e300 : cursorS);
		if (Double.isNaN(rangeStartS)) {
			range.setStartValue(-1e300);
			range.setEndValue(-1e300);
		} else {
			range.setStartValue(rangeStartS);
			range.setEndValue(rangeEndS);
		}
	}
}
