package org.tomolyte.view.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tomolyte.view.session.SessionState.Change;

class SessionStateTest {

	private static SessionState state() {
		SessionState s = new SessionState();
		s.setTimeline(new double[] { 10, 50, 90, 130 }, new double[] { 0, 100 });
		return s;
	}

	@Test
	void cursorSelectsNearestSpectrumAndScanAndEveryListenerFollows() {
		SessionState s = state();
		List<Set<Change>> a = new ArrayList<>(), b = new ArrayList<>();
		s.addListener((st, c) -> a.add(c));
		s.addListener((st, c) -> b.add(c));
		s.setCursor(85);
		assertEquals(2, s.spectrum());
		assertEquals(1, s.scan());
		assertEquals(EnumSet.of(Change.CURSOR, Change.SPECTRUM, Change.SCAN), a.get(0));
		assertEquals(a, b, "all views see the same changes");
	}

	@Test
	void unchangedValuesNotifyNobody() {
		SessionState s = state();
		AtomicInteger calls = new AtomicInteger();
		s.setCursor(20);
		s.addListener((st, c) -> calls.incrementAndGet());
		s.setCursor(20);
		s.selectTrack(-1);
		assertEquals(0, calls.get());
		s.setCursor(21); // same spectrum and scan: only the cursor moved
		assertEquals(1, calls.get());
	}

	@Test
	void viewsWritingBackDoNotLoop() {
		SessionState s = state();
		AtomicInteger calls = new AtomicInteger();
		// a DRT-map-like view snaps the cursor to the selected spectrum's time whenever the spectrum changes
		double[] spectrumTimes = { 10, 50, 90, 130 };
		s.addListener((st, c) -> {
			calls.incrementAndGet();
			if (c.contains(Change.SPECTRUM) && st.spectrum() >= 0) st.setCursor(spectrumTimes[st.spectrum()]);
		});
		// a trace-like view also writes the cursor back (to the same value)
		s.addListener((st, c) -> {
			if (c.contains(Change.CURSOR)) st.setCursor(st.cursorS());
		});
		s.setCursor(47);
		assertEquals(50, s.cursorS());
		assertEquals(1, s.spectrum());
		assertTrue(calls.get() <= 3, "bounded notifications, got " + calls.get());
	}

	@Test
	void listenersMayBeRemovedWhileNotified() {
		SessionState s = state();
		List<String> seen = new ArrayList<>();
		SessionState.Listener[] self = new SessionState.Listener[1];
		self[0] = (st, c) -> {
			seen.add("once");
			st.removeListener(self[0]);
		};
		s.addListener(self[0]);
		s.addListener((st, c) -> seen.add("stays"));
		s.setCursor(100);
		s.setCursor(130);
		assertEquals(List.of("once", "stays", "stays"), seen);
	}

	@Test
	void selectingAScanMovesTheCursorToItsTime() {
		SessionState s = state();
		s.selectScan(1);
		assertEquals(100, s.cursorS());
		assertEquals(1, s.scan());
		assertEquals(2, s.spectrum(), "spectrum at 90 s is nearest to 100 s");
	}
}
