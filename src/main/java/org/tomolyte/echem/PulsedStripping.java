package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;

/**
 * Pulsed-stripping analysis, as in Fig. 4 of Wu &amp; Hatzell, J. Mater. Chem. A 2025: current pulses and
 * the rests between them, per-pulse overpotential, relaxation during each rest (time to 95 % of the
 * relaxation and an exponential time constant), and the critical stripping capacity reached at the cut-off
 * voltage, one experiment (trace) per rest length, tabulated as capacity versus rest time.
 *
 * <p>Definitions: polarisation p = sign(I)·(Ewe − E_rest) with E_rest the open-circuit potential before the
 * first pulse. Relaxation of a rest = p(last pulse sample) − p(end of rest); t95 = time after the pulse ended
 * at which p first comes within 5 % of that relaxation of its end-of-rest value (linear interpolation between
 * samples). τ = least-squares fit of E∞ + A·e^(−t/τ) to the rest after {@code relaxationSkipS} (0.5 s, to
 * leave out the fast interfacial R‖C decay), needing ≥ 5 samples. Cut-off: the first sample at which Ewe
 * reaches {@code cutoffV} − {@code cutoffTolV} in the pulse direction; with cutoffV = NaN (default) the cut-off
 * is the most extreme Ewe of the run, and counts as reached when it falls in the last pulse (the instrument
 * stopped there). Critical capacity = ∫|I|dt/area from the first pulse to the cut-off.
 */
public final class PulsedStripping {

	/** Analysis parameters. */
	public static final class Options {
		StepDetector.Options steps = StepDetector.Options.defaults();
		double cutoffV = Double.NaN;
		double cutoffTolV = 0.02;
		double relaxationSkipS = 0.5;
		double restPotentialV = 0;
		double runGapS = Double.NaN;

		public static Options defaults() {
			return new Options();
		}

		public Options steps(StepDetector.Options v) { steps = v; return this; }
		/** Cut-off voltage of the run (V); NaN (default) = the most extreme Ewe reached. */
		public Options cutoffV(double v) { cutoffV = v; return this; }
		public Options cutoffTolV(double v) { cutoffTolV = v; return this; }
		public Options relaxationSkipS(double v) { relaxationSkipS = v; return this; }
		public Options restPotentialV(double v) { restPotentialV = v; return this; }
		/**
		 * Split each trace into separate runs at rests longer than this (s), for files that hold several pulse
		 * trains (e.g. one per rest length, separated by long open-circuit periods); NaN (default) = one run per
		 * trace.
		 */
		public Options runGapS(double v) { runGapS = v; return this; }
	}

	private PulsedStripping() {}

	public static PulsedResult analyse(List<Trace> traces, double areaCm2) {
		return analyse(traces, areaCm2, Options.defaults(), Progress.NONE);
	}

	/**
	 * @param traces one pulsed-stripping run per trace (typically one per rest length)
	 * @throws EchemAnalysisException for no traces, missing columns, area ≤ 0 or a run without current pulses
	 */
	public static PulsedResult analyse(List<Trace> traces, double areaCm2, Options o, Progress progress) {
		TraceInput.requireArea(areaCm2);
		if (traces == null || traces.isEmpty()) throw new EchemAnalysisException("No pulsed-stripping traces given");
		List<Trace> runs = new ArrayList<>();
		for (Trace t : traces)
			runs.addAll(Double.isNaN(o.runGapS) ? Collections.singletonList(t) : splitRuns(t, o.runGapS, o.steps));
		List<PulsedResult.Experiment> out = new ArrayList<>();
		for (int k = 0; k < runs.size(); k++) {
			progress.checkCancelled();
			out.add(experiment(k, runs.get(k), areaCm2, o, progress.sub((double) k / runs.size(), (k + 1.0) / runs.size())));
		}
		progress.report(1, "Pulsed stripping done");
		return new PulsedResult(areaCm2, out);
	}

	public static PulsedResult analyse(Trace trace, double areaCm2) {
		return analyse(Collections.singletonList(trace), areaCm2);
	}

	/**
	 * The pulse trains of one trace, split at rests longer than {@code gapS}: each run keeps the long rest
	 * before it (its open-circuit reference) and is named {@code source#n}. Runs without current are dropped.
	 */
	public static List<Trace> splitRuns(Trace trace, double gapS, StepDetector.Options stepOptions) {
		if (!(gapS > 0)) throw new EchemAnalysisException("runGapS must be a positive time in s, got " + gapS);
		List<CurrentStep> steps = StepDetector.detect(trace, stepOptions);
		List<int[]> ranges = new ArrayList<>();
		int start = 0;
		boolean current = false;
		for (CurrentStep s : steps) {
			if (s.isRest() && s.durationS() > gapS && current) {
				ranges.add(new int[] { start, s.firstRow() - 1 });
				start = s.firstRow();
				current = false;
			}
			if (!s.isRest()) current = true;
		}
		if (current) ranges.add(new int[] { start, trace.rowCount() - 1 });
		if (ranges.size() <= 1) return Collections.singletonList(trace);
		List<Trace> out = new ArrayList<>();
		for (int r = 0; r < ranges.size(); r++) {
			java.util.Map<String, double[]> cols = new java.util.LinkedHashMap<>();
			for (String c : trace.columnNames())
				cols.put(c, java.util.Arrays.copyOfRange(trace.column(c), ranges.get(r)[0], ranges.get(r)[1] + 1));
			out.add(new Trace(TraceInput.name(trace) + "#" + (r + 1), cols, trace.info()));
		}
		return out;
	}

	static PulsedResult.Experiment experiment(int index, Trace trace, double areaCm2, Options o, Progress progress) {
		String name = TraceInput.name(trace);
		double[] t = TraceInput.time(trace);
		double[] e = TraceInput.potential(trace);
		List<CurrentStep> steps = StepDetector.detect(trace, o.steps);
		Direction dir = null;
		for (CurrentStep s : steps)
			if (!s.isRest()) {
				dir = s.direction();
				break;
			}
		if (dir == null) throw new EchemAnalysisException(name + ": no current pulses found (the current is zero throughout)");
		List<CurrentStep> pulses = new ArrayList<>();
		for (CurrentStep s : steps)
			if (s.direction() == dir) pulses.add(s);
		CurrentStep firstPulse = pulses.get(0);
		double sign = Math.signum(firstPulse.currentMa());
		double ref = RestPotential.before(steps, firstPulse.index(), e, o.restPotentialV);
		CapacityAtTime cap = CapacityAtTime.of(trace, areaCm2);

		// cut-off
		int cutRow = -1;
		boolean reached;
		double cutoff = o.cutoffV;
		int from = firstPulse.firstRow();
		if (Double.isNaN(cutoff)) {
			int ext = from;
			for (int k = from; k < t.length; k++)
				if (sign * e[k] > sign * e[ext]) ext = k;
			cutoff = e[ext];
			CurrentStep last = pulses.get(pulses.size() - 1);
			reached = ext >= last.firstRow() && ext <= last.lastRow();
		} else reached = false;
		for (int k = from; k < t.length; k++)
			if (sign * (e[k] - cutoff) >= -o.cutoffTolV) {
				cutRow = k;
				break;
			}
		if (!Double.isNaN(o.cutoffV)) reached = cutRow >= 0;
		double cutTime = cutRow >= 0 ? t[cutRow] : t[t.length - 1];
		double critical = cap.throughputMahCm2Between(firstPulse.startS(), cutTime);

		List<PulsedResult.Pulse> rows = new ArrayList<>();
		List<Double> rests = new ArrayList<>(), taus = new ArrayList<>(), t95s = new ArrayList<>(), lengths = new ArrayList<>();
		for (int p = 0; p < pulses.size(); p++) {
			progress.report((double) p / pulses.size(), null);
			CurrentStep s = pulses.get(p);
			int a = s.firstRow(), b = s.lastRow();
			double endP = sign * (e[b] - ref);
			double meanP = 0;
			for (int k = a; k <= b; k++)
				meanP += sign * (e[k] - ref);
			meanP /= (b - a + 1);
			CurrentStep next = s.index() + 1 < steps.size() ? steps.get(s.index() + 1) : null;
			double restS = 0, relax = Double.NaN, t95 = Double.NaN, tau = Double.NaN;
			boolean restBetween = next != null && next.isRest() && next.index() + 1 < steps.size() && steps.get(next.index() + 1).direction() == dir;
			if (next != null && next.isRest()) {
				restS = next.durationS();
				int ra = next.firstRow(), rb = next.lastRow();
				double endRest = sign * (e[rb] - ref);
				relax = endP - endRest;
				double thr = endRest + 0.05 * relax;
				double prevT = t[b], prevP = endP;
				for (int k = ra; k <= rb; k++) {
					double pk = sign * (e[k] - ref);
					if (pk <= thr) {
						double f = prevP > pk ? (prevP - thr) / (prevP - pk) : 1;
						double tc = prevT + f * (t[k] - prevT);
						t95 = Math.max(0, tc - next.startS());
						break;
					}
					prevT = t[k];
					prevP = pk;
				}
				int fa = ra;
				while (fa <= rb && t[fa] - next.startS() < o.relaxationSkipS)
					fa++;
				tau = RelaxationFit.tauS(t, e, fa, rb + 1, next.startS());
				if (restBetween) {
					rests.add(restS);
					if (!Double.isNaN(tau)) taus.add(tau);
					if (!Double.isNaN(t95)) t95s.add(t95);
				}
			}
			if (p < pulses.size() - 1) lengths.add(s.durationS());
			rows.add(new PulsedResult.Pulse(p, s, s.nominalCurrentMa() / areaCm2, endP, meanP, restS, relax, t95, tau,
					cap.throughputMahCm2Between(firstPulse.startS(), s.endS())));
		}
		double restS = rests.isEmpty() ? 0 : median(rests);
		double pulseS = lengths.isEmpty() ? firstPulse.durationS() : median(lengths);
		return new PulsedResult.Experiment(index, name, rows, restS, pulseS, firstPulse.nominalCurrentMa() / areaCm2, cutoff, reached, cutRow >= 0 ? cutTime : Double.NaN,
				critical, taus.isEmpty() ? Double.NaN : median(taus), t95s.isEmpty() ? Double.NaN : median(t95s));
	}

	private static double median(List<Double> v) {
		double[] a = new double[v.size()];
		for (int k = 0; k < a.length; k++)
			a[k] = v.get(k);
		return Stats.median(a);
	}
}
