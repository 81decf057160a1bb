package org.tomolyte.echem;

import org.tomolyte.model.Trace;

/** Checks a trace and the user's parameters before an analysis and turns problems into clear messages. */
final class TraceInput {
	private TraceInput() {}

	static String name(Trace trace) {
		return trace.source() == null ? "trace" : trace.source();
	}

	static void requireArea(double areaCm2) {
		if (!(areaCm2 > 0) || Double.isInfinite(areaCm2))
			throw new EchemAnalysisException("Electrode area area_cm2 must be a positive number of cm² (the geometric NaK/electrolyte contact area), got " + areaCm2);
	}

	/** Time column, checked to be present, finite and non-decreasing. */
	static double[] time(Trace trace) {
		if (trace == null) throw new EchemAnalysisException("No trace given");
		if (!trace.has(Trace.TIME_S))
			throw new EchemAnalysisException(name(trace) + ": no '" + Trace.TIME_S + "' column; it has " + trace.columnNames());
		double[] t = trace.timeS();
		if (t.length < 2) throw new EchemAnalysisException(name(trace) + ": " + t.length + " data point(s); an analysis needs at least 2");
		for (int i = 0; i < t.length; i++) {
			if (!Double.isFinite(t[i])) throw new EchemAnalysisException(name(trace) + ": time/s is not a finite number at row " + i);
			if (i > 0 && t[i] < t[i - 1])
				throw new EchemAnalysisException(name(trace) + ": time/s goes backwards at row " + i + " (" + t[i - 1] + " s then " + t[i]
						+ " s); split the file into runs first");
		}
		return t;
	}

	/**
	 * The current (mA): the trace's I/mA or &lt;I&gt;/mA column, else — as in EC-Lab GCPL .mpr files, which store
	 * only the charge increment — the mean current over each recording interval, dq·3600/Δt from
	 * {@code dq/mA.h} (exactly how EC-Lab's export computes &lt;I&gt;/mA; the first row and rows with Δt = 0
	 * repeat the neighbouring value).
	 */
	static double[] current(Trace trace) {
		double[] i = trace.currentMa();
		if (i == null && trace.has("dq/mA.h") && trace.has(Trace.TIME_S)) i = fromChargeIncrements(trace.timeS(), trace.column("dq/mA.h"));
		if (i == null)
			throw new EchemAnalysisException(name(trace) + ": no current column (I/mA, <I>/mA or dq/mA.h); it has " + trace.columnNames());
		for (int k = 0; k < i.length; k++)
			if (!Double.isFinite(i[k])) throw new EchemAnalysisException(name(trace) + ": current is not a finite number at row " + k);
		return i;
	}

	static double[] fromChargeIncrements(double[] t, double[] dqMah) {
		int n = t.length;
		double[] i = new double[n];
		i[0] = Double.NaN;
		for (int k = 1; k < n; k++) {
			double dt = t[k] - t[k - 1];
			i[k] = dt > 0 ? dqMah[k] * 3600 / dt : i[k - 1];
		}
		int first = 1;
		while (first < n && Double.isNaN(i[first]))
			first++;
		double fill = first < n ? i[first] : 0;
		for (int k = 0; k < first && k < n; k++)
			i[k] = fill;
		return i;
	}

	static double[] potential(Trace trace) {
		double[] e = trace.eweV();
		if (e == null)
			throw new EchemAnalysisException(name(trace) + ": no working-electrode potential column (Ewe/V or <Ewe>/V); it has " + trace.columnNames());
		for (int k = 0; k < e.length; k++)
			if (!Double.isFinite(e[k])) throw new EchemAnalysisException(name(trace) + ": Ewe/V is not a finite number at row " + k);
		return e;
	}
}
