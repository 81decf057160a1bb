package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Peak naming by τ continuity: drifting peaks keep their names, new peaks get new ones, seeds name tracks. */
class PeakTrackerTest {
	static DrtPeak peak(double tau) {
		return new DrtPeak(null, tau, 1, 1, 0.8);
	}

	static String names(List<DrtPeak> p) {
		StringBuilder b = new StringBuilder();
		for (DrtPeak q : p) b.append(q.name()).append(' ');
		return b.toString().trim();
	}

	@Test
	void driftingPeaksKeepTheirNames() {
		PeakTracker t = new PeakTracker();
		assertEquals("P1 P2", names(t.next(Arrays.asList(peak(1e-6), peak(1e-1)))));
		// both drift by 0.3 decade, and a fast interfacial peak appears near 1e-3 s
		assertEquals("P1 P3 P2", names(t.next(Arrays.asList(peak(2e-6), peak(1e-3), peak(2e-1)))));
		// the 1e-6 peak vanishes for a spectrum, then returns
		assertEquals("P3 P2", names(t.next(Arrays.asList(peak(1.2e-3), peak(3e-1)))));
		assertEquals("P1 P3 P2", names(t.next(Arrays.asList(peak(1.5e-6), peak(1e-3), peak(3e-1)))));
		// a jump of more than half a decade starts a new track
		assertEquals("P4", names(t.next(Arrays.asList(peak(1e1)))));
	}

	@Test
	void seedsNameTheTracks() {
		PeakTracker t = new PeakTracker(0.5, Arrays.asList(new PeakTracker.Seed("grain boundary", 1e-6), new PeakTracker.Seed("interface", 1e-1)));
		assertEquals("grain boundary P1 interface", names(t.next(Arrays.asList(peak(1.5e-6), peak(1e-3), peak(0.2)))));
	}
}
