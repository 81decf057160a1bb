package org.tomolyte.view.linked;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.tomolyte.view.HeatMaps;

/**
 * The DRT-map panel: γ over (log10 τ, time) as a heat map with a log colour scale, peak tracks overlaid as
 * points, and the time cursor as a horizontal line at the selected spectrum's time.
 */
public final class DrtMapPlot {
	private final JFreeChart chart;
	private final ValueMarker cursor = new ValueMarker(Double.NaN, Color.RED, new BasicStroke(1.5f));
	private final double[] timesS;

	/**
	 * @param tauS the common τ grid (s)
	 * @param timesS one time per spectrum (s)
	 * @param gamma gamma[spectrum][τ] (Ω)
	 * @param peakTauS per spectrum the τ of its tracked peaks, or null
	 */
	public DrtMapPlot(double[] tauS, double[] timesS, float[][] gamma, double[][] peakTauS) {
		this.timesS = timesS.clone();
		double[] logTau = new double[tauS.length];
		for (int i = 0; i < tauS.length; i++)
			logTau[i] = Math.log10(tauS[i]);
		double[][] g = new double[gamma.length][];
		for (int r = 0; r < gamma.length; r++) {
			g[r] = new double[gamma[r].length];
			for (int c = 0; c < g[r].length; c++)
				g[r][c] = gamma[r][c];
		}
		chart = HeatMaps.heatMap("Operando DRT", "log10(τ / s)", "time / s", "γ / Ω", logTau, timesS, g, true);
		XYPlot plot = chart.getXYPlot();
		if (peakTauS != null)
			for (int r = 0; r < peakTauS.length && r < timesS.length; r++)
				if (peakTauS[r] != null)
					for (double t : peakTauS[r])
						plot.addAnnotation(new XYShapeAnnotation(new java.awt.geom.Ellipse2D.Double(Math.log10(t) - 0.04, timesS[r] - 0.3 * step(timesS), 0.08, 0.6 * step(timesS)),
								new BasicStroke(1f), Color.WHITE, Color.WHITE));
		plot.addRangeMarker(0, cursor, Layer.FOREGROUND);
	}

	private static double step(double[] t) {
		return t.length > 1 ? Math.abs(t[t.length - 1] - t[0]) / (t.length - 1) : 1;
	}

	public JFreeChart chart() {
		return chart;
	}

	/** The horizontal cursor sits at the selected spectrum's time. */
	public void update(int spectrum) {
		cursor.setValue(spectrum >= 0 && spectrum < timesS.length ? timesS[spectrum] : -1e300);
	}

	/** The spectrum whose row contains time {@code t} (for clicks). */
	public int spectrumAt(double t) {
		int best = -1;
		double bd = Double.POSITIVE_INFINITY;
		for (int i = 0; i < timesS.length; i++)
			if (Math.abs(timesS[i] - t) < bd) {
				bd = Math.abs(timesS[i] - t);
				best = i;
			}
		return best;
	}
}
