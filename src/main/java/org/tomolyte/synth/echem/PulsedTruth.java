package org.tomolyte.synth.echem;

/** Known answers of one synthetic pulsed-stripping run ({@link PulsedStrippingGenerator}). */
public final class PulsedTruth {
	public double areaCm2;
	public double densityMaCm2;
	public double pulseS;
	/** Rest after each pulse (s); 0 = continuous stripping. */
	public double restS;
	public double cutoffV;
	public double restPotentialV;
	/** True if Ewe reached the cutoff (the run ends there); false if maxTimeS came first. */
	public boolean cutoffReached;
	/** Instant Ewe reached the cutoff (s), NaN if never. */
	public double cutoffTimeS = Double.NaN;
	/** Stripping capacity passed up to the cutoff (mAh cm⁻²): the critical stripping capacity. */
	public double criticalCapacityMahCm2;
	/** Number of (started) current pulses. */
	public int pulses;
	/** Time constant of the slow (concentration) relaxation seen during rests (s). */
	public double relaxationTauS;
	/** Time constant of the interfacial R‖C element (s). */
	public double interfaceTauS;
	/**
	 * Noise-free time from the end of pulse k to 95 % of the relaxation reached at the end of the following
	 * rest (s), from the analytic two-exponential decay; NaN for continuous stripping or the last pulse.
	 */
	public double[] t95S;
	/** Start time of each pulse (s). */
	public double[] pulseStartS;
}
