package org.tomolyte.view.linked;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;
import org.tomolyte.view.session.SessionData;

/** Small in-memory sessions with known content for the view tests. */
final class SmallSessions {
	/** Areal capacity per second of the test tracks (mAh cm⁻² s⁻¹): capacity = rate × time. */
	static final double CAPACITY_RATE = 1e-4;
	static final double[] SPECTRUM_TIMES = { 10, 50, 90, 130 };

	private SmallSessions() {}

	/** One RC arc per spectrum (R∞ = 10 Ω, R = 100 Ω) whose τ moves a decade per spectrum, so spectra differ visibly. */
	static SpectrumSeries spectra() {
		List<Spectrum> list = new ArrayList<>();
		for (int s = 0; s < SPECTRUM_TIMES.length; s++) {
			int n = 25;
			double[] f = new double[n], re = new double[n], im = new double[n], t = new double[n];
			double tau = 1e-4 * Math.pow(10, s), r = 100 + 40 * s;
			for (int i = 0; i < n; i++) {
				f[i] = 1e5 * Math.pow(10, -6.0 * i / (n - 1));
				double w = 2 * Math.PI * f[i] * tau;
				re[i] = 10 + r / (1 + w * w);
				im[i] = -r * w / (1 + w * w);
				t[i] = SPECTRUM_TIMES[s] - 2 + 4.0 * i / (n - 1);
			}
			list.add(new Spectrum(f, re, im, t, null, null));
		}
		return new SpectrumSeries("rc", list);
	}

	static Trace trace() {
		int n = 1501;
		double[] t = new double[n], e = new double[n], i = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = k * 0.1;
			e[k] = 0.1 + 0.001 * t[k];
			i[k] = t[k] < 70 ? 0.5 : -0.5;
		}
		Map<String, double[]> c = new LinkedHashMap<>();
		c.put(Trace.TIME_S, t);
		c.put(Trace.EWE_V, e);
		c.put(Trace.CURRENT_MA, i);
		return new Trace("test trace", c, Map.of());
	}

	/** Two tracks measured at scans 0 (t = 0 s) and 1 (t = 100 s); depth grows with time. */
	static Table tracks() {
		Table t = new Table("tracks", SessionData.TRACK_COLUMNS);
		for (int scan = 0; scan < 2; scan++)
			for (int id = 1; id <= 2; id++) {
				double time = 100 * scan;
				t.addRow(scan, time, CAPACITY_RATE * time, id, "crack", "", 10 * id + time / 10, 5, 20 * id, 100 * id + time, 1, "false");
			}
		return t;
	}

	static SessionData session() {
		SpectrumSeries s = spectra();
		DrtSettings settings = DrtSettings.defaults();
		return SessionData.builder().name("small").trace(trace()).spectra(s).drtMap(Drt.map(s, settings, 1, Progress.NONE), settings)
				.scan(0, java.nio.file.Paths.get("t00.tif"), null).scan(100, java.nio.file.Paths.get("t01.tif"), null).tracks(tracks()).event(70, "current reversal").build();
	}
}
