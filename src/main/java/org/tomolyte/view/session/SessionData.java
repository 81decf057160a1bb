package org.tomolyte.view.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtMap;
import org.tomolyte.drt.DrtPeak;
import org.tomolyte.drt.DrtResult;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.drt.KkResult;
import org.tomolyte.drt.SeriesItem;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;

/**
 * Everything a linked-view session shows: the voltage trace, the impedance spectra with their DRTs (as a
 * map on one τ grid and per spectrum), the XCT scans (time, file, optional label stack), crack tracks and
 * marked events, plus the files they came from so that {@link SessionFile} can save the session with
 * relative paths. Any part may be absent; the views show what there is.
 */
public final class SessionData {
	/** Columns of a crack-track table ({@code tracks.csv}) the crack-metrics panel reads. */
	public static final List<String> TRACK_COLUMNS = List.of("scan", "time_s", "capacity_mah_cm2", "track_id", "kind", "event", "depth_um", "length_um",
			"area_um2", "volume_um3", "opening_um", "infiltrated");

	/** One XCT scan: its start time, its volume file and, when segmented, its label stack (else null). */
	public static final class Scan {
		public final double timeS;
		public final Path file;
		public final Path labels;

		public Scan(double timeS, Path file, Path labels) {
			this.timeS = timeS;
			this.file = file;
			this.labels = labels;
		}
	}

	/** A marked moment of the experiment (short circuit, onset of unstable stripping, …). */
	public static final class Event {
		public final double timeS;
		public final String label;

		public Event(double timeS, String label) {
			this.timeS = timeS;
			this.label = label;
		}
	}

	/** Where the parts came from (null when built in memory); used to save the session. */
	public static final class Sources {
		public Path trace, spectra, scans, tracks;
	}

	private final String name;
	private final Trace trace;
	private final SpectrumSeries spectra;
	private final DrtSettings drtSettings;
	private final List<DrtResult> drt;
	private final List<List<DrtPeak>> peaks;
	private final double[] mapTauS;
	private final float[][] mapGamma;
	private final List<Scan> scans;
	private final Table tracks;
	private final List<Event> events;
	private final Sources sources;
	private final KkResult[] kk;

	private SessionData(Builder b) {
		name = b.name == null ? "session" : b.name;
		trace = b.trace;
		spectra = b.spectra;
		drtSettings = b.drtSettings;
		scans = Collections.unmodifiableList(new ArrayList<>(b.scans));
		tracks = b.tracks;
		events = Collections.unmodifiableList(new ArrayList<>(b.events));
		sources = b.sources;
		int n = spectra == null ? 0 : spectra.size();
		if (tracks != null)
			for (String c : List.of("time_s", "capacity_mah_cm2", "track_id"))
				if (!tracks.columns().contains(c))
					throw new IllegalArgumentException("crack tracks table " + tracks.title() + " lacks column '" + c + "'; expected " + TRACK_COLUMNS);
		if (b.map != null) {
			if (b.map.size() != n) throw new IllegalArgumentException("DRT map has " + b.map.size() + " spectra, the session " + n);
			List<DrtResult> r = new ArrayList<>();
			List<List<DrtPeak>> p = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				SeriesItem it = b.map.items().get(i);
				r.add(it.ok() ? it.result() : null);
				p.add(b.map.peaks(i));
			}
			drt = Collections.unmodifiableList(r);
			peaks = Collections.unmodifiableList(p);
			mapTauS = b.map.tauS();
			mapGamma = b.map.gamma();
		} else if (b.results != null) {
			if (b.results.size() != n) throw new IllegalArgumentException(b.results.size() + " DRT results for " + n + " spectra");
			drt = Collections.unmodifiableList(new ArrayList<>(b.results));
			List<List<DrtPeak>> p = new ArrayList<>();
			double[] grid = null;
			for (DrtResult r : drt) {
				p.add(r == null ? Collections.emptyList() : r.peaks());
				if (grid == null && r != null) grid = r.tauS();
			}
			peaks = Collections.unmodifiableList(p);
			mapTauS = grid;
			mapGamma = grid == null ? null : new float[n][];
			if (grid != null)
				for (int i = 0; i < n; i++) {
					float[] row = new float[grid.length];
					DrtResult r = drt.get(i);
					double[] g = r == null ? null : r.gammaAt(grid);
					for (int j = 0; j < row.length; j++)
						row[j] = g == null ? Float.NaN : (float) g[j];
					mapGamma[i] = row;
				}
		} else {
			drt = null;
			peaks = null;
			mapTauS = null;
			mapGamma = null;
		}
		kk = new KkResult[n];
	}

	public static Builder builder() {
		return new Builder();
	}

	public String name() {
		return name;
	}

	/** The voltage trace, or null. */
	public Trace trace() {
		return trace;
	}

	/** The spectra, or null. */
	public SpectrumSeries spectra() {
		return spectra;
	}

	public int spectrumCount() {
		return spectra == null ? 0 : spectra.size();
	}

	/** Whether DRTs are present. */
	public boolean hasDrt() {
		return drt != null;
	}

	/** The settings the DRTs were computed with (also the mask of the Kramers–Kronig test), or null. */
	public DrtSettings drtSettings() {
		return drtSettings;
	}

	/** The DRT of spectrum i, or null if absent or failed. */
	public DrtResult drt(int i) {
		return drt == null ? null : drt.get(i);
	}

	/** The peaks of spectrum i (named across the series when they came from a DRT map). */
	public List<DrtPeak> peaks(int i) {
		return peaks == null ? Collections.emptyList() : peaks.get(i);
	}

	/** The common τ grid of the DRT map (s), or null. */
	public double[] mapTauS() {
		return mapTauS == null ? null : mapTauS.clone();
	}

	/** γ[spectrum][τ] (Ω) on {@link #mapTauS()} (shared, do not modify), or null. */
	public float[][] mapGamma() {
		return mapGamma;
	}

	/** The time that stands for spectrum i (its mid time, or its start when the end is unknown). */
	public double spectrumTimeS(int i) {
		Spectrum s = spectra.get(i);
		double t = s.midTimeS();
		return Double.isNaN(t) ? s.startTimeS() : t;
	}

	/** Times of all spectra (see {@link #spectrumTimeS}); spectra without a time are spaced by index. */
	public double[] spectrumTimesS() {
		double[] t = new double[spectrumCount()];
		for (int i = 0; i < t.length; i++) {
			t[i] = spectrumTimeS(i);
			if (Double.isNaN(t[i])) t[i] = i;
		}
		return t;
	}

	public List<Scan> scans() {
		return scans;
	}

	public double[] scanTimesS() {
		double[] t = new double[scans.size()];
		for (int i = 0; i < t.length; i++)
			t[i] = scans.get(i).timeS;
		return t;
	}

	/** Crack tracks (see {@link #TRACK_COLUMNS}), or null. */
	public Table tracks() {
		return tracks;
	}

	public List<Event> events() {
		return events;
	}

	public Sources sources() {
		return sources;
	}

	/** The Kramers–Kronig test of spectrum i (computed on first use, then kept). */
	public KkResult kk(int i) {
		synchronized (kk) {
			if (kk[i] != null) return kk[i];
		}
		KkResult r = Drt.kramersKronig(spectra.get(i), drtSettings == null ? DrtSettings.defaults() : drtSettings);
		synchronized (kk) {
			kk[i] = r;
		}
		return r;
	}

	/** Computes every spectrum's Kramers–Kronig test up front, so moving the cursor never waits for one. */
	public void computeKk(int threads, Progress progress) {
		int n = spectrumCount();
		ExecutorService ex = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			List<Future<KkResult>> fs = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int k = i;
				fs.add(ex.submit(() -> kk(k)));
			}
			for (int i = 0; i < n; i++) {
				progress.checkCancelled();
				try {
					fs.get(i).get();
				} catch (java.util.concurrent.ExecutionException e) {
					// a spectrum the test cannot handle just shows no residuals
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new org.tomolyte.task.CancelledException();
				}
				progress.report((i + 1.0) / n, null);
			}
		} finally {
			ex.shutdownNow();
		}
	}

	/** Assembles a session; every part is optional. */
	public static final class Builder {
		private String name;
		private Trace trace;
		private SpectrumSeries spectra;
		private DrtSettings drtSettings;
		private DrtMap map;
		private List<DrtResult> results;
		private final List<Scan> scans = new ArrayList<>();
		private Table tracks;
		private final List<Event> events = new ArrayList<>();
		private Sources sources = new Sources();

		public Builder name(String v) { name = v; return this; }
		public Builder trace(Trace v) { trace = v; return this; }
		public Builder spectra(SpectrumSeries v) { spectra = v; return this; }
		/** The DRTs of all spectra as computed by "DRT Map" (peaks named across the series). */
		public Builder drtMap(DrtMap v, DrtSettings settings) { map = v; results = null; drtSettings = settings; return this; }
		/** One DRT per spectrum (null where none); the map is built on the first result's τ grid. */
		public Builder drtResults(List<DrtResult> v, DrtSettings settings) { results = v; map = null; drtSettings = settings; return this; }
		public Builder scan(double timeS, Path file, Path labels) { scans.add(new Scan(timeS, file, labels)); return this; }
		public Builder tracks(Table v) { tracks = v; return this; }
		public Builder event(double timeS, String label) { events.add(new Event(timeS, label)); return this; }
		public Builder sources(Sources v) { sources = v == null ? new Sources() : v; return this; }
		public SessionData build() { return new SessionData(this); }
	}
}
