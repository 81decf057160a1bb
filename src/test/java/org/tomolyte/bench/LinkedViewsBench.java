package org.tomolyte.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtResult;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;
import org.tomolyte.view.linked.LinkedViews;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;

/**
 * Redraw time of all linked-view panels after a cursor move, for a session with 1 000 spectra, a
 * 10⁶-point trace and 10 scans (issue target ≤ 50 ms): the charts are drawn into an offscreen image of
 * the window's size (1280 × 960), as the window's chart panels do on a repaint.
 */
public final class LinkedViewsBench {
	public static void main(String[] args) {
		int nSpectra = 1000, nTrace = 1_000_000, nScans = 10, moves = 60;
		double durationS = 100_000;
		Random rnd = new Random(1);
		// trace: a staircase with noise and spikes
		double[] t = new double[nTrace], e = new double[nTrace], i = new double[nTrace];
		for (int k = 0; k < nTrace; k++) {
			t[k] = k * durationS / nTrace;
			int step = (int) (t[k] / 2000);
			i[k] = (step % 2 == 0 ? 1 : -1) * (0.1 + 0.01 * step);
			e[k] = 0.05 * i[k] * 10 + 0.002 * rnd.nextGaussian() + (rnd.nextInt(100_000) == 0 ? 0.3 : 0);
		}
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put(Trace.EWE_V, e);
		cols.put(Trace.CURRENT_MA, i);
		Trace trace = new Trace("bench", cols, Map.of());
		// 10 distinct two-arc spectra (DRT computed once each), repeated over 1 000 time slots
		int distinct = 10, nf = 40;
		List<Spectrum> base = new ArrayList<>();
		List<DrtResult> baseDrt = new ArrayList<>();
		DrtSettings settings = DrtSettings.defaults();
		for (int s = 0; s < distinct; s++) {
			double[] f = new double[nf], re = new double[nf], im = new double[nf];
			for (int q = 0; q < nf; q++) {
				f[q] = 1e6 * Math.pow(10, -7.0 * q / (nf - 1));
				double[] z1 = rc(f[q], 50 + 10 * s, 1e-5), z2 = rc(f[q], 100 + 20 * s, 1e-2 * (1 + s));
				re[q] = 10 + z1[0] + z2[0];
				im[q] = z1[1] + z2[1];
			}
			Spectrum sp = new Spectrum(f, re, im);
			base.add(sp);
			baseDrt.add(Drt.fit(sp, settings));
		}
		List<Spectrum> spectra = new ArrayList<>();
		List<DrtResult> drt = new ArrayList<>();
		for (int s = 0; s < nSpectra; s++) {
			Spectrum b = base.get(s % distinct);
			double t0 = (s + 0.1) * durationS / nSpectra;
			spectra.add(new Spectrum(b.freqHz(), b.zReOhm(), b.zImOhm(), t0, t0 + 0.8 * durationS / nSpectra, Double.NaN, Double.NaN));
			drt.add(baseDrt.get(s % distinct));
		}
		Table tracks = new Table("tracks", SessionData.TRACK_COLUMNS);
		SessionData.Builder b = SessionData.builder().name("bench").trace(trace).spectra(new SpectrumSeries("bench", spectra)).drtResults(drt, settings);
		for (int s = 0; s < nScans; s++) {
			double ts = s * durationS / nScans;
			b.scan(ts, Paths.get("t" + s + ".tif"), null);
			for (int id = 1; id <= 5; id++)
				tracks.addRow(s, ts, ts * 1e-5, id, "crack", "", id * s * 2.0, 10.0, id * s * 30.0, id * s * 500.0, 1.0, "false");
		}
		SessionData data = b.tracks(tracks).build();
		long k0 = System.nanoTime();
		data.computeKk(Runtime.getRuntime().availableProcessors(), Progress.NONE);
		System.out.printf("setup: Kramers-Kronig of %d spectra %.1f s%n", nSpectra, (System.nanoTime() - k0) / 1e9);

		SessionState state = new SessionState();
		long b0 = System.nanoTime();
		LinkedViews views = new LinkedViews(data, state);
		System.out.printf("setup: views built in %.0f ms%n", (System.nanoTime() - b0) / 1e6);
		BufferedImage img = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
		double[] times = data.spectrumTimesS();
		for (int w = 0; w < 20; w++) // warm-up (JIT, fonts)
			redraw(views, state, img, times[rnd.nextInt(nSpectra)]);
		double[] ms = new double[moves];
		double[] cursorOnly = new double[moves];
		for (int m = 0; m < moves; m++) {
			ms[m] = redraw(views, state, img, times[rnd.nextInt(nSpectra)]);
			cursorOnly[m] = redraw(views, state, img, state.cursorS() + 0.01); // same spectrum: only cursor lines move
		}
		for (Map.Entry<String, org.jfree.chart.JFreeChart> c : views.charts().entrySet()) {
			double best = 1e9;
			for (int r = 0; r < 10; r++) {
				Graphics2D g = img.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
				long c0 = System.nanoTime();
				c.getValue().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 640, 320));
				best = Math.min(best, (System.nanoTime() - c0) / 1e6);
				g.dispose();
			}
			System.out.printf("  panel %s: %.1f ms%n", c.getKey(), best);
		}
		Arrays.sort(ms);
		Arrays.sort(cursorOnly);
		System.out.printf("load average now %.1f on %d cores (timings below include waiting for the CPU)%n",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
		System.out.printf("cursor move to another spectrum, all panels redrawn at 1280x960: min %.1f ms, median %.1f ms, 90th %.1f ms, max %.1f ms (target <= 50 ms)%n",
				ms[0], ms[moves / 2], ms[moves * 9 / 10], ms[moves - 1]);
		System.out.printf("cursor move within one spectrum: min %.1f ms, median %.1f ms, max %.1f ms%n", cursorOnly[0], cursorOnly[moves / 2], cursorOnly[moves - 1]);
	}

	private static double redraw(LinkedViews views, SessionState state, BufferedImage img, double timeS) {
		long t0 = System.nanoTime();
		state.setCursor(timeS);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		views.drawLayout(g, img.getWidth(), img.getHeight());
		g.dispose();
		return (System.nanoTime() - t0) / 1e6;
	}

	private static double[] rc(double f, double r, double tau) {
		double w = 2 * Math.PI * f * tau;
		return new double[] { r / (1 + w * w), -r * w / (1 + w * w) };
	}
}
