package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;

/**
 * Onset of non-linear ("unstable") stripping in a staircase current scan (SGEIS), as in Fig. 3b and Fig. S6
 * of Wu &amp; Hatzell, J. Mater. Chem. A 2025: the voltage–current response per step and the current density
 * where it leaves the low-current Ohmic line.
 *
 * <p>Response of a step: the median polarisation p = sign(I)·(Ewe − E_rest) over its last
 * {@code responseFraction} (half) of samples, after the interfacial transient. Criterion: level i departs when
 * its residual from the Ohmic line p = a + b·|j| exceeds both {@code nSigma} (5) standard errors of
 * prediction, σ·√(1 + 1/m + (|j_i| − mean|j|)²/Sxx), and {@code relTol} (2 %) of the line's value. The line is
 * fitted by least squares on all m levels below level i (at least {@code minFitSteps}, default 5), or on the
 * first k levels only when {@code fitSteps(k)} is set. The onset is the first departing level whose next
 * {@code confirmSteps} (1) levels depart too; σ is the residual standard deviation of the fit.
 */
public final class StrippingOnset {

	/** Analysis parameters. */
	public static final class Options {
		StepDetector.Options steps = StepDetector.Options.defaults();
		double restPotentialV = 0;
		double responseFraction = 0.5;
		int minFitSteps = 5;
		int fitSteps = 0;
		double nSigma = 5;
		double relTol = 0.02;
		int confirmSteps = 1;
		Direction direction = null;

		public static Options defaults() {
			return new Options();
		}

		public Options steps(StepDetector.Options v) { steps = v; return this; }
		public Options restPotentialV(double v) { restPotentialV = v; return this; }
		public Options responseFraction(double v) { responseFraction = v; return this; }
		public Options minFitSteps(int v) { minFitSteps = v; return this; }
		/** Fit the Ohmic line on the first k levels only (0 = on all levels below the candidate). */
		public Options fitSteps(int v) { fitSteps = v; return this; }
		public Options nSigma(double v) { nSigma = v; return this; }
		public Options relTol(double v) { relTol = v; return this; }
		public Options confirmSteps(int v) { confirmSteps = v; return this; }
		/** Which steps form the scan (default: the direction of the first current step). */
		public Options direction(Direction v) { direction = v; return this; }
	}

	private StrippingOnset() {}

	public static OnsetResult analyse(Trace trace, double areaCm2) {
		return analyse(trace, areaCm2, Options.defaults(), Progress.NONE);
	}

	/**
	 * @throws EchemAnalysisException for missing columns, area ≤ 0, or fewer than minFitSteps + 1 levels
	 */
	public static OnsetResult analyse(Trace trace, double areaCm2, Options o, Progress progress) {
		TraceInput.requireArea(areaCm2);
		String name = TraceInput.name(trace);
		if (o.responseFraction <= 0 || o.responseFraction > 1) throw new EchemAnalysisException("responseFraction must be in (0, 1], got " + o.responseFraction);
		if (o.minFitSteps < 3) throw new EchemAnalysisException("minFitSteps must be at least 3 to estimate a line and its scatter, got " + o.minFitSteps);
		double[] e = TraceInput.potential(trace);
		List<CurrentStep> steps = StepDetector.detect(trace, o.steps);
		Direction dir = o.direction;
		if (dir == null)
			for (CurrentStep s : steps)
				if (!s.isRest()) {
					dir = s.direction();
					break;
				}
		if (dir == null) throw new EchemAnalysisException(name + ": no current steps found (the current is zero throughout)");
		List<CurrentStep> scan = new ArrayList<>();
		for (CurrentStep s : steps)
			if (s.direction() == dir) scan.add(s);
		int minFit = o.fitSteps > 0 ? o.fitSteps : o.minFitSteps;
		if (scan.size() < minFit + 1)
			throw new EchemAnalysisException(name + ": " + scan.size() + " " + dir.label() + " current levels found; the stripping-onset analysis needs at least "
					+ (minFit + 1) + " (" + minFit + " to fit the Ohmic line and one to test)");
		int n = scan.size();
		double[] x = new double[n], y = new double[n];
		for (int i = 0; i < n; i++) {
			CurrentStep s = scan.get(i);
			double ref = RestPotential.before(steps, s.index(), e, o.restPotentialV);
			int from = s.lastRow() + 1 - Math.max(1, (int) Math.round(o.responseFraction * s.rowCount()));
			double sign = Math.signum(s.currentMa());
			double[] p = new double[s.lastRow() + 1 - from];
			for (int k = from; k <= s.lastRow(); k++)
				p[k - from] = sign * (e[k] - ref);
			x[i] = Math.abs(s.nominalCurrentMa()) / areaCm2;
			y[i] = Stats.median(p);
		}
		int onset = -1;
		for (int i = minFit; i < n && onset < 0; i++) {
			progress.checkCancelled();
			progress.report((double) i / n, "Stripping onset level " + i);
			int m = o.fitSteps > 0 ? o.fitSteps : i;
			double[] line = Stats.line(x, y, 0, m);
			boolean all = true;
			for (int j = i; j <= i + o.confirmSteps && all; j++) {
				if (j >= n) break;
				all = departs(line, m, x[j], y[j], o);
			}
			if (all) onset = i; // levels past the end of the scan cannot contradict
		}
		int m = onset >= 0 ? (o.fitSteps > 0 ? o.fitSteps : onset) : (o.fitSteps > 0 ? o.fitSteps : n);
		double[] line = Stats.line(x, y, 0, m);
		List<OnsetResult.Level> levels = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double fit = line[0] + line[1] * x[i];
			double thr = threshold(line, m, x[i], o);
			levels.add(new OnsetResult.Level(scan.get(i), i, x[i], y[i], fit, y[i] - fit, thr, onset >= 0 && i >= onset));
		}
		progress.report(1, "Stripping onset done");
		return new OnsetResult(name, areaCm2, dir, levels, onset, m, line[0], line[1], line[2], o.nSigma, o.relTol);
	}

	private static boolean departs(double[] line, int m, double xi, double yi, Options o) {
		return yi - (line[0] + line[1] * xi) > threshold(line, m, xi, o);
	}

	private static double threshold(double[] line, int m, double xi, Options o) {
		double sxx = line[4];
		double pred = line[2] * Math.sqrt(1 + 1.0 / m + (sxx > 0 ? (xi - line[3]) * (xi - line[3]) / sxx : 0));
		return Math.max(o.nSigma * pred, o.relTol * Math.abs(line[0] + line[1] * xi));
	}
}
