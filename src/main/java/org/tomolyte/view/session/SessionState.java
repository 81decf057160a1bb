package org.tomolyte.view.session;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one observable state the linked views share (time cursor, selected time range, spectrum, scan and
 * crack track), after BigDataViewer's {@code ViewerState}: views listen to it and write to it, never to
 * each other. Setting the cursor also selects the spectrum and the scan nearest in time. A setter that
 * does not change anything notifies nobody, and changes made by a listener while a notification is under
 * way are delivered after it, so views cannot loop on each other.
 */
public final class SessionState {

	/** What changed. */
	public enum Change {
		CURSOR, RANGE, SPECTRUM, SCAN, TRACK
	}

	/** Receives changes; called on the thread that changed the state. */
	@FunctionalInterface
	public interface Listener {
		void changed(SessionState state, Set<Change> changes);
	}

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final Deque<Set<Change>> pending = new ArrayDeque<>();
	private boolean notifying;

	private double[] spectrumTimesS = new double[0];
	private double[] scanTimesS = new double[0];
	private double cursorS = Double.NaN;
	private double rangeStartS = Double.NaN;
	private double rangeEndS = Double.NaN;
	private int spectrum = -1;
	private int scan = -1;
	private int track = -1;

	/** The times the cursor snaps selections to: spectra (mid times) and scans (start times), in seconds. */
	public synchronized void setTimeline(double[] spectrumTimesS, double[] scanTimesS) {
		this.spectrumTimesS = spectrumTimesS == null ? new double[0] : spectrumTimesS.clone();
		this.scanTimesS = scanTimesS == null ? new double[0] : scanTimesS.clone();
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	public void removeListener(Listener l) {
		listeners.remove(l);
	}

	public synchronized double cursorS() {
		return cursorS;
	}

	public synchronized double rangeStartS() {
		return rangeStartS;
	}

	public synchronized double rangeEndS() {
		return rangeEndS;
	}

	public synchronized int spectrum() {
		return spectrum;
	}

	public synchronized int scan() {
		return scan;
	}

	public synchronized int track() {
		return track;
	}

	/** Moves the time cursor and selects the spectrum and scan nearest to it. */
	public void setCursor(double timeS) {
		Set<Change> c = EnumSet.noneOf(Change.class);
		synchronized (this) {
			if (!same(cursorS, timeS)) {
				cursorS = timeS;
				c.add(Change.CURSOR);
			}
			int sp = nearest(spectrumTimesS, timeS);
			if (sp != spectrum) {
				spectrum = sp;
				c.add(Change.SPECTRUM);
			}
			int sc = nearest(scanTimesS, timeS);
			if (sc != scan) {
				scan = sc;
				c.add(Change.SCAN);
			}
		}
		fire(c);
	}

	/** Selects a spectrum and moves the cursor to its time. */
	public void selectSpectrum(int index) {
		if (index < 0 || index >= spectrumTimesS.length) throw new IndexOutOfBoundsException("No spectrum " + index + " (there are " + spectrumTimesS.length + ")");
		setCursor(spectrumTimesS[index]);
		Set<Change> c = EnumSet.noneOf(Change.class);
		synchronized (this) {
			if (spectrum != index) {
				spectrum = index;
				c.add(Change.SPECTRUM);
			}
		}
		fire(c);
	}

	/** Selects a scan and moves the cursor to its time. */
	public void selectScan(int index) {
		if (index < 0 || index >= scanTimesS.length) throw new IndexOutOfBoundsException("No scan " + index + " (there are " + scanTimesS.length + ")");
		setCursor(scanTimesS[index]);
		Set<Change> c = EnumSet.noneOf(Change.class);
		synchronized (this) {
			if (scan != index) {
				scan = index;
				c.add(Change.SCAN);
			}
		}
		fire(c);
	}

	public void setRange(double startS, double endS) {
		Set<Change> c = EnumSet.noneOf(Change.class);
		synchronized (this) {
			if (!same(rangeStartS, startS) || !same(rangeEndS, endS)) {
				rangeStartS = Math.min(startS, endS);
				rangeEndS = Math.max(startS, endS);
				c.add(Change.RANGE);
			}
		}
		fire(c);
	}

	public void selectTrack(int trackId) {
		Set<Change> c = EnumSet.noneOf(Change.class);
		synchronized (this) {
			if (track != trackId) {
				track = trackId;
				c.add(Change.TRACK);
			}
		}
		fire(c);
	}

	private static boolean same(double a, double b) {
		return a == b || (Double.isNaN(a) && Double.isNaN(b));
	}

	/** Index of the time nearest to t, or -1 when there are none. */
	static int nearest(double[] times, double t) {
		if (times.length == 0 || Double.isNaN(t)) return -1;
		int best = 0;
		double bestD = Double.POSITIVE_INFINITY;
		for (int i = 0; i < times.length; i++) {
			double d = Math.abs(times[i] - t);
			if (d < bestD) {
				bestD = d;
				best = i;
			}
		}
		return best;
	}

	private void fire(Set<Change> changes) {
		if (changes.isEmpty()) return;
		synchronized (pending) {
			pending.add(changes);
			if (notifying) return;
			notifying = true;
		}
		try {
			while (true) {
				Set<Change> next;
				synchronized (pending) {
					next = pending.poll();
					if (next == null) {
						notifying = false;
						return;
					}
				}
				for (Listener l : listeners)
					l.changed(this, next);
			}
		} catch (RuntimeException e) {
			synchronized (pending) {
				pending.clear();
				notifying = false;
			}
			throw e;
		}
	}

	@Override
	public synchronized String toString() {
		return "SessionState[cursor=" + cursorS + " s, spectrum=" + spectrum + ", scan=" + scan + ", track=" + track + ", range=" + Arrays.toString(new double[] { rangeStartS, rangeEndS }) + "]";
	}
}
