package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;

/** Known answers of a synthetic SGEIS-like current staircase ({@link StaircaseScanGenerator}). */
public final class StaircaseTruth {
	/** One current level of the scan. */
	public static final class Level {
		/** Position among the current-carrying levels, from 0. */
		public int level;
		public double startS;
		public double endS;
		public double currentMa;
		public double densityMaCm2;
		/** Noise-free steady-state polarisation |E − E_rest| (V). */
		public double polarisationV;
		/** Noise-free excess over the Ohmic line (V). */
		public double excessV;
	}

	public double areaCm2;
	public String direction;
	public double restPotentialV;
	/** Slope of the low-current Ohmic line: total area-specific resistance (Ω cm²). */
	public double ohmicAsrOhmCm2;
	/** Current density above which the response leaves the Ohmic line (mA cm⁻²); NaN if linear throughout. */
	public double onsetMaCm2;
	/** Index (among levels) of the first level above the onset; -1 if none. */
	public int firstNonlinearLevel = -1;
	public List<Level> levels = new ArrayList<>();
}
