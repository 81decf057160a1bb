package org.tomolyte.view;

import java.awt.BasicStroke;
import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.tomolyte.echem.CcdResult;
import org.tomolyte.echem.OnsetResult;
import org.tomolyte.echem.PulsedResult;
import org.tomolyte.model.Trace;

/**
 * The electrochemistry figures of the study: the critical-current staircase with its steps and short
 * circuit (Fig. 1a), the stripping-onset response against current density (Fig. 3b), and the critical
 * stripping capacity against rest length (Fig. 4c). Built from analysis results; they compute nothing.
 */
public final class EchemFigures {
	private EchemFigures() {}

	/** Ewe and I against time, a marker at the short circuit, the stripping-growth onset in the subtitle. */
	public static JFreeChart ccd(Trace trace, CcdResult r) {
		double[] t = trace.timeS();
		double[][] ewe = Decimation.minMax(t, trace.eweV(), t[0], t[t.length - 1], 2000);
		JFreeChart c = Charts.lines("Critical current density staircase", "time / s", "Ewe / V", false, Charts.series("Ewe", ewe[0], ewe[1]));
		double[] i = trace.currentMa();
		if (i != null) {
			double[][] cur = Decimation.minMax(t, i, t[0], t[t.length - 1], 2000);
			Charts.addRightAxis(c, "I / mA", false, Charts.series("I", cur[0], cur[1]));
		}
		if (r.shortCircuit().isPresent()) {
			CcdResult.ShortCircuit sc = r.shortCircuit().get();
			ValueMarker m = new ValueMarker(sc.timeS, new Color(213, 94, 0), new BasicStroke(1.5f));
			m.setLabel(String.format("short circuit: %.2f mA cm⁻², %.3f mAh cm⁻²", sc.densityMaCm2, sc.stepCapacityMahCm2));
			m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
			m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
			c.getXYPlot().addDomainMarker(m);
		}
		double grow = r.firstGrowingStrippingDensityMaCm2();
		Charts.subtitle(c, Double.isNaN(grow) ? "stripping polarisation stable at every step" : String.format("stripping polarisation grows from %.2f mA cm⁻²", grow));
		return c;
	}

	/** Overpotential against current density with the low-current Ohmic line and the onset. */
	public static JFreeChart onset(OnsetResult r) {
		XYSeries measured = new XYSeries("overpotential", false, true);
		XYSeries ohmic = new XYSeries("Ohmic line", false, true);
		for (OnsetResult.Level l : r.levels()) {
			measured.add(l.densityMaCm2, l.overpotentialV);
			ohmic.add(l.densityMaCm2, l.fitV);
		}
		JFreeChart c = Charts.lines("Stripping onset", "current density / mA cm⁻²", "overpotential / V", true, measured, ohmic);
		if (r.hasOnset()) {
			ValueMarker m = new ValueMarker(r.onsetDensityMaCm2(), new Color(213, 94, 0), new BasicStroke(1.5f));
			m.setLabel(String.format("onset %.2f mA cm⁻²", r.onsetDensityMaCm2()));
			m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
			m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
			c.getXYPlot().addDomainMarker(m);
		}
		Charts.subtitle(c, String.format("Ohmic ASR %.0f Ω cm²", r.ohmicAsrOhmCm2()));
		return c;
	}

	/** Critical stripping capacity against rest length (continuous stripping drawn at the left edge). */
	public static JFreeChart pulsedCapacity(PulsedResult r) {
		XYSeries s = new XYSeries("critical capacity", true, true);
		double minPositive = Double.POSITIVE_INFINITY;
		for (PulsedResult.Experiment e : r.experiments())
			if (e.restS > 0) minPositive = Math.min(minPositive, e.restS);
		for (PulsedResult.Experiment e : r.experiments()) {
			double x = e.restS > 0 ? e.restS : (Double.isInfinite(minPositive) ? 0.01 : minPositive / 3);
			s.add(x, e.criticalCapacityMahCm2);
		}
		JFreeChart c = Charts.lines("Pulsed stripping", "rest after each pulse / s", "critical stripping capacity / mAh cm⁻²", true, s);
		Charts.logX(c, "rest after each pulse / s (continuous at the left)");
		return c;
	}
}
