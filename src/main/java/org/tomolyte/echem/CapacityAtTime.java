package org.tomolyte.echem;

import java.util.Arrays;

import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;

/**
 * Charge passed through the cell (mAh, and mAh cm⁻² for a user-given electrode area) at any instant of a
 * trace, so that tomograms and impedance spectra taken during cycling can be placed on the charge axis as in
 * the operando XCT/GEIS experiments of Wu &amp; Hatzell, J. Mater. Chem. A 2025.
 *
 * <p>Two estimates: (1) the integral of the recorded current, {@code ∫ I dt}, by default with the trapezoid
 * rule (current linear between samples; for a piecewise-constant current sampled at every change, as EC-Lab
 * records, the error per change is at most |ΔI|·Δt/2), or by {@link Integration#PREVIOUS_VALUE_HOLD} (exact for
 * such currents) or {@link Integration#INTERVAL_MEAN} (exact when each row holds the mean current since the
 * previous row, as EC-Lab's &lt;I&gt;/mA = dq/dt; the default when the current is derived from
 * {@code dq/mA.h}); (2) the instrument's own charge column
 * {@code (Q-Qo)/mA.h} (or {@code (Q-Qo)/C}), interpolated linearly, with resets stitched: a row where the
 * column moves towards zero by more than twice what the largest current of that interval could pass is a
 * reset (EC-Lab restarts Q−Qo with some techniques and loops); the running total is carried over with the
 * integral of I for that interval. Times before the first sample give 0; times after the last give the final value.
 * Signs follow the current: positive = anodic (stripping from the working electrode).
 */
public final class CapacityAtTime {

	/** How the current is taken to vary between two samples. */
	public enum Integration {
		/** Linear between samples (trapezoid rule). */
		TRAPEZOID,
		/** Each sample's current holds until the next sample (a step recorded at its start). */
		PREVIOUS_VALUE_HOLD,
		/** Each sample's current is the mean since the previous sample (EC-Lab's &lt;I&gt; = dq/dt). */
		INTERVAL_MEAN
	}

	private final Integration integration;
	private final String source;
	private final double areaCm2;
	private final double[] t;
	private final double[] i;
	private final double[] chargeMah;
	private final double[] throughputMah;
	private final double[] columnMah;

	private CapacityAtTime(Trace trace, double areaCm2, Integration integration) {
		TraceInput.requireArea(areaCm2);
		if (integration == null) integration = trace.currentMa() == null ? Integration.INTERVAL_MEAN : Integration.TRAPEZOID;
		this.integration = integration;
		this.source = TraceInput.name(trace);
		this.areaCm2 = areaCm2;
		this.t = TraceInput.time(trace);
		this.i = TraceInput.current(trace);
		int n = t.length;
		chargeMah = new double[n];
		throughputMah = new double[n];
		for (int k = 1; k < n; k++) {
			double dt = t[k] - t[k - 1];
			chargeMah[k] = chargeMah[k - 1] + mean(i[k - 1], i[k], false) * dt / 3600.0;
			throughputMah[k] = throughputMah[k - 1] + mean(i[k - 1], i[k], true) * dt / 3600.0;
		}
		this.columnMah = stitchedColumn(trace, t, i, chargeMah);
	}

	/**
	 * @param trace with {@code time/s} and a current column
	 * @param areaCm2 electrode area (cm²), &gt; 0
	 * @throws EchemAnalysisException for a missing column, backwards time or area ≤ 0
	 */
	public static CapacityAtTime of(Trace trace, double areaCm2) {
		return new CapacityAtTime(trace, areaCm2, null);
	}

	/** As {@link #of(Trace, double)} with a chosen integration rule (null = the default for the trace). */
	public static CapacityAtTime of(Trace trace, double areaCm2, Integration integration) {
		return new CapacityAtTime(trace, areaCm2, integration);
	}

	public Integration integration() {
		return integration;
	}

	/** Mean current (or |current|) over an interval whose end samples are a and b. */
	private double mean(double a, double b, boolean absolute) {
		switch (integration) {
		case PREVIOUS_VALUE_HOLD:
			return absolute ? Math.abs(a) : a;
		case INTERVAL_MEAN:
			return absolute ? Math.abs(b) : b;
		default:
			return absolute ? absTrapezoid(a, b) : 0.5 * (a + b);
		}
	}

	/** Mean of |I| over an interval where I is linear between a and b (exact also when the sign changes). */
	private static double absTrapezoid(double a, double b) {
		if ((a >= 0) == (b >= 0)) return 0.5 * Math.abs(a + b);
		return 0.5 * (a * a + b * b) / (Math.abs(a) + Math.abs(b));
	}

	private static double[] stitchedColumn(Trace trace, double[] t, double[] i, double[] integral) {
		double scale;
		double[] q;
		if (trace.has(Trace.CHARGE_MAH)) {
			q = trace.column(Trace.CHARGE_MAH);
			scale = 1;
		} else if (trace.has("(Q-Qo)/C")) {
			q = trace.column("(Q-Qo)/C");
			scale = 1 / 3.6;
		} else return null;
		double[] out = new double[q.length];
		double offset = 0;
		for (int k = 0; k < q.length; k++) {
			double v = q[k] * scale;
			if (k > 0) {
				double prev = q[k - 1] * scale;
				double jump = v - prev;
				double dInt = integral[k] - integral[k - 1];
				double possible = 2 * Math.max(Math.abs(i[k]), Math.abs(i[k - 1])) * (t[k] - t[k - 1]) / 3600.0;
				if (Math.abs(v) < Math.abs(prev) && Math.abs(jump) > possible + 1e-12 * Math.abs(prev)) offset += prev + dInt - v;
			}
			out[k] = v + offset;
		}
		return out;
	}

	public String source() {
		return source;
	}

	public double areaCm2() {
		return areaCm2;
	}

	/** True if the trace carries the instrument's charge column. */
	public boolean hasChargeColumn() {
		return columnMah != null;
	}

	/** Net charge ∫ I dt from the first sample to {@code timeS} (mAh, signed). */
	public double chargeMahAt(double timeS) {
		return at(chargeMah, timeS, false);
	}

	/** Net areal charge (mAh cm⁻², signed). */
	public double chargeMahCm2At(double timeS) {
		return chargeMahAt(timeS) / areaCm2;
	}

	/** Charge throughput ∫ |I| dt (mAh cm⁻²): what a CCD or pulsed test reports as areal capacity. */
	public double throughputMahCm2At(double timeS) {
		return at(throughputMah, timeS, true) / areaCm2;
	}

	/** The instrument's (Q−Qo) at {@code timeS} (mAh cm⁻², stitched over resets), NaN if not recorded. */
	public double columnChargeMahCm2At(double timeS) {
		if (columnMah == null || Double.isNaN(timeS)) return Double.NaN;
		int n = t.length;
		if (timeS <= t[0]) return columnMah[0] / areaCm2;
		if (timeS >= t[n - 1]) return columnMah[n - 1] / areaCm2;
		int k = interval(timeS);
		double f = t[k + 1] > t[k] ? (timeS - t[k]) / (t[k + 1] - t[k]) : 1;
		return (columnMah[k] + f * (columnMah[k + 1] - columnMah[k])) / areaCm2;
	}

	/** Vectorised {@link #chargeMahCm2At(double)} for many instants (any order). */
	public double[] chargeMahCm2At(double[] timesS) {
		double[] out = new double[timesS.length];
		for (int k = 0; k < out.length; k++)
			out[k] = chargeMahCm2At(timesS[k]);
		return out;
	}

	/** Vectorised {@link #throughputMahCm2At(double)}. */
	public double[] throughputMahCm2At(double[] timesS) {
		double[] out = new double[timesS.length];
		for (int k = 0; k < out.length; k++)
			out[k] = throughputMahCm2At(timesS[k]);
		return out;
	}

	/** Charge (mAh cm⁻², signed) passed between two instants. */
	public double chargeMahCm2Between(double fromS, double toS) {
		return chargeMahCm2At(toS) - chargeMahCm2At(fromS);
	}

	/** Throughput (mAh cm⁻²) passed between two instants. */
	public double throughputMahCm2Between(double fromS, double toS) {
		return throughputMahCm2At(toS) - throughputMahCm2At(fromS);
	}

	/**
	 * Table {@code capacity_at_time}: {@code time_s, charge_mah, charge_mah_cm2, throughput_mah_cm2,
	 * column_charge_mah_cm2} (the last NaN when the trace has no charge column), one row per given time.
	 */
	public Table table(double[] timesS) {
		Table tab = new Table("capacity_at_time", "time_s", "charge_mah", "charge_mah_cm2", "throughput_mah_cm2", "column_charge_mah_cm2");
		for (double ts : timesS)
			tab.addRow(ts, chargeMahAt(ts), chargeMahCm2At(ts), throughputMahCm2At(ts), columnChargeMahCm2At(ts));
		return tab;
	}

	/**
	 * Table {@code spectra_capacity}: {@code spectrum, start_s, mid_s, charge_mah_cm2, throughput_mah_cm2},
	 * placing each impedance spectrum on the charge axis at the middle of its acquisition.
	 */
	public Table spectraTable(SpectrumSeries series) {
		Table tab = new Table("spectra_capacity", "spectrum", "start_s", "mid_s", "charge_mah_cm2", "throughput_mah_cm2");
		for (int k = 0; k < series.size(); k++) {
			Spectrum sp = series.get(k);
			double mid = sp.midTimeS();
			tab.addRow(k, sp.startTimeS(), mid, chargeMahCm2At(mid), throughputMahCm2At(mid));
		}
		return tab;
	}

	private double at(double[] cumulative, double timeS, boolean absolute) {
		if (Double.isNaN(timeS)) return Double.NaN;
		int n = t.length;
		if (timeS <= t[0]) return 0;
		if (timeS >= t[n - 1]) return cumulative[n - 1];
		int k = interval(timeS);
		double dt = timeS - t[k];
		double span = t[k + 1] - t[k];
		double mean;
		if (integration == Integration.TRAPEZOID) {
			double iAt = span > 0 ? i[k] + (i[k + 1] - i[k]) * dt / span : i[k];
			mean = absolute ? absTrapezoid(i[k], iAt) : 0.5 * (i[k] + iAt);
		} else mean = mean(i[k], i[k + 1], absolute);
		return cumulative[k] + mean * dt / 3600.0;
	}

	/** Index k with t[k] ≤ time &lt; t[k+1] (last such k for repeated times). */
	private int interval(double timeS) {
		int k = Arrays.binarySearch(t, timeS);
		if (k < 0) k = -k - 2;
		else while (k + 1 < t.length && t[k + 1] == timeS)
			k++;
		return Math.min(Math.max(k, 0), t.length - 2);
	}
}
