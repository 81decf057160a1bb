package org.tomolyte.cracks;

import org.tomolyte.echem.CapacityAtTime;
import org.tomolyte.model.Trace;

/**
 * Places scans on the charge axis: the areal capacity passed by each scan's start time, |∫ I dt| / area
 * (trapezoidal rule over the potentiostat trace, mA·s → mAh), and the cell current at a time. A thin
 * wrapper over the echem package's capacity integration, with the crack package's error type.
 */
public final class ChargeAxis {
	private ChargeAxis() {}

	/**
	 * Areal capacity (mAh cm⁻²) passed at each of {@code timesS} (same clock as the trace's time column): the
	 * magnitude of the net charge from the echem package's integrator ({@link CapacityAtTime}, trapezoid rule).
	 */
	public static double[] capacitiesMahCm2(Trace trace, double[] timesS, double areaCm2) {
		if (!(areaCm2 > 0)) throw new CrackException("Electrode area must be positive, got " + areaCm2 + " cm²");
		if (trace.currentMa() == null)
			throw new CrackException(trace.source() + " has no current column (I/mA, <I>/mA or control/mA): cannot compute capacities");
		if (trace.rowCount() == 0) throw new CrackException(trace.source() + " holds no data points");
		double[] q = CapacityAtTime.of(trace, areaCm2).chargeMahCm2At(timesS);
		for (int k = 0; k < q.length; k++)
			q[k] = Math.abs(q[k]);
		return q;
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
