package org.tomolyte.view.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;
import org.tomolyte.view.session.SessionState.Change;

/** The state model with the real views attached: they follow the cursor, never loop, and come and go safely. */
class LinkedViewsTest {
	private static SessionData data;

	@BeforeAll
	static void session() {
		data = SmallSessions.session();
	}

	@Test
	void everyViewFollowsTheCursor() {
		SessionState s = new SessionState();
		LinkedViews v = new LinkedViews(data, s);
		assertEquals(4, v.views().size(), "trace, DRT map, spectrum and crack views");
		s.setCursor(85);
		assertEquals(85, v.trace().cursorShownS(), 0);
		assertEquals(85, v.map().cursorShownS(), 0);
		assertEquals(2, v.spectrum().shown(), "spectrum nearest to 85 s is the one at 90 s");
		assertEquals(SmallSessions.CAPACITY_RATE * 85, v.cracks().cursorCapacityShown(), 1e-12, "capacity at the cursor, linear in time");
		assertEquals(1, s.scan(), "scan nearest to 85 s starts at 100 s");
		assertEquals(1, v.trace().selectedScan(), "its marker on the trace is drawn bold");
		// the Nyquist panel holds spectrum 2's points exactly
		XYSeriesCollection n = (XYSeriesCollection) v.spectrum().nyquist().getXYPlot().getDataset();
		assertEquals(data.spectra().get(2).size(), n.getSeries(0).getItemCount());
		assertEquals(-data.spectra().get(2).zImOhm(5), n.getSeries(0).getY(5).doubleValue(), 0);
		s.setCursor(12);
		assertEquals(0, v.spectrum().shown());
		assertEquals(12, v.map().cursorShownS(), 0);
	}

	@Test
	void traceAgainstCapacityPassedKeepsTheCursorInTime() {
		SessionState s = new SessionState();
		LinkedViews v = new LinkedViews(data, s);
		TracePlot trace = v.trace();
		assertTrue(trace.hasCapacity());
		s.setCursor(85);
		trace.showCapacity(true);
		// |I| = 0.5 mA throughout (the sign flips at 70 s): capacity passed = 0.5 mA × t / 3600 s/h, up to the
		// charge of the one 0.1 s sample interval in which the current reverses (integration rule)
		double expected = 0.5 * 85 / 3600, oneSample = 0.5 * 0.1 / 3600;
		org.jfree.chart.plot.ValueMarker cursor = null;
		for (Object m : trace.chart().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
			cursor = (org.jfree.chart.plot.ValueMarker) m;
		assertEquals(expected, cursor.getValue(), oneSample, "cursor drawn at the capacity passed by 85 s");
		assertEquals(85, trace.cursorShownS(), 1e-6, "time → capacity → time is exact");
		assertEquals(120, trace.timeAt(0.5 * 120 / 3600), 0.1, "a click at a capacity maps back to its time");
		XYSeriesCollection d = (XYSeriesCollection) trace.chart().getXYPlot().getDataset(0);
		double lastX = d.getSeries(0).getX(d.getSeries(0).getItemCount() - 1).doubleValue();
		assertEquals(0.5 * 150 / 3600, lastX, oneSample, "the trace ends at the total capacity passed");
		s.setCursor(40);
		assertEquals(0.5 * 40 / 3600, cursor.getValue(), 1e-9);
		trace.showCapacity(false);
		assertEquals(40, cursor.getValue(), 0);
	}

	@Test
	void selectingATrackHighlightsItOnlyInTheCrackView() {
		SessionState s = new SessionState();
		LinkedViews v = new LinkedViews(data, s);
		s.setCursor(50);
		s.selectTrack(2);
		assertEquals(2, v.cracks().highlighted());
		assertEquals(1, v.spectrum().shown(), "the track selection leaves the spectrum alone");
	}

	@Test
	void viewsWritingBackDoNotLoop() {
		SessionState s = new SessionState();
		LinkedViews v = new LinkedViews(data, s);
		AtomicInteger notifications = new AtomicInteger();
		// a view that, like a click on the DRT map, snaps the cursor to the selected spectrum's time
		LinkedView snapping = new LinkedView() {
			@Override
			public Map<String, JFreeChart> charts() {
				return Collections.emptyMap();
			}

			@Override
			public void sync(SessionState st) {
				notifications.incrementAndGet();
				if (st.spectrum() >= 0) st.selectSpectrum(st.spectrum());
			}
		};
		v.add(snapping);
		notifications.set(0);
		s.setCursor(47);
		assertTrue(notifications.get() <= 3, "bounded notifications: " + notifications.get());
		assertEquals(SmallSessions.SPECTRUM_TIMES[1], s.cursorS(), 1e-9, "cursor snapped to spectrum 1");
		assertEquals(s.cursorS(), v.trace().cursorShownS(), 0, "the trace shows the final cursor");
		assertEquals(s.cursorS(), v.map().cursorShownS(), 0);
		assertEquals(1, v.spectrum().shown());
	}

	@Test
	void viewsAddedAndRemovedWhileTheStateNotifies() {
		SessionState s = new SessionState();
		LinkedViews v = new LinkedViews(data, s);
		SpectrumPlot spectrum = v.spectrum();
		List<String> log = new ArrayList<>();
		SpectrumPlot extra = new SpectrumPlot(data.spectra(), null);
		// a listener that, on its first notification, removes the spectrum view and adds a new one
		s.addListener((st, c) -> {
			if (log.isEmpty()) {
				log.add("swap");
				v.remove(spectrum);
				v.add(extra);
			}
		});
		s.setCursor(130);
		assertEquals(List.of("swap"), log);
		assertEquals(3, extra.shown(), "a view added mid-notification shows the current state at once");
		assertFalse(v.views().contains(spectrum));
		int before = spectrum.shown();
		s.setCursor(10);
		assertEquals(before, spectrum.shown(), "a removed view no longer follows");
		assertEquals(0, extra.shown());
		assertEquals(10, v.trace().cursorShownS(), 0, "the other views go on");
		v.detachAll();
		s.setCursor(90);
		assertEquals(10, v.trace().cursorShownS(), 0, "detached views stay where they were");
		assertTrue(v.views().isEmpty());
	}

	@Test
	void everyChangeReachesEveryAttachedView() {
		SessionState s = new SessionState();
		LinkedViews v = new LinkedViews(data, s);
		List<java.util.Set<Change>> seen = new ArrayList<>();
		s.addListener((st, c) -> seen.add(c));
		for (double t : new double[] { 5, 45, 95, 135, 95 }) {
			s.setCursor(t);
			int i = s.spectrum();
			assertEquals(i, v.spectrum().shown());
			assertEquals(t, v.trace().cursorShownS(), 0);
		}
		assertEquals(5, seen.size());
		assertNotNull(v.charts().get("drt_map"));
		assertEquals(LinkedViews.LAYOUT, new ArrayList<>(v.charts().keySet()));
	}
}
