package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;

/**
 * Critical-current-density (CCD) staircase analysis, as in Fig. 1a and Fig. 2b of Wu &amp; Hatzell,
 * J. Mater. Chem. A 2025: current steps and densities, per-step polarisation statistics, stable versus
 * growing polarisation, and the short circuit with the current density and areal capacity at which it
 * happened.
 *
 * <p>Polarisation p = sign(I)·(Ewe − E_rest), E_rest from {@link RestPotential}. Criteria (defaults):
 * <ul>
 * <li><b>Growing / decreasing</b>: least-squares slope of p against time over the step after its first
 * {@code transientFraction} (10 %), times the step duration, relative to the median p: &gt; +growthThreshold
 * (0.10) is growing, &lt; −growthThreshold decreasing, otherwise stable; a rise or fall must also be
 * significant, |slope| &gt; {@code minTStat} (3) standard errors of the slope, so noise alone never makes a
 * step growing.</li>
 * <li><b>Short circuit</b>: the first sample where p falls below {@code collapseFraction} (0.2) of the
 * healthy polarisation P_ref and stays below it for ≥ 90 % of the rest of the step (≥ 3 samples unless the
 * trace ends). P_ref = max(median p over the first 20 % of the step, the last healthy step of the same
 * direction scaled by the current ratio). Only tried when collapseFraction·P_ref exceeds 3 σ of the voltage
 * noise. The reported time is the collapse start: walking back from the detection, the last sample still
 * within max(5 %, 4σ/p) of the median of the five samples before it. Its capacity is ∫|I|dt/area from the
 * step start. Overpotential statistics of a step that collapses cover its healthy part only.</li>
 * </ul>
 */
public final class CriticalCurrentDensity {

	/** Analysis parameters. */
	public static final class Options {
		StepDetector.Options steps = StepDetector.Options.defaults();
		double restPotentialV = 0;
		double transientFraction = 0.1;
		double growthThreshold = 0.10;
		double collapseFraction = 0.2;
		double sustainFraction = 0.9;
		int minCollapsePoints = 3;
		double minTStat = 3;

		public static Options defaults() {
			return new Options();
		}

		public Options steps(StepDetector.Options v) { steps = v; return this; }
		/** Rest potential used only when the trace has no rest (V); default 0. */
		public Options restPotentialV(double v) { restPotentialV = v; return this; }
		public Options transientFraction(double v) { transientFraction = v; return this; }
		public Options growthThreshold(double v) { growthThreshold = v; return this; }
		public Options collapseFraction(double v) { collapseFraction = v; return this; }
		public Options minCollapsePoints(int v) { minCollapsePoints = v; return this; }
		/** A rise or fall must also be significant: |slope| / its standard error above this (default 3). */
		public Options minTStat(double v) { minTStat = v; return this; }
	}

	private CriticalCurrentDensity() {}

	/** Analysis with default options. */
	public static CcdResult analyse(Trace trace, double areaCm2) {
		return analyse(trace, areaCm2, Options.defaults(), Progress.NONE);
	}

	/**
	 * @param trace EC-Lab-like trace with time/s, Ewe/V and I/mA (or &lt;Ewe&gt;/V, &lt;I&gt;/mA)
	 * @param areaCm2 electrode area (cm²) for current densities and areal capacities
	 * @throws EchemAnalysisException for missing columns, area ≤ 0 or a trace without current steps
	 */
	public static CcdResult analyse(Trace trace, double areaCm2, Options o, Progress progress) {
		TraceInput.requireArea(areaCm2);
		double[] t = TraceInput.time(trace);
		double[] e = TraceInput.potential(trace);
		List<CurrentStep> steps = StepDetector.detect(trace, o.steps);
		if (steps.stream().allMatch(CurrentStep::isRest))
			throw new EchemAnalysisException(TraceInput.name(trace) + ": no current steps found (the current is zero throughout)");
		CapacityAtTime cap = CapacityAtTime.of(trace, areaCm2);
		double sigmaE = Stats.differenceNoise(e);
		List<CcdResult.Step> out = new ArrayList<>();
		CcdResult.ShortCircuit first = null;
		double[] healthyP = { Double.NaN, Double.NaN }; // last healthy median polarisation per direction
		double[] healthyI = { Double.NaN, Double.NaN };
		for (CurrentStep s : steps) {
			progress.checkCancelled();
			progress.report((double) s.index() / steps.size(), "CCD step " + s.index());
			double ref = RestPotential.before(steps, s.index(), e, o.restPotentialV);
			double density = s.nominalCurrentMa() / areaCm2;
			double capacity = cap.throughputMahCm2Between(s.startS(), s.endS());
			if (s.isRest()) {
				out.add(new CcdResult.Step(s, 0, ref, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, CcdResult.Polarisation.REST,
						capacity));
				continue;
			}
			int a = s.firstRow(), b = s.lastRow() + 1;
			double sign = Math.signum(s.currentMa());
			double[] p = new double[b - a];
			for (int k = a; k < b; k++)
				p[k - a] = sign * (e[k] - ref);
			int dir = s.direction() == Direction.STRIPPING ? 0 : 1;
			int early = Math.max(1, (int) Math.ceil(0.2 * p.length));
			double pRef = Stats.median(p, 0, early);
			if (!Double.isNaN(healthyP[dir])) pRef = Math.max(pRef, healthyP[dir] * Math.abs(s.currentMa() / healthyI[dir]));
			int collapse = -1, onset = -1;
			if (o.collapseFraction * pRef > 3 * sigmaE) {
				collapse = collapseRow(p, o.collapseFraction * pRef, o, b == t.length);
				if (collapse >= 0) onset = collapseOnset(p, collapse, sigmaE);
			}
			int fitEnd = collapse >= 0 && onset >= 0 ? onset + 1 : p.length;
			double mean = Stats.mean(p, 0, fitEnd), median = Stats.median(p, 0, fitEnd), max = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < fitEnd; k++)
				max = Math.max(max, p[k]);
			double end = Stats.median(p, Math.max(0, fitEnd - 3), fitEnd);
			double slope = Double.NaN, rise = Double.NaN, tStat = 0;
			int fitStart = 0;
			while (fitStart < fitEnd - 1 && t[a + fitStart] < s.startS() + o.transientFraction * s.durationS())
				fitStart++;
			if (fitEnd - fitStart >= 3) {
				double[] th = new double[fitEnd];
				for (int k = 0; k < fitEnd; k++)
					th[k] = (t[a + k] - s.startS()) / 3600.0;
				double[] line = Stats.line(th, p, fitStart, fitEnd);
				slope = line[1];
				tStat = line[4] > 0 && line[2] > 0 ? slope / (line[2] / Math.sqrt(line[4])) : Double.POSITIVE_INFINITY * Math.signum(slope);
				double medFit = Stats.median(p, fitStart, fitEnd);
				rise = slope * (s.durationS() / 3600.0) / medFit;
			}
			CcdResult.Polarisation pol;
			if (collapse >= 0) pol = CcdResult.Polarisation.SHORTED;
			else if (rise > o.growthThreshold && tStat > o.minTStat) pol = CcdResult.Polarisation.GROWING;
			else if (rise < -o.growthThreshold && tStat < -o.minTStat) pol = CcdResult.Polarisation.DECREASING;
			else pol = CcdResult.Polarisation.STABLE;
			if (collapse < 0) {
				healthyP[dir] = median;
				healthyI[dir] = s.currentMa();
			} else if (first == null) {
				int on = a + onset;
				double ts = on + 1 < t.length ? 0.5 * (t[on] + t[on + 1]) : t[on];
				if (onset < 0) ts = s.startS();
				ts = Math.max(ts, s.startS());
				double after = Stats.median(p, collapse, p.length);
				first = new CcdResult.ShortCircuit(s.index(), ts, t[a + collapse], s.direction(), Math.abs(density), cap.throughputMahCm2Between(s.startS(), ts),
						cap.throughputMahCm2At(ts), cap.chargeMahCm2At(ts), pRef, after);
			}
			out.add(new CcdResult.Step(s, density, ref, mean, median, max, end, slope, rise, pol, capacity));
		}
		progress.report(1, "CCD done");
		return new CcdResult(TraceInput.name(trace), areaCm2, out, first, o.growthThreshold, o.collapseFraction);
	}

	/** First index from which p stays below the threshold (sustained), or −1. */
	static int collapseRow(double[] p, double threshold, Options o, boolean traceEnds) {
		int n = p.length;
		int[] below = new int[n + 1]; // suffix counts
		for (int k = n - 1; k >= 0; k--)
			below[k] = below[k + 1] + (p[k] < threshold ? 1 : 0);
		for (int k = 0; k < n; k++) {
			if (p[k] >= threshold) continue;
			int remaining = n - k;
			if (below[k] < o.sustainFraction * remaining) continue;
			if (below[k] < o.minCollapsePoints && !traceEnds) continue;
			return k;
		}
		return -1;
	}

	/** Last index before the detected collapse where p was still at its local healthy level; −1 if at the step start. */
	static int collapseOnset(double[] p, int detected, double sigmaE) {
		for (int k = detected - 1; k >= 0; k--) {
			int from = Math.max(0, k - 5);
			if (from == k) return k;
			double local = Stats.median(p, from, k);
			double tol = Math.max(0.05, 4 * sigmaE / Math.max(local, 1e-12));
			if (p[k] >= (1 - tol) * local) return k;
		}
		return -1;
	}
}
