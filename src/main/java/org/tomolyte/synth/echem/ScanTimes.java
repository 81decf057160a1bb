package org.tomolyte.synth.echem;

/**
 * When the operando tomograms of a synthetic experiment were taken (start and end of each scan, e.g. 3001
 * projections × 0.2 s ≈ 600 s as at 27-ID HEX, Wu &amp; Hatzell 2025) and the exact charge passed at each scan
 * start, from the noise-free current program.
 */
public final class ScanTimes {
	public final double[] startS;
	public final double[] endS;
	/** Exact signed areal charge ∫ I dt / area at each scan start (mAh cm⁻²). */
	public final double[] chargeMahCm2AtStart;
	/** Exact areal throughput ∫ |I| dt / area at each scan start (mAh cm⁻²). */
	public final double[] throughputMahCm2AtStart;

	ScanTimes(double[] startS, double[] endS, CurrentProgram program, double areaCm2) {
		this.startS = startS.clone();
		this.endS = endS.clone();
		chargeMahCm2AtStart = new double[startS.length];
		throughputMahCm2AtStart = new double[startS.length];
		for (int k = 0; k < startS.length; k++) {
			chargeMahCm2AtStart[k] = program.chargeMahAt(startS[k]) / areaCm2;
			throughputMahCm2AtStart[k] = program.throughputMahAt(startS[k]) / areaCm2;
		}
	}

	public int count() {
		return startS.length;
	}
}
