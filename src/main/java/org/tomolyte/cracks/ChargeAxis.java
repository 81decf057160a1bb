package org.tomolyte.cracks;

import org.tomolyte.model.Trace;

/**
 * Places scans on the charge axis: the areal capacity passed by each scan's start time, |∫ I dt| / area
 * (trapezoidal rule over the potentiostat trace, mA·s → mAh), and the cell current at a time. A small private
 * integrator: the echem package's capacity function is not on this branch.
 */
public final class ChargeAxis {
	private ChargeAxis() {}

	/** Areal capacity (mAh cm⁻²) passed at each of {@code timesS} (same clock as the trace's time column). */
	public static double[] capacitiesMahCm2(Trace trace, double[] timesS, double areaCm2) {
		if (!(areaCm2 > 0)) throw new CrackException("Electrode area must be positive, got " + areaCm2 + " cm²");
		double[] t = trace.timeS();
		double[] i = trace.currentMa();
		if (i == null) throw new CrackException(trace.source() + " has no current column (I/mA, <I>/mA or control/mA): cannot compute capacities");
		int n = t.length;
		if (n == 0) throw new CrackException(trace.source() + " holds no data points");
		double[] q = new double[n]; // mA·s
		for (int k = 1; k < n; k++) q[k] = q[k - 1] + 0.5 * (i[k] + i[k - 1]) * (t[k] - t[k - 1]);
		double[] out = new double[timesS.length];
		for (int s = 0; s < timesS.length; s++) out[s] = Math.abs(interpolate(t, q, timesS[s], i)) / 3600.0 / areaCm2;
		return out;
	}

	/** Cell current (mA) at time {@code timeS}, linearly interpolated; NaN outside the trace or without a current column. */
	public static double currentMaAt(Trace trace, double timeS) {
		double[] t = trace.timeS(), i = trace.currentMa();
		if (i == null || t.length == 0 || timeS < t[0] || timeS > t[t.length - 1]) return Double.NaN;
		int k = upper(t, timeS);
		if (k == 0) return i[0];
		double f = (timeS - t[k - 1]) / (t[k] - t[k - 1]);
		return Double.isFinite(f) ? i[k - 1] + f * (i[k] - i[k - 1]) : i[k];
	}

	/** Charge at time x: inside the trace by exact integration of the linear current to x; clamped outside. */
	private static double interpolate(double[] t, double[] q, double x, double[] i) {
		if (x <= t[0]) return 0;
		if (x >= t[t.length - 1]) return q[q.length - 1];
		int k = upper(t, x);
		double dt = t[k] - t[k - 1];
		if (dt <= 0) return q[k];
		double f = (x - t[k - 1]) / dt;
		double ix = i[k - 1] + f * (i[k] - i[k - 1]);
		return q[k - 1] + 0.5 * (i[k - 1] + ix) * (x - t[k - 1]);
	}

	/** First index with t[k] ≥ x (t ascending). */
	private static int upper(double[] t, double x) {
		int lo = 0, hi = t.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (t[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
