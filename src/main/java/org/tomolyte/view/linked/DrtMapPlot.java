package org.tomolyte.view.linked;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tomolyte.drt.DrtPeak;
import org.tomolyte.view.Charts;
import org.tomolyte.view.HeatMaps;
import org.tomolyte.view.session.SessionState;

/**
 * The DRT-map panel: γ over (log10 τ, time) as a heat map with a log colour scale (drawn from one
 * pre-rendered image, so a cursor move costs no more than for a small map), peak tracks overlaid as
 * points coloured by peak name, optional iso-γ contours, and the time cursor as a horizontal line.
 */
public final class DrtMapPlot implements LinkedView {
	/** Decades of γ the colour scale spans below the map's maximum. */
	private static final double DECADES = 3;
	private final JFreeChart chart;
	private final ValueMarker cursor = new ValueMarker(-1e300, new Color(230, 30, 30), new BasicStroke(1.5f));
	private final ValueMarker selected = new ValueMarker(-1e300, Color.WHITE, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] { 4, 3 }, 0));
	private final double[] timesS;
	private final double[] logTau;
	private final double[][] logGamma;
	private final double floor, top;
	private final List<XYLineAnnotation> contours = new ArrayList<>();

	/**
	 * @param tauS the common τ grid (s), ascending
	 * @param timesS one time per spectrum (s), ascending
	 * @param gamma gamma[spectrum][τ] (Ω), NaN rows for failed spectra
	 * @param peaks per spectrum its (tracked) peaks, or null
	 */
	public DrtMapPlot(double[] tauS, double[] timesS, float[][] gamma, List<List<DrtPeak>> peaks) {
		this.timesS = timesS.clone();
		logTau = new double[tauS.length];
		for (int i = 0; i < tauS.length; i++)
			logTau[i] = Math.log10(tauS[i]);
		double max = Double.NEGATIVE_INFINITY;
		for (float[] row : gamma)
			for (float v : row)
				if (Float.isFinite(v)) max = Math.max(max, v);
		if (!(max > 0)) max = 1;
		top = Math.log10(max);
		floor = top - DECADES;
		logGamma = new double[gamma.length][logTau.length];
		for (int r = 0; r < gamma.length; r++)
			for (int c = 0; c < logTau.length; c++) {
				float v = gamma[r][c];
				logGamma[r][c] = Float.isNaN(v) ? Double.NaN : v > 0 ? Math.max(floor, Math.log10(v)) : floor;
			}
		LookupPaintScale scale = HeatMaps.viridis(floor, top);

		XYSeriesCollection peakData = new XYSeriesCollection();
		Map<String, XYSeries> byName = new LinkedHashMap<>();
		if (peaks != null)
			for (int r = 0; r < peaks.size() && r < timesS.length; r++)
				for (DrtPeak p : peaks.get(r))
					if (p.tauS() > 0) byName.computeIfAbsent(p.name() == null ? "peak" : p.name(), n -> new XYSeries(n, false, true)).add(Math.log10(p.tauS()), timesS[r], false);
		for (XYSeries s : byName.values())
			peakData.addSeries(s);
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
		for (int i = 0; i < byName.size(); i++) {
			renderer.setSeriesPaint(i, i == 0 ? Color.WHITE : Charts.PALETTE[(i + 3) % Charts.PALETTE.length]);
			renderer.setSeriesShape(i, new java.awt.Rectangle(-2, -2, 4, 4)); // cheaper to fill than circles, thousands per map
		}
		NumberAxis x = new NumberAxis("log10(τ / s)");
		NumberAxis y = new NumberAxis("time / s");
		double dx = logTau.length > 1 ? (logTau[logTau.length - 1] - logTau[0]) / (logTau.length - 1) : 1;
		double dt = timesS.length > 1 ? (timesS[timesS.length - 1] - timesS[0]) / (timesS.length - 1) : 1;
		double x0 = logTau.length > 0 ? logTau[0] - dx / 2 : 0, x1 = logTau.length > 0 ? logTau[logTau.length - 1] + dx / 2 : 1;
		double t0 = timesS.length > 0 ? timesS[0] - dt / 2 : 0, t1 = timesS.length > 0 ? timesS[timesS.length - 1] + dt / 2 : 1;
		x.setRange(x0, x1);
		y.setRange(t0, t1);
		XYPlot plot = new XYPlot(peakData, x, y, renderer);
		chart = new JFreeChart("Operando DRT", new Font("SansSerif", Font.BOLD, 13), plot, !byName.isEmpty());
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(false); // a heat map and point marks gain nothing from it, and it halves the redraw time
		chart.setTextAntiAlias(true);
		plot.setBackgroundPaint(new Color(68, 1, 84));
		plot.setDomainGridlinesVisible(false);
		plot.setRangeGridlinesVisible(false);
		x.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		y.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		if (timesS.length > 0 && logTau.length > 0)
			plot.getRenderer().addAnnotation(new XYDataImageAnnotation(image(scale, t0, t1), x0, t0, x1 - x0, t1 - t0, false), Layer.BACKGROUND);
		NumberAxis za = new NumberAxis("log10 γ / Ω");
		za.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
		PaintScaleLegend legend = new PaintScaleLegend(scale, za);
		legend.setPosition(RectangleEdge.RIGHT);
		legend.setMargin(4, 4, 4, 4);
		chart.addSubtitle(legend);
		plot.addRangeMarker(0, selected, Layer.FOREGROUND);
		plot.addRangeMarker(0, cursor, Layer.FOREGROUND);
	}

	/** The map as an image: one column per τ, rows resampled in time (nearest spectrum) so gaps show as gaps. */
	private BufferedImage image(LookupPaintScale scale, double t0, double t1) {
		int w = logTau.length;
		int h = Math.max(1, Math.min(4096, Math.max(timesS.length, 2 * timesS.length)));
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		double dt = timesS.length > 1 ? (timesS[timesS.length - 1] - timesS[0]) / (timesS.length - 1) : 1;
		for (int row = 0; row < h; row++) {
			double t = t1 - (row + 0.5) * (t1 - t0) / h; // image row 0 is the latest time (top of the plot)
			int r = SessionStateTimes.nearest(timesS, t);
			if (r < 0 || Math.abs(timesS[r] - t) > Math.max(dt, 1e-12)) continue;
			for (int c = 0; c < w; c++) {
				double v = logGamma[r][c];
				if (Double.isNaN(v)) continue;
				img.setRGB(c, row, ((Color) scale.getPaint(v)).getRGB());
			}
		}
		return img;
	}

	public JFreeChart chart() {
		return chart;
	}

	@Override
	public Map<String, JFreeChart> charts() {
		return Collections.singletonMap("drt_map", chart);
	}

	@Override
	public void sync(SessionState s) {
		update(s.cursorS(), s.spectrum());
	}

	@Override
	public void changed(SessionState s, java.util.Set<SessionState.Change> c) {
		if (c.contains(SessionState.Change.CURSOR) || c.contains(SessionState.Change.SPECTRUM)) sync(s);
	}

	/** The red cursor sits at the cursor time, a dashed line at the selected spectrum's time. */
	public void update(double cursorS, int spectrum) {
		cursor.setValue(Double.isNaN(cursorS) ? -1e300 : cursorS);
		selected.setValue(spectrum >= 0 && spectrum < timesS.length ? timesS[spectrum] : -1e300);
	}

	/** The cursor line's time as drawn (s), NaN when hidden. */
	public double cursorShownS() {
		return cursor.getValue() == -1e300 ? Double.NaN : cursor.getValue();
	}

	/** The spectrum whose row contains time {@code t} (for clicks). */
	public int spectrumAt(double t) {
		return SessionStateTimes.nearest(timesS, t);
	}

	/** Shows or hides iso-γ contours at every half decade. */
	public void setContours(boolean show) {
		XYPlot plot = chart.getXYPlot();
		if (!show) {
			for (XYLineAnnotation a : contours)
				plot.getRenderer().removeAnnotation(a);
			contours.clear();
			return;
		}
		if (!contours.isEmpty()) return;
		BasicStroke stroke = new BasicStroke(0.7f);
		Color paint = new Color(255, 255, 255, 150);
		for (double level = Math.ceil(floor * 2) / 2 + 0.5; level < top; level += 0.5)
			for (double[] seg : Contours.segments(logTau, timesS, logGamma, level)) {
				XYLineAnnotation a = new XYLineAnnotation(seg[0], seg[1], seg[2], seg[3], stroke, paint);
				contours.add(a);
				plot.getRenderer().addAnnotation(a, Layer.FOREGROUND);
			}
	}

	public boolean contoursShown() {
		return !contours.isEmpty();
	}
}
