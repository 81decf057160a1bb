package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;

/** Known answers of a synthetic critical-current-density staircase ({@link CcdStaircaseGenerator}). */
public final class CcdTruth {
	/** One programmed segment (current step or rest), indexed like the trace's constant-current segments. */
	public static final class Step {
		public int index;
		public String kind;
		public double startS;
		public double endS;
		public double currentMa;
		public double densityMaCm2;
		/** "stripping", "plating" or "rest". */
		public String direction;
		/** "stable", "growing", "shorted" (short circuit in or before this step) or "rest". */
		public String polarisation;
		/** Noise-free rise of the polarisation over the step relative to its mid-step value (0 if flat). */
		public double relativeRise;
		/** Noise-free polarisation |E − E_rest| at mid-step (V). */
		public double midPolarisationV;
	}

	public double areaCm2;
	public double restPotentialV;
	public double growthOnsetMaCm2;
	public List<Step> steps = new ArrayList<>();
	/** True if the cell short-circuits within the program. */
	public boolean shortCircuit;
	public double shortTimeS = Double.NaN;
	public int shortStepIndex = -1;
	public double shortDensityMaCm2 = Double.NaN;
	/** Areal capacity plated within the failing step up to the short (mAh cm⁻²). */
	public double shortStepCapacityMahCm2 = Double.NaN;
	/** Areal throughput ∫|I|dt/area from the start to the short (mAh cm⁻²). */
	public double shortThroughputMahCm2 = Double.NaN;
	/** Time constant of the voltage collapse (s). */
	public double collapseTauS;
}
