package org.tomolyte.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Small builders for the suite's standard plots (lines, markers, log axes, twin y axes) with one
 * consistent, print-friendly style. Views and headless renderers both use these, so a figure in the
 * window and in the report look the same.
 */
public final class Charts {
	/** The suite's series colours (colour-blind safe, Okabe–Ito). */
	public static final Color[] PALETTE = { new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
			new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66) };

	private Charts() {}

	/** A series from x/y arrays, skipping non-finite points. */
	public static XYSeries series(String name, double[] x, double[] y) {
		XYSeries s = new XYSeries(name, false, true);
		for (int i = 0; i < Math.min(x.length, y.length); i++)
			if (Double.isFinite(x[i]) && Double.isFinite(y[i])) s.add(x[i], y[i], false);
		return s;
	}

	/** An XY chart with lines (and optionally markers) for each series. */
	public static JFreeChart lines(String title, String xLabel, String yLabel, boolean markers, XYSeries... series) {
		XYSeriesCollection data = new XYSeriesCollection();
		for (XYSeries s : series)
			data.addSeries(s);
		NumberAxis x = new NumberAxis(xLabel);
		x.setAutoRangeIncludesZero(false);
		NumberAxis y = new NumberAxis(yLabel);
		y.setAutoRangeIncludesZero(false);
		XYPlot plot = new XYPlot(data, x, y, renderer(series.length, markers, 0));
		return style(new JFreeChart(title, plot), plot);
	}

	/**
	 * Adds a dataset on a second y axis at the right (e.g. current beside voltage). The axis includes zero,
	 * so a constant current shows as a flat line instead of magnified noise.
	 */
	public static void addRightAxis(JFreeChart chart, String yLabel, boolean markers, XYSeries... series) {
		XYPlot plot = chart.getXYPlot();
		XYSeriesCollection data = new XYSeriesCollection();
		for (XYSeries s : series)
			data.addSeries(s);
		int index = plot.getDatasetCount();
		NumberAxis y = new NumberAxis(yLabel);
		y.setAutoRangeIncludesZero(true);
		y.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		plot.setRangeAxis(index, y);
		plot.setDataset(index, data);
		plot.mapDatasetToRangeAxis(index, index);
		plot.setRenderer(index, renderer(series.length, markers, 1 + plot.getSeriesCount() - series.length));
	}

	/** Replaces the x axis with a log10 axis (for τ or frequency). */
	public static void logX(JFreeChart chart, String label) {
		LogAxis axis = new LogAxis(label);
		axis.setBase(10);
		axis.setSmallestValue(1e-12);
		axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false); // one tick per decade
		axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		chart.getXYPlot().setDomainAxis(axis);
	}

	/** Makes both axes of a Nyquist plot span the same number of Ω per pixel for a given size. */
	public static void equalAspect(JFreeChart chart, int widthPx, int heightPx) {
		XYPlot plot = chart.getXYPlot();
		ValueAxis x = plot.getDomainAxis();
		ValueAxis y = plot.getRangeAxis();
		double xr = x.getRange().getLength();
		double yr = y.getRange().getLength();
		double perPx = Math.max(xr / widthPx, yr / heightPx);
		double xc = x.getRange().getCentralValue();
		double yc = y.getRange().getCentralValue();
		x.setRange(xc - perPx * widthPx / 2, xc + perPx * widthPx / 2);
		y.setRange(yc - perPx * heightPx / 2, yc + perPx * heightPx / 2);
	}

	/** Adds a subtitle line (e.g. the key numbers of an analysis). */
	public static void subtitle(JFreeChart chart, String text) {
		chart.addSubtitle(new TextTitle(text, new Font("SansSerif", Font.PLAIN, 11)));
	}

	private static XYLineAndShapeRenderer renderer(int n, boolean markers, int colourOffset) {
		XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, markers);
		for (int i = 0; i < n; i++) {
			Paint p = PALETTE[(i + colourOffset) % PALETTE.length];
			r.setSeriesPaint(i, p);
			r.setSeriesStroke(i, new BasicStroke(1.4f));
		}
		return r;
	}

	static JFreeChart style(JFreeChart chart, XYPlot plot) {
		chart.setBackgroundPaint(Color.WHITE);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(new Color(220, 220, 220));
		plot.setRangeGridlinePaint(new Color(220, 220, 220));
		if (chart.getTitle() != null) chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
		plot.getDomainAxis().setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		plot.getRangeAxis().setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
		return chart;
	}
}
