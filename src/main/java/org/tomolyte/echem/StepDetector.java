package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Trace;

/**
 * Splits a potentiostat trace into constant-current segments (current steps and rests), the common first
 * stage of the CCD, SGEIS and pulsed-stripping analyses of Wu &amp; Hatzell, J. Mater. Chem. A 2025.
 *
 * <p>Where the file records the programmed current ({@code control/mA}, or {@code control/V/mA} on
 * galvanostatic rows; {@code mode} 3 rows are open circuit) segmentation runs on it, so neither the measured
 * current's noise nor the drift of averaged currents during a GEIS splits a step; elsewhere it runs on the
 * measured current. Criterion: a new segment starts at a sample whose current differs from the running mean of
 * the current segment by more than {@code tol = max(absTolMa, relTol·|level|, kSigma·σ)} (σ = robust noise
 * of the current from the median absolute first difference between current-carrying rows) and either the
 * next {@code confirm} samples differ too or the sample is a zero-current (open-circuit) row. Segments
 * shorter than {@code minPoints} samples that carry measured (not programmed) current are transition samples
 * (EC-Lab averages the current over the recording interval, so the first row after a change can sit between
 * two levels) and join the neighbour with the nearest level; rests are kept whatever their length;
 * neighbours with equal levels (within tol) are merged, e.g. the CP and GEIS parts of one SGEIS step. A
 * segment's level is its median measured current; |level| ≤ the zero tolerance makes it a rest, and
 * neighbouring rests are one rest.
 */
public final class StepDetector {

	/** Tuning of the detector; the defaults suit EC-Lab CP/GCPL/Modulo Bat files and the synthetic traces. */
	public static final class Options {
		double absTolMa = 1e-5;
		double relTol = 0.002;
		double kSigma = 6;
		int confirm = 1;
		int minPoints = 3;
		double zeroTolMa = Double.NaN;
		boolean strippingPositive = true;
		boolean useControl = true;

		public static Options defaults() {
			return new Options();
		}

		/** Smallest current change (mA) ever taken as a step; default 1e-5 mA. */
		public Options absTolMa(double v) {
			absTolMa = v;
			return this;
		}

		/** Smallest relative current change taken as a step; default 0.002 (0.2 %). */
		public Options relTol(double v) {
			relTol = v;
			return this;
		}

		/** Step threshold in units of the current noise σ; default 6. */
		public Options kSigma(double v) {
			kSigma = v;
			return this;
		}

		/** Samples after a change that must confirm it (rests need none); default 1. */
		public Options confirm(int v) {
			confirm = v;
			return this;
		}

		/** Current-carrying segments with fewer samples are transitions; default 3. */
		public Options minPoints(int v) {
			minPoints = v;
			return this;
		}

		/** |current| at or below this is open circuit (mA); default max(absTolMa, 5σ). */
		public Options zeroTolMa(double v) {
			zeroTolMa = v;
			return this;
		}

		/** True (default, EC-Lab convention) if a positive current strips Na from the working electrode. */
		public Options strippingPositive(boolean v) {
			strippingPositive = v;
			return this;
		}

		/** Segment on the programmed current (control/mA, control/V/mA in galvanostatic mode) when recorded; default true. */
		public Options useControl(boolean v) {
			useControl = v;
			return this;
		}

		public boolean strippingPositive() {
			return strippingPositive;
		}
	}

	private StepDetector() {}

	/** Segments of the trace with default options. */
	public static List<CurrentStep> detect(Trace trace) {
		return detect(trace, Options.defaults());
	}

	/**
	 * Segments of the trace, in time order, covering every row.
	 *
	 * @throws EchemAnalysisException if time or current is missing or time runs backwards
	 */
	public static List<CurrentStep> detect(Trace trace, Options o) {
		double[] t = TraceInput.time(trace);
		double[] cur = TraceInput.current(trace);
		double[] control = o.useControl ? controlCurrent(trace) : null;
		return detect(t, cur, control, o);
	}

	/**
	 * The programmed current per row where the file records it, NaN elsewhere: {@code control/mA}, or
	 * {@code control/V/mA} on galvanostatic rows (EC-Lab {@code mode} 1); open-circuit rows ({@code mode} 3)
	 * are 0. Null if the trace has neither column.
	 */
	static double[] controlCurrent(Trace trace) {
		double[] mode = trace.has("mode") ? trace.column("mode") : null;
		double[] c;
		boolean mixed = false;
		if (trace.has("control/mA")) c = trace.column("control/mA").clone();
		else if (trace.has("control/V/mA") && mode != null) {
			c = trace.column("control/V/mA").clone();
			mixed = true;
		} else return null;
		for (int k = 0; k < c.length; k++) {
			if (mode != null && mode[k] == 3) c[k] = 0;
			else if (mixed && mode[k] != 1) c[k] = Double.NaN;
		}
		return c;
	}

	static List<CurrentStep> detect(double[] t, double[] measured, double[] control, Options o) {
		int n = measured.length;
		// segment on the programmed current where known (noise-free), on the measured current elsewhere
		double[] cur = measured;
		if (control != null) {
			cur = measured.clone();
			for (int k = 0; k < n; k++)
				if (!Double.isNaN(control[k])) cur[k] = control[k];
		}
		double sigma = currentNoise(cur);
		double zeroTol = Double.isNaN(o.zeroTolMa) ? Math.max(o.absTolMa, 5 * sigma) : o.zeroTolMa;
		// 1. raw change points
		List<int[]> segs = new ArrayList<>();
		int start = 0;
		double sum = cur[0];
		int cnt = 1;
		for (int k = 1; k < n; k++) {
			double level = sum / cnt;
			double tol = tol(o, sigma, level, cur[k]);
			boolean change = Math.abs(cur[k] - level) > tol;
			if (change && !(Math.abs(cur[k]) <= zeroTol && Math.abs(level) > zeroTol)) {
				for (int j = 1; j <= o.confirm && k + j < n; j++)
					if (Math.abs(cur[k + j] - level) <= tol) {
						change = false;
						break;
					}
			}
			if (change) {
				segs.add(new int[] { start, k - 1 });
				start = k;
				sum = 0;
				cnt = 0;
			}
			sum += cur[k];
			cnt++;
		}
		segs.add(new int[] { start, n - 1 });
		// 2. levels, transitions, merges
		List<double[]> lv = new ArrayList<>();
		for (int[] s : segs)
			lv.add(new double[] { level(cur, s, zeroTol) });
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int i = 0; i < segs.size() && segs.size() > 1; i++) {
				int[] s = segs.get(i);
				double l = lv.get(i)[0];
				if (l == 0 || s[1] - s[0] + 1 >= o.minPoints) continue;
				if (control != null && !Double.isNaN(control[s[0]])) continue; // programmed levels are never transitions
				int j;
				if (i == 0) j = 1;
				else if (i == segs.size() - 1) j = i - 1;
				else j = Math.abs(lv.get(i - 1)[0] - l) <= Math.abs(lv.get(i + 1)[0] - l) ? i - 1 : i + 1;
				mergeInto(segs, lv, Math.min(i, j), cur, zeroTol);
				changed = true;
				break;
			}
			for (int i = 0; !changed && i + 1 < segs.size(); i++) {
				double a = lv.get(i)[0], b = lv.get(i + 1)[0];
				boolean same = (a == 0 && b == 0) || (a != 0 && b != 0 && Math.abs(a - b) <= tol(o, sigma, a, b));
				if (same) {
					mergeInto(segs, lv, i, cur, zeroTol);
					changed = true;
				}
			}
		}
		// final levels from the measured current; a programmed level that passes no current (EC-Lab logs the
		// voltage in control/V/mA on some closing rows) is a rest, and neighbouring rests are one rest
		double zeroMeasured = Math.max(o.absTolMa, 5 * currentNoise(measured));
		List<int[]> fs = new ArrayList<>();
		List<Double> fl = new ArrayList<>();
		for (int i = 0; i < segs.size(); i++) {
			int[] s = segs.get(i);
			double l = lv.get(i)[0];
			if (l != 0 && cur != measured) {
				l = Stats.median(measured, s[0], s[1] + 1);
				if (Math.abs(l) <= zeroMeasured) l = 0;
			}
			if (l == 0 && !fl.isEmpty() && fl.get(fl.size() - 1) == 0) fs.get(fs.size() - 1)[1] = s[1];
			else {
				fs.add(new int[] { s[0], s[1] });
				fl.add(l);
			}
		}
		List<CurrentStep> out = new ArrayList<>(fs.size());
		for (int i = 0; i < fs.size(); i++) {
			int[] s = fs.get(i);
			double l = fl.get(i);
			double set = control == null ? Double.NaN : l == 0 ? 0 : finiteMedian(control, s[0], s[1] + 1);
			double end = i + 1 < fs.size() ? t[fs.get(i + 1)[0]] : t[s[1]];
			out.add(new CurrentStep(i, s[0], s[1], t[s[0]], end, l, set, Direction.of(l, o.strippingPositive)));
		}
		return out;
	}

	/**
	 * Robust noise of the current from first differences between current-carrying rows only: open-circuit
	 * rows read exactly 0 and would otherwise make the noise look like zero.
	 */
	static double currentNoise(double[] cur) {
		double[] d = new double[cur.length];
		int m = 0;
		for (int k = 1; k < cur.length; k++)
			if (cur[k] != 0 && cur[k - 1] != 0) d[m++] = Math.abs(cur[k] - cur[k - 1]);
		if (m < 3) return 0;
		return 1.4826 * Stats.median(d, 0, m) / Math.sqrt(2);
	}

	private static double finiteMedian(double[] v, int from, int to) {
		double[] f = java.util.Arrays.stream(v, from, to).filter(x -> !Double.isNaN(x)).toArray();
		return f.length == 0 ? Double.NaN : Stats.median(f);
	}

	private static double tol(Options o, double sigma, double a, double b) {
		return Math.max(o.absTolMa, Math.max(o.relTol * Math.max(Math.abs(a), Math.abs(b)), o.kSigma * sigma));
	}

	private static double level(double[] cur, int[] s, double zeroTol) {
		double m = Stats.median(cur, s[0], s[1] + 1);
		return Math.abs(m) <= zeroTol ? 0 : m;
	}

	/** Merges segment i+1 into segment i. */
	private static void mergeInto(List<int[]> segs, List<double[]> lv, int i, double[] cur, double zeroTol) {
		int[] merged = { segs.get(i)[0], segs.get(i + 1)[1] };
		segs.set(i, merged);
		segs.remove(i + 1);
		lv.remove(i + 1);
		lv.set(i, new double[] { level(cur, merged, zeroTol) });
	}
}
