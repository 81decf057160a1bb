package org.tomolyte.view;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.tomolyte.drt.DrtMap;
import org.tomolyte.drt.DrtPeak;
import org.tomolyte.drt.DrtResult;
import org.tomolyte.model.Trace;

/** Figures of DRT results: Nyquist with the fit, γ(τ) with peaks, and the operando map beside the voltage. */
public final class DrtFigures {
	private DrtFigures() {}

	/** −Im Z against Re Z: measured points and the DRT fit. */
	public static JFreeChart nyquist(DrtResult r, String title) {
		double[] fitIm = r.fitImOhm(), im = r.zImOhm();
		for (int i = 0; i < im.length; i++) {
			im[i] = -im[i];
			fitIm[i] = -fitIm[i];
		}
		JFreeChart c = Charts.lines(title, "Re Z / Ω", "−Im Z / Ω", true, Charts.series("measured", r.zReOhm(), im), Charts.series("DRT fit", r.fitReOhm(), fitIm));
		XYLineAndShapeRenderer rr = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
		rr.setSeriesLinesVisible(0, false);
		rr.setSeriesShapesVisible(1, false);
		Charts.subtitle(c, String.format("R∞ = %.4g Ω, R_pol = %.4g Ω, residual RMS = %.3g Ω, λ = %.3g", r.rInfOhm(), r.rPolOhm(), r.residualRmsOhm(), r.lambda()));
		return c;
	}

	/** γ(τ) on a log τ axis with the fitted peaks marked. */
	public static JFreeChart gamma(DrtResult r, String title) {
		XYSeries peaks = new XYSeries("peaks", false, true);
		for (DrtPeak p : r.peaks())
			peaks.add(p.tauS(), p.heightOhm());
		JFreeChart c = Charts.lines(title, "τ / s", "γ / Ω", false, Charts.series("γ", r.tauS(), r.gammaOhm()), peaks);
		XYLineAndShapeRenderer rr = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
		rr.setSeriesLinesVisible(1, false);
		rr.setSeriesShapesVisible(1, true);
		Charts.logX(c, "τ / s");
		return c;
	}

	/** The operando DRT map as a heat map (log colour) over log10 τ and spectrum start time. */
	public static JFreeChart map(DrtMap m) {
		double[] tau = m.tauS();
		double[] logTau = new double[tau.length];
		for (int i = 0; i < tau.length; i++)
			logTau[i] = Math.log10(tau[i]);
		float[][] g = m.gamma();
		double[][] v = new double[g.length][];
		for (int r = 0; r < g.length; r++) {
			v[r] = new double[g[r].length];
			for (int c = 0; c < v[r].length; c++)
				v[r][c] = g[r][c];
		}
		return HeatMaps.heatMap("Operando DRT map", "log10(τ / s)", "time / s", "γ / Ω", logTau, m.startTimesS(), v, true);
	}

	/** Voltage against time with the same time axis range as the map, for side-by-side figures. */
	public static JFreeChart voltageBeside(Trace trace, double fromS, double toS) {
		double[][] d = Decimation.minMax(trace.timeS(), trace.eweV(), fromS, toS, 1500);
		JFreeChart c = Charts.lines("Voltage", "Ewe / V", "time / s", false, Charts.series("Ewe", d[1], d[0]));
		c.getXYPlot().getRangeAxis().setRange(fromS, toS);
		c.removeLegend();
		return c;
	}
}
