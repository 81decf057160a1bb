package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The exact, noise-free current program of a synthetic experiment: consecutive constant-current segments
 * (rests have 0 mA). It is the ground truth for charge: {@link #chargeMahAt(double)} integrates the
 * piecewise-constant current analytically, so capacity-at-time estimates from sampled, noisy traces can be
 * checked against it.
 */
public final class CurrentProgram {

	/** One constant-current segment, [startS, endS). {@code ns} and {@code cycle} feed EC-Lab's columns. */
	public static final class Segment {
		public final double startS;
		public final double endS;
		public final double currentMa;
		public final int ns;
		public final int cycle;
		public final String kind;

		public Segment(double startS, double endS, double currentMa, int ns, int cycle, String kind) {
			if (!(endS > startS)) throw new IllegalArgumentException("Segment must end after it starts: " + startS + " .. " + endS + " s");
			this.startS = startS;
			this.endS = endS;
			this.currentMa = currentMa;
			this.ns = ns;
			this.cycle = cycle;
			this.kind = kind;
		}

		public double durationS() {
			return endS - startS;
		}
	}

	private final List<Segment> segments;

	public CurrentProgram(List<Segment> segments) {
		for (int k = 1; k < segments.size(); k++)
			if (Math.abs(segments.get(k).startS - segments.get(k - 1).endS) > 1e-9)
				throw new IllegalArgumentException("Segments must be contiguous; gap before segment " + k);
		this.segments = Collections.unmodifiableList(new ArrayList<>(segments));
	}

	public List<Segment> segments() {
		return segments;
	}

	public double startS() {
		return segments.isEmpty() ? 0 : segments.get(0).startS;
	}

	public double endS() {
		return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).endS;
	}

	/** Current (mA) held at time t (0 outside the program). */
	public double currentMaAt(double timeS) {
		for (Segment s : segments)
			if (timeS >= s.startS && timeS < s.endS) return s.currentMa;
		return 0;
	}

	/** Exact signed charge ∫ I dt from the program start to t (mAh). */
	public double chargeMahAt(double timeS) {
		double q = 0;
		for (Segment s : segments) {
			if (timeS <= s.startS) break;
			q += s.currentMa * (Math.min(timeS, s.endS) - s.startS);
		}
		return q / 3600.0;
	}

	/** Exact throughput ∫ |I| dt from the program start to t (mAh). */
	public double throughputMahAt(double timeS) {
		double q = 0;
		for (Segment s : segments) {
			if (timeS <= s.startS) break;
			q += Math.abs(s.currentMa) * (Math.min(timeS, s.endS) - s.startS);
		}
		return q / 3600.0;
	}
}
