package org.tomolyte.view.linked;

import java.util.function.IntFunction;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.view.Charts;
import org.tomolyte.view.session.SessionState;

/**
 * The spectrum panel: the selected spectrum's Nyquist plot (−Im Z against Re Z, measured points and the
 * DRT fit), its DRT curve γ(τ) with the fitted peaks, and its Kramers–Kronig residuals. Three charts that
 * follow the selected spectrum.
 */
public final class SpectrumPlot implements LinkedView {
	private final SpectrumSeries spectra;
	private final IntFunction<SpectrumFit> fits;
	private final JFreeChart nyquist;
	private final JFreeChart drt;
	private final JFreeChart residuals;
	private int shown = -2;

	/** @param fits the DRT of spectrum i, or null where none was computed */
	public SpectrumPlot(SpectrumSeries spectra, IntFunction<SpectrumFit> fits) {
		this.spectra = spectra;
		this.fits = fits;
		nyquist = Charts.lines("Nyquist", "Re Z / Ω", "−Im Z / Ω", true, new XYSeries("measured", false, true), new XYSeries("DRT fit", false, true));
		XYLineAndShapeRenderer nr = (XYLineAndShapeRenderer) nyquist.getXYPlot().getRenderer();
		nr.setSeriesLinesVisible(0, false);
		nr.setSeriesShapesVisible(1, false);
		drt = Charts.lines("DRT", "τ / s", "γ / Ω", false, new XYSeries("γ"), new XYSeries("peaks"));
		Charts.logX(drt, "τ / s");
		XYLineAndShapeRenderer dr = (XYLineAndShapeRenderer) drt.getXYPlot().getRenderer();
		dr.setSeriesLinesVisible(1, false);
		dr.setSeriesShapesVisible(1, true);
		residuals = Charts.lines("Kramers–Kronig residuals", "f / Hz", "residual / %", true, new XYSeries("Re"), new XYSeries("Im"));
		Charts.logX(residuals, "f / Hz");
	}

	public JFreeChart nyquist() {
		return nyquist;
	}

	public JFreeChart drt() {
		return drt;
	}

	public JFreeChart residuals() {
		return residuals;
	}

	@Override
	public java.util.Map<String, JFreeChart> charts() {
		java.util.Map<String, JFreeChart> m = new java.util.LinkedHashMap<>();
		m.put("nyquist", nyquist);
		m.put("drt", drt);
		m.put("kk_residuals", residuals);
		return m;
	}

	@Override
	public void sync(SessionState s) {
		update(s.spectrum());
	}

	@Override
	public void changed(SessionState s, java.util.Set<SessionState.Change> c) {
		if (c.contains(SessionState.Change.SPECTRUM)) sync(s);
	}

	/** The spectrum shown, −1 for none. */
	public int shown() {
		return Math.max(-1, shown);
	}

	/** Shows spectrum {@code index} (−1 clears). */
	public void update(int index) {
		if (index == shown) return;
		shown = index;
		XYSeriesCollection n = (XYSeriesCollection) nyquist.getXYPlot().getDataset();
		XYSeriesCollection d = (XYSeriesCollection) drt.getXYPlot().getDataset();
		XYSeriesCollection k = (XYSeriesCollection) residuals.getXYPlot().getDataset();
		clear(n);
		clear(d);
		clear(k);
		if (spectra == null || index < 0 || index >= spectra.size()) {
			nyquist.setTitle("Nyquist — no spectrum");
			return;
		}
		Spectrum s = spectra.get(index);
		nyquist.setTitle("Nyquist — spectrum " + index + (Double.isNaN(s.startTimeS()) ? "" : String.format(" at %.0f s", s.startTimeS())));
		n.getSeries(0).setNotify(false);
		for (int i = 0; i < s.size(); i++)
			n.getSeries(0).add(s.zReOhm(i), -s.zImOhm(i), false);
		n.getSeries(0).setNotify(true);
		SpectrumFit f = fits == null ? null : fits.apply(index);
		drt.setTitle(f == null || f.tauS == null ? "DRT — none" : "DRT — spectrum " + index);
		residuals.setTitle(f == null || f.kkFreqHz == null ? "Kramers–Kronig residuals — none" : "Kramers–Kronig residuals — spectrum " + index);
		if (f != null) {
			if (f.fitReOhm != null) fill(n.getSeries(1), f.fitReOhm, negate(f.fitImOhm), false);
			fill(d.getSeries(0), f.tauS, f.gammaOhm, true);
			fill(d.getSeries(1), f.peakTauS, f.peakHeightOhm, true);
			if (f.kkFreqHz != null) {
				fill(k.getSeries(0), f.kkFreqHz, percent(f.kkResidualRe), true);
				fill(k.getSeries(1), f.kkFreqHz, percent(f.kkResidualIm), true);
			}
		}
		XYPlot p = nyquist.getXYPlot();
		p.getDomainAxis().setAutoRange(true);
		p.getRangeAxis().setAutoRange(true);
	}

	private static void clear(XYSeriesCollection c) {
		for (int i = 0; i < c.getSeriesCount(); i++)
			c.getSeries(i).clear();
	}

	/** Adds the finite points; on a log x axis ({@code positiveX}) only those with x > 0. */
	private static void fill(XYSeries s, double[] x, double[] y, boolean positiveX) {
		if (x == null || y == null) return;
		s.setNotify(false);
		for (int i = 0; i < Math.min(x.length, y.length); i++)
			if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!positiveX || x[i] > 0)) s.add(x[i], y[i], false);
		s.setNotify(true);
	}

	private static double[] negate(double[] v) {
		double[] o = new double[v.length];
		for (int i = 0; i < v.length; i++)
			o[i] = -v[i];
		return o;
	}

	private static double[] percent(double[] v) {
		if (v == null) return null;
		double[] o = new double[v.length];
		for (int i = 0; i < v.length; i++)
			o[i] = 100 * v[i];
		return o;
	}
}
