package org.tomolyte.view.linked;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tomolyte.drt.DrtPeak;
import org.tomolyte.drt.DrtResult;
import org.tomolyte.drt.KkResult;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;

/**
 * The numbers under the time cursor as tables, for "export data under the cursor": {@code cursor.csv}
 * (one row: time, Ewe and current at the cursor, the selected spectrum and scan), {@code spectrum.csv}
 * (measured and fitted impedance, Kramers–Kronig residuals), {@code drt.csv}, {@code peaks.csv}, and
 * {@code tracks_at_scan.csv} (the crack-track rows of the selected scan).
 */
public final class CursorData {
	private CursorData() {}

	public static Table cursor(SessionData d, SessionState s) {
		Table t = new Table("cursor", "time_s", "ewe_v", "current_ma", "spectrum", "spectrum_time_s", "scan", "scan_time_s", "scan_file", "track_id");
		double time = s.cursorS();
		Trace tr = d.trace();
		double ewe = Double.NaN, cur = Double.NaN;
		if (tr != null && tr.has(Trace.TIME_S)) {
			if (tr.eweV() != null) ewe = SessionStateTimes.interpolate(tr.timeS(), tr.eweV(), time);
			if (tr.currentMa() != null) cur = SessionStateTimes.interpolate(tr.timeS(), tr.currentMa(), time);
		}
		int sp = s.spectrum(), sc = s.scan();
		t.addRow(time, ewe, cur, sp, sp >= 0 ? d.spectrumTimeS(sp) : Double.NaN, sc, sc >= 0 ? d.scans().get(sc).timeS : Double.NaN,
				sc >= 0 ? d.scans().get(sc).file.toString() : "", s.track());
		return t;
	}

	/** The selected spectrum's points with the DRT fit and KK residuals at the same frequencies (NaN where not used). */
	public static Table spectrum(SessionData d, SessionState s) {
		Table t = new Table("spectrum", "freq_hz", "zre_ohm", "zim_ohm", "fit_zre_ohm", "fit_zim_ohm", "kk_residual_re", "kk_residual_im");
		int i = s.spectrum();
		if (i < 0) return t;
		Spectrum sp = d.spectra().get(i);
		DrtResult r = d.drt(i);
		KkResult kk;
		try {
			kk = d.kk(i);
		} catch (RuntimeException e) {
			kk = null;
		}
		for (int k = 0; k < sp.size(); k++) {
			double f = sp.freqHz(k);
			t.addRow(f, sp.zReOhm(k), sp.zImOhm(k), r == null ? Double.NaN : at(r.freqHz(), r.fitReOhm(), f), r == null ? Double.NaN : at(r.freqHz(), r.fitImOhm(), f),
					kk == null ? Double.NaN : at(kk.freqHz(), kk.residualRe(), f), kk == null ? Double.NaN : at(kk.freqHz(), kk.residualIm(), f));
		}
		return t;
	}

	private static double at(double[] freq, double[] v, double f) {
		for (int i = 0; i < freq.length; i++)
			if (freq[i] == f) return v[i];
		return Double.NaN;
	}

	public static Table drt(SessionData d, SessionState s) {
		Table t = new Table("drt", "tau_s", "gamma_ohm");
		DrtResult r = s.spectrum() < 0 ? null : d.drt(s.spectrum());
		if (r != null) {
			double[] tau = r.tauS(), g = r.gammaOhm();
			for (int i = 0; i < tau.length; i++)
				t.addRow(tau[i], g[i]);
		}
		return t;
	}

	public static Table peaks(SessionData d, SessionState s) {
		Table t = new Table("peaks", "name", "tau_s", "frequency_hz", "height_ohm", "resistance_ohm");
		if (s.spectrum() >= 0) {
			List<DrtPeak> p = d.peaks(s.spectrum());
			for (DrtPeak k : p)
				t.addRow(k.name(), k.tauS(), k.frequencyHz(), k.heightOhm(), k.resistanceOhm());
		}
		return t;
	}

	public static Table tracksAtScan(SessionData d, SessionState s) {
		Table all = d.tracks();
		Table t = new Table("tracks_at_scan", all == null ? SessionData.TRACK_COLUMNS : all.columns());
		if (all == null || s.scan() < 0 || !all.columns().contains("scan")) return t;
		for (int r = 0; r < all.rowCount(); r++)
			if (all.getDouble(r, "scan") == s.scan()) t.addRow(all.row(r));
		return t;
	}

	/** Writes the five tables into {@code dir} (which must exist). */
	public static void write(SessionData d, SessionState s, Path dir) throws IOException {
		CsvTables.write(cursor(d, s), dir.resolve("cursor.csv"));
		CsvTables.write(spectrum(d, s), dir.resolve("spectrum.csv"));
		CsvTables.write(drt(d, s), dir.resolve("drt.csv"));
		CsvTables.write(peaks(d, s), dir.resolve("peaks.csv"));
		CsvTables.write(tracksAtScan(d, s), dir.resolve("tracks_at_scan.csv"));
	}
}
