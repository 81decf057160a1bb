package org.tomolyte.drt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names DRT peaks consistently across a series by continuity in log τ: each spectrum's peaks are matched
 * to the existing tracks (last known log₁₀τ) closest-pair first, within a maximum jump; unmatched peaks
 * open new tracks. Tracks may be seeded with names and nominal τ (e.g. "grain boundary" at 10⁻⁶ s,
 * "interface" at 10⁻¹ s), otherwise they are called P1, P2, … in order of appearance. Sequential and
 * deterministic.
 */
public final class PeakTracker {
	/** A named track start: a name and a nominal τ (s). */
	public static final class Seed {
		final String name;
		final double tauS;

		public Seed(String name, double tauS) {
			if (!(tauS > 0)) throw new DrtException("Peak seed '" + name + "' needs a positive tau, got " + tauS);
			this.name = name;
			this.tauS = tauS;
		}
	}

	private final double maxJumpDecades;
	private final List<String> names = new ArrayList<>();
	private final List<Double> lastLog = new ArrayList<>();
	private int auto;

	/** @param maxJumpDecades largest τ change (decades) between consecutive sightings of one peak */
	public PeakTracker(double maxJumpDecades, List<Seed> seeds) {
		if (!(maxJumpDecades > 0)) throw new DrtException("Peak tracking jump must be positive, got " + maxJumpDecades + " decades");
		this.maxJumpDecades = maxJumpDecades;
		if (seeds != null)
			for (Seed s : seeds) {
				names.add(s.name);
				lastLog.add(Math.log10(s.tauS));
			}
	}

	public PeakTracker() {
		this(0.5, null);
	}

	/** Assigns names to the next spectrum's peaks (same order as given). */
	public List<DrtPeak> next(List<DrtPeak> peaks) {
		int n = peaks.size(), t = names.size();
		List<int[]> pairs = new ArrayList<>();
		List<Double> dist = new ArrayList<>();
		for (int p = 0; p < n; p++)
			for (int k = 0; k < t; k++) {
				double d = Math.abs(Math.log10(peaks.get(p).tauS()) - lastLog.get(k));
				if (d <= maxJumpDecades) {
					pairs.add(new int[] { p, k });
					dist.add(d);
				}
			}
		Integer[] order = new Integer[pairs.size()];
		for (int i = 0; i < order.length; i++) order[i] = i;
		java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(dist::get).thenComparingInt(i -> pairs.get(i)[0]).thenComparingInt(i -> pairs.get(i)[1]));
		String[] assigned = new String[n];
		boolean[] trackUsed = new boolean[t];
		for (int i : order) {
			int p = pairs.get(i)[0], k = pairs.get(i)[1];
			if (assigned[p] != null || trackUsed[k]) continue;
			assigned[p] = names.get(k);
			trackUsed[k] = true;
			lastLog.set(k, Math.log10(peaks.get(p).tauS()));
		}
		List<DrtPeak> out = new ArrayList<>();
		for (int p = 0; p < n; p++) {
			if (assigned[p] == null) {
				String name;
				do name = "P" + (++auto); while (names.contains(name));
				names.add(name);
				lastLog.add(Math.log10(peaks.get(p).tauS()));
				assigned[p] = name;
			}
			out.add(peaks.get(p).named(assigned[p]));
		}
		return out;
	}
}
