package org.tomolyte.drt;

import java.util.List;

import org.tomolyte.model.Table;

/**
 * The DRT results as {@link Table}s with the exact column names of the macro API, so commands only write
 * them: drt.csv, summary.csv, peaks.csv for one spectrum; map_summary.csv and peaks_vs_time.csv for a
 * series; fit.csv and kk.csv for the residuals.
 */
public final class DrtTables {
	public static final String[] DRT = { "tau_s", "gamma_ohm" };
	public static final String[] SUMMARY = { "r_inf_ohm", "l_h", "r_pol_ohm", "residual_rms_ohm", "lambda", "points_used" };
	public static final String[] PEAKS = { "tau_s", "height_ohm", "resistance_ohm" };
	/** One row per tracked peak per spectrum; time_s is the spectrum's start time, ewe_v and i_ma its means. */
	public static final String[] PEAKS_VS_TIME = { "spectrum", "time_s", "ewe_v", "i_ma", "peak", "tau_s", "height_ohm", "resistance_ohm" };
	/** One row per spectrum; status is "ok" or the reason the spectrum was not analysed. */
	public static final String[] MAP_SUMMARY = { "spectrum", "time_s", "ewe_v", "i_ma", "r_inf_ohm", "l_h", "r_pol_ohm", "residual_rms_ohm", "lambda",
			"points_used", "status" };
	public static final String[] FIT = { "freq_hz", "z_re_ohm", "z_im_ohm", "fit_re_ohm", "fit_im_ohm", "residual_re_ohm", "residual_im_ohm" };
	/** Relative lin-KK residuals per point; flagged = 1 above the limit. */
	public static final String[] KK = { "freq_hz", "residual_re", "residual_im", "flagged" };

	private DrtTables() {}

	/** drt.csv: γ on the output grid. */
	public static Table drt(DrtResult r) {
		Table t = new Table("drt", DRT);
		double[] tau = r.tauS(), g = r.gammaOhm();
		for (int i = 0; i < tau.length; i++) t.addRow(tau[i], g[i]);
		return t;
	}

	/** summary.csv: one row. */
	public static Table summary(DrtResult r) {
		return new Table("summary", SUMMARY).addRow(r.rInfOhm(), r.inductanceH(), r.rPolOhm(), r.residualRmsOhm(), r.lambda(), r.pointsUsed());
	}

	/** peaks.csv. */
	public static Table peaks(DrtResult r) {
		return peaks(r.peaks());
	}

	static Table peaks(List<DrtPeak> peaks) {
		Table t = new Table("peaks", PEAKS);
		for (DrtPeak p : peaks) t.addRow(p.tauS(), p.heightOhm(), p.resistanceOhm());
		return t;
	}

	/** fit.csv: data, model and residuals at the used frequencies (descending). */
	public static Table fit(DrtResult r) {
		Table t = new Table("fit", FIT);
		double[] f = r.freqHz(), re = r.zReOhm(), im = r.zImOhm(), fr = r.fitReOhm(), fi = r.fitImOhm();
		for (int i = 0; i < f.length; i++) t.addRow(f[i], re[i], im[i], fr[i], fi[i], re[i] - fr[i], im[i] - fi[i]);
		return t;
	}

	/** peaks_vs_time.csv with the map's default peak names. */
	public static Table peaksVsTime(DrtMap m) {
		List<List<DrtPeak>> named = new java.util.ArrayList<>();
		for (int i = 0; i < m.size(); i++) named.add(m.peaks(i));
		return peaksVsTime(m, named);
	}

	/** peaks_vs_time.csv with peaks named by the given tracker (e.g. seeded "grain boundary", "interface"). */
	public static Table peaksVsTime(DrtMap m, PeakTracker tracker) {
		return peaksVsTime(m, m.trackPeaks(tracker));
	}

	private static Table peaksVsTime(DrtMap m, List<List<DrtPeak>> named) {
		Table t = new Table("peaks_vs_time", PEAKS_VS_TIME);
		for (int i = 0; i < m.size(); i++) {
			SeriesItem it = m.items().get(i);
			for (DrtPeak p : named.get(i))
				t.addRow(it.index(), it.startTimeS(), it.meanEweV(), it.dcCurrentMa(), p.name(), p.tauS(), p.heightOhm(), p.resistanceOhm());
		}
		return t;
	}

	/** map_summary.csv. */
	public static Table mapSummary(DrtMap m) {
		Table t = new Table("map_summary", MAP_SUMMARY);
		for (SeriesItem it : m.items()) {
			DrtResult r = it.result();
			if (r == null) t.addRow(it.index(), it.startTimeS(), it.meanEweV(), it.dcCurrentMa(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, it.error());
			else t.addRow(it.index(), it.startTimeS(), it.meanEweV(), it.dcCurrentMa(), r.rInfOhm(), r.inductanceH(), r.rPolOhm(), r.residualRmsOhm(), r.lambda(),
					r.pointsUsed(), "ok");
		}
		return t;
	}

	/** kk.csv. */
	public static Table kk(KkResult k) {
		Table t = new Table("kk", KK);
		double[] f = k.freqHz(), re = k.residualRe(), im = k.residualIm();
		for (int i = 0; i < f.length; i++) t.addRow(f[i], re[i], im[i], k.flagged(i) ? 1 : 0);
		return t;
	}
}
