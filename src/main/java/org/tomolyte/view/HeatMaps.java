package org.tomolyte.view;

import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Heat maps on regular grids, such as a DRT map γ(log τ, time): cells coloured with a perceptual colour
 * map on a linear or log colour scale, with a colour legend. The grid is given as x centres, y centres
 * and values[y][x].
 */
public final class HeatMaps {
	private HeatMaps() {}

	/**
	 * @param x cell centres along x (e.g. log10 τ)
	 * @param y cell centres along y (e.g. time), one per row of {@code values}
	 * @param values values[row][column]
	 * @param logColour colour by log10 of the value (values ≤ 0 take the lowest colour)
	 */
	public static JFreeChart heatMap(String title, String xLabel, String yLabel, String valueLabel, double[] x, double[] y, double[][] values,
			boolean logColour) {
		int n = x.length * y.length;
		double[] xs = new double[n], ys = new double[n], zs = new double[n];
		double max = Double.NEGATIVE_INFINITY;
		for (double[] row : values)
			for (double v : row)
				if (Double.isFinite(v)) max = Math.max(max, v);
		if (!(max > 0)) max = 1;
		double floor = logColour ? Math.log10(max) - 3 : 0;
		double top = logColour ? Math.log10(max) : max;
		int k = 0;
		for (int r = 0; r < y.length; r++)
			for (int c = 0; c < x.length; c++) {
				xs[k] = x[c];
				ys[k] = y[r];
				double v = values[r][c];
				zs[k++] = logColour ? (v > 0 ? Math.max(floor, Math.log10(v)) : floor) : v;
			}
		DefaultXYZDataset data = new DefaultXYZDataset();
		data.addSeries(valueLabel, new double[][] { xs, ys, zs });
		XYBlockRenderer renderer = new XYBlockRenderer();
		renderer.setBlockWidth(x.length > 1 ? Math.abs(x[1] - x[0]) : 1);
		renderer.setBlockHeight(y.length > 1 ? medianStep(y) : 1);
		LookupPaintScale scale = viridis(floor, top > floor ? top : floor + 1);
		renderer.setPaintScale(scale);
		NumberAxis xa = new NumberAxis(xLabel);
		xa.setAutoRangeIncludesZero(false);
		NumberAxis ya = new NumberAxis(yLabel);
		ya.setAutoRangeIncludesZero(false);
		XYPlot plot = new XYPlot(data, xa, ya, renderer);
		JFreeChart chart = Charts.style(new JFreeChart(title, plot), plot);
		chart.removeLegend();
		NumberAxis za = new NumberAxis(logColour ? "log10 " + valueLabel : valueLabel);
		za.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
		PaintScaleLegend legend = new PaintScaleLegend(scale, za);
		legend.setPosition(RectangleEdge.RIGHT);
		legend.setMargin(4, 4, 4, 4);
		chart.addSubtitle(legend);
		return chart;
	}

	private static double medianStep(double[] y) {
		double[] d = new double[y.length - 1];
		for (int i = 0; i < d.length; i++)
			d[i] = Math.abs(y[i + 1] - y[i]);
		java.util.Arrays.sort(d);
		double m = d[d.length / 2];
		return m > 0 ? m : 1;
	}

	/** A 256-step viridis-like colour scale from {@code lo} to {@code hi}. */
	public static LookupPaintScale viridis(double lo, double hi) {
		LookupPaintScale s = new LookupPaintScale(lo, hi, new Color(68, 1, 84));
		int[][] anchors = { { 68, 1, 84 }, { 59, 82, 139 }, { 33, 145, 140 }, { 94, 201, 98 }, { 253, 231, 37 } };
		for (int i = 0; i < 256; i++) {
			double t = i / 255.0 * (anchors.length - 1);
			int a = Math.min((int) t, anchors.length - 2);
			double f = t - a;
			int rr = (int) Math.round(anchors[a][0] + f * (anchors[a + 1][0] - anchors[a][0]));
			int gg = (int) Math.round(anchors[a][1] + f * (anchors[a + 1][1] - anchors[a][1]));
			int bb = (int) Math.round(anchors[a][2] + f * (anchors[a + 1][2] - anchors[a][2]));
			s.add(lo + (hi - lo) * i / 256.0, new Color(rr, gg, bb));
		}
		return s;
	}
}
