package org.tomolyte.model;

import java.util.Arrays;

/**
 * One impedance spectrum: frequencies with the real and the true imaginary part of Z (negative for
 * capacitive arcs; EC-Lab files store −Im Z, readers flip it), plus when and under which DC conditions it
 * was taken. Arrays are kept in the order measured; algorithms that need an order sort a copy.
 */
public final class Spectrum {
	private final double[] freqHz;
	private final double[] zReOhm;
	private final double[] zImOhm;
	private final double startTimeS;
	private final double endTimeS;
	private final double meanEweV;
	private final double dcCurrentMa;
	private final double[] pointTimeS;
	private final double[] pointEweV;
	private final double[] pointCurrentMa;

	/**
	 * @param freqHz frequencies (Hz)
	 * @param zReOhm real part (Ω)
	 * @param zImOhm true imaginary part (Ω), negative for a capacitive arc
	 * @param startTimeS time of the first point (s from the start of the experiment), NaN if unknown
	 * @param endTimeS time of the last point (s), NaN if unknown
	 * @param meanEweV mean working-electrode potential during the spectrum (V), NaN if unknown
	 * @param dcCurrentMa DC current held during the spectrum (mA), NaN if unknown
	 */
	public Spectrum(double[] freqHz, double[] zReOhm, double[] zImOhm, double startTimeS, double endTimeS, double meanEweV,
			double dcCurrentMa) {
		if (freqHz.length != zReOhm.length || freqHz.length != zImOhm.length)
			throw new IllegalArgumentException("Spectrum arrays differ in length: f " + freqHz.length + ", Re " + zReOhm.length + ", Im " + zImOhm.length);
		this.freqHz = freqHz.clone();
		this.zReOhm = zReOhm.clone();
		this.zImOhm = zImOhm.clone();
		this.startTimeS = startTimeS;
		this.endTimeS = endTimeS;
		this.meanEweV = meanEweV;
		this.dcCurrentMa = dcCurrentMa;
		this.pointTimeS = null;
		this.pointEweV = null;
		this.pointCurrentMa = null;
	}

	/**
	 * A spectrum with the time, potential and current recorded at each frequency point (NaN where unknown;
	 * a null array means unknown throughout). Start/end time are the first/last point's time, the mean
	 * potential and the DC current are the means over the points' finite values.
	 */
	public Spectrum(double[] freqHz, double[] zReOhm, double[] zImOhm, double[] pointTimeS, double[] pointEweV, double[] pointCurrentMa) {
		if (freqHz.length != zReOhm.length || freqHz.length != zImOhm.length)
			throw new IllegalArgumentException("Spectrum arrays differ in length: f " + freqHz.length + ", Re " + zReOhm.length + ", Im " + zImOhm.length);
		this.freqHz = freqHz.clone();
		this.zReOhm = zReOhm.clone();
		this.zImOhm = zImOhm.clone();
		this.pointTimeS = perPoint(pointTimeS, freqHz.length, "time");
		this.pointEweV = perPoint(pointEweV, freqHz.length, "Ewe");
		this.pointCurrentMa = perPoint(pointCurrentMa, freqHz.length, "current");
		int n = freqHz.length;
		this.startTimeS = n == 0 ? Double.NaN : this.pointTimeS[0];
		this.endTimeS = n == 0 ? Double.NaN : this.pointTimeS[n - 1];
		this.meanEweV = finiteMean(this.pointEweV);
		this.dcCurrentMa = finiteMean(this.pointCurrentMa);
	}

	private static double[] perPoint(double[] v, int n, String what) {
		if (v == null) {
			double[] nan = new double[n];
			Arrays.fill(nan, Double.NaN);
			return nan;
		}
		if (v.length != n) throw new IllegalArgumentException("Spectrum per-point " + what + " has " + v.length + " values for " + n + " points");
		return v.clone();
	}

	private static double finiteMean(double[] v) {
		double sum = 0;
		int k = 0;
		for (double x : v)
			if (Double.isFinite(x)) {
				sum += x;
				k++;
			}
		return k == 0 ? Double.NaN : sum / k;
	}

	/** A spectrum with no time or DC information. */
	public Spectrum(double[] freqHz, double[] zReOhm, double[] zImOhm) {
		this(freqHz, zReOhm, zImOhm, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
	}

	public int size() {
		return freqHz.length;
	}

	public double[] freqHz() {
		return freqHz.clone();
	}

	public double[] zReOhm() {
		return zReOhm.clone();
	}

	/** True imaginary part (Ω), negative for capacitive arcs. */
	public double[] zImOhm() {
		return zImOhm.clone();
	}

	public double freqHz(int i) {
		return freqHz[i];
	}

	public double zReOhm(int i) {
		return zReOhm[i];
	}

	public double zImOhm(int i) {
		return zImOhm[i];
	}

	public double startTimeS() {
		return startTimeS;
	}

	public double endTimeS() {
		return endTimeS;
	}

	/** Middle of the acquisition, or the start time if the end is unknown. */
	public double midTimeS() {
		return Double.isNaN(endTimeS) ? startTimeS : 0.5 * (startTimeS + endTimeS);
	}

	/**
	 * Time of each point (s), NaN where unknown. A spectrum built from start and end times only spreads its
	 * points evenly between them, so writing it point by point and reading it back keeps both times.
	 */
	public double[] pointTimeS() {
		if (pointTimeS != null) return pointTimeS.clone();
		double[] t = nanArray();
		int n = t.length;
		for (int i = 0; i < n; i++)
			t[i] = Double.isNaN(endTimeS) || n == 1 ? startTimeS : startTimeS + (endTimeS - startTimeS) * i / (n - 1);
		return t;
	}

	/** Working-electrode potential at each point (V), NaN where unknown; the mean where only that is known. */
	public double[] pointEweV() {
		if (pointEweV != null) return pointEweV.clone();
		double[] v = nanArray();
		Arrays.fill(v, meanEweV);
		return v;
	}

	/** DC current at each point (mA), NaN where unknown; the DC current where only that is known. */
	public double[] pointCurrentMa() {
		if (pointCurrentMa != null) return pointCurrentMa.clone();
		double[] v = nanArray();
		Arrays.fill(v, dcCurrentMa);
		return v;
	}

	private double[] nanArray() {
		double[] a = new double[freqHz.length];
		Arrays.fill(a, Double.NaN);
		return a;
	}

	public double meanEweV() {
		return meanEweV;
	}

	public double dcCurrentMa() {
		return dcCurrentMa;
	}

	@Override
	public String toString() {
		return "Spectrum[" + size() + " points, " + (size() == 0 ? "" : Arrays.stream(freqHz).min().getAsDouble() + ".."
				+ Arrays.stream(freqHz).max().getAsDouble() + " Hz") + ", t=" + startTimeS + " s]";
	}
}
