package org.tomolyte.view.linked;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tomolyte.model.Table;
import org.tomolyte.view.Charts;
import org.tomolyte.view.session.SessionState;

/**
 * The crack-metrics panel: depth, area and volume of every tracked crack or chip against the areal
 * capacity passed (mAh cm⁻², the charge axis of Wu &amp; Hatzell 2025, Fig. 2), one line per track, the
 * selected track drawn bold, and the cursor as the capacity reached at the cursor time.
 */
public final class CrackPlot implements LinkedView {
	private static final String[][] METRICS = { { "depth_um", "depth / µm" }, { "area_um2", "area / µm²" }, { "volume_um3", "volume / µm³" } };
	private final JFreeChart chart;
	private final List<XYPlot> subplots = new ArrayList<>();
	private final List<ValueMarker> cursors = new ArrayList<>();
	private final List<Integer> trackIds = new ArrayList<>();
	private final double[] timeS, capacity;
	private int shownTrack = Integer.MIN_VALUE;

	/** @param tracks a crack-track table ({@code tracks.csv}), or null for an empty panel */
	public CrackPlot(Table tracks) {
		NumberAxis x = new NumberAxis("capacity / mAh cm⁻²");
		x.setAutoRangeIncludesZero(false);
		x.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
		combined.setGap(6);
		Map<Integer, XYSeries[]> byTrack = new TreeMap<>();
		TreeMap<Double, Double> capAt = new TreeMap<>();
		if (tracks != null)
			for (int r = 0; r < tracks.rowCount(); r++) {
				double id = tracks.getDouble(r, "track_id");
				double cap = tracks.getDouble(r, "capacity_mah_cm2");
				double t = tracks.getDouble(r, "time_s");
				if (Double.isNaN(id) || Double.isNaN(cap)) continue;
				if (!Double.isNaN(t)) capAt.put(t, cap);
				XYSeries[] s = byTrack.computeIfAbsent((int) id, k -> new XYSeries[METRICS.length]);
				for (int m = 0; m < METRICS.length; m++) {
					if (s[m] == null) s[m] = new XYSeries("track " + (int) id, true, true);
					double v = tracks.columns().contains(METRICS[m][0]) ? tracks.getDouble(r, METRICS[m][0]) : Double.NaN;
					if (Double.isFinite(v)) s[m].addOrUpdate(cap, v);
				}
			}
		trackIds.addAll(byTrack.keySet());
		for (int m = 0; m < METRICS.length; m++) {
			XYSeriesCollection data = new XYSeriesCollection();
			for (XYSeries[] s : byTrack.values())
				data.addSeries(s[m]);
			NumberAxis y = new NumberAxis(METRICS[m][1]);
			y.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
			XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
			XYPlot p = new XYPlot(data, null, y, r);
			p.setBackgroundPaint(Color.WHITE);
			p.setDomainGridlinePaint(new Color(220, 220, 220));
			p.setRangeGridlinePaint(new Color(220, 220, 220));
			ValueMarker c = new ValueMarker(-1e300, new Color(200, 0, 0), new BasicStroke(1.5f));
			p.addDomainMarker(0, c, Layer.FOREGROUND);
			cursors.add(c);
			subplots.add(p);
			combined.add(p, 1);
		}
		timeS = new double[capAt.size()];
		capacity = new double[capAt.size()];
		int k = 0;
		for (Map.Entry<Double, Double> e : capAt.entrySet()) {
			timeS[k] = e.getKey();
			capacity[k++] = e.getValue();
		}
		chart = new JFreeChart(trackIds.isEmpty() ? "Crack metrics — no crack tracks" : "Crack metrics", new Font("SansSerif", Font.BOLD, 13), combined,
				trackIds.size() > 1 && trackIds.size() <= 12);
		chart.setBackgroundPaint(Color.WHITE);
		highlight(-1);
	}

	public JFreeChart chart() {
		return chart;
	}

	@Override
	public Map<String, JFreeChart> charts() {
		return Collections.singletonMap("crack_metrics", chart);
	}

	@Override
	public void sync(SessionState s) {
		update(s.cursorS(), s.track());
	}

	@Override
	public void changed(SessionState s, java.util.Set<SessionState.Change> c) {
		if (c.contains(SessionState.Change.CURSOR) || c.contains(SessionState.Change.TRACK)) sync(s);
	}

	/** Moves the cursor to the capacity at {@code cursorS} and draws {@code trackId} bold. */
	public void update(double cursorS, int trackId) {
		double cap = SessionStateTimes.interpolate(timeS, capacity, cursorS);
		for (ValueMarker m : cursors)
			m.setValue(Double.isNaN(cap) ? -1e300 : cap);
		if (trackId != shownTrack) highlight(trackId);
	}

	private void highlight(int trackId) {
		shownTrack = trackId;
		for (XYPlot p : subplots) {
			XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
			for (int i = 0; i < trackIds.size(); i++) {
				boolean sel = trackIds.get(i) == trackId;
				r.setSeriesPaint(i, sel ? Color.BLACK : Charts.PALETTE[i % 6], false);
				r.setSeriesStroke(i, new BasicStroke(sel ? 3f : 1.2f), false);
				r.setSeriesShape(i, sel ? new Rectangle2D.Double(-4, -4, 8, 8) : new Rectangle2D.Double(-2, -2, 4, 4), false);
			}
			p.datasetChanged(new org.jfree.data.general.DatasetChangeEvent(this, p.getDataset()));
		}
	}

	/** The track drawn bold, −1 for none. */
	public int highlighted() {
		return shownTrack;
	}

	/** The capacity the cursor shows (mAh cm⁻²), NaN when hidden. */
	public double cursorCapacityShown() {
		double v = cursors.get(0).getValue();
		return v == -1e300 ? Double.NaN : v;
	}

	/** The time (s) at which a track point was measured closest to a click, with its track: {trackId, timeS}; null when none is near. */
	public double[] trackAt(Point2D click, ChartRenderingInfo info, Table tracks) {
		if (info == null || tracks == null) return null;
		PlotRenderingInfo pi = info.getPlotInfo();
		for (int m = 0; m < subplots.size() && m < pi.getSubplotCount(); m++) {
			Rectangle2D area = pi.getSubplotInfo(m).getDataArea();
			if (!area.contains(click)) continue;
			XYPlot p = subplots.get(m);
			CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
			double best = 12 * 12;
			double[] hit = null;
			for (int r = 0; r < tracks.rowCount(); r++) {
				double cap = tracks.getDouble(r, "capacity_mah_cm2");
				double v = tracks.columns().contains(METRICS[m][0]) ? tracks.getDouble(r, METRICS[m][0]) : Double.NaN;
				if (!Double.isFinite(cap) || !Double.isFinite(v)) continue;
				double px = combined.getDomainAxis().valueToJava2D(cap, area, p.getDomainAxisEdge());
				double py = p.getRangeAxis().valueToJava2D(v, area, p.getRangeAxisEdge());
				double d = (px - click.getX()) * (px - click.getX()) + (py - click.getY()) * (py - click.getY());
				if (d < best) {
					best = d;
					hit = new double[] { tracks.getDouble(r, "track_id"), tracks.getDouble(r, "time_s") };
				}
			}
			return hit;
		}
		return null;
	}
}
