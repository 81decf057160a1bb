package org.tomolyte.synth.echem;

import java.util.ArrayList;
import java.util.List;

/** Known equivalent circuits (hence DRTs) of a synthetic operando impedance series ({@link OperandoEisGenerator}). */
public final class EisTruth {
	/** The circuit of one spectrum: R∞ + ZARC(grain boundary) + ZARC(interface) [+ ZARC(fast interface)]. */
	public static final class SpectrumTruth {
		public int index;
		public double startS;
		public double endS;
		public double dcCurrentMa;
		public double densityMaCm2;
		public double meanEweV;
		public double rInfOhm;
		public List<Zarc> zarcs = new ArrayList<>();
		/** True once the cell is short-circuited: the arcs have vanished. */
		public boolean shorted;

		/** Exact DRT γ(ln τ) (Ω) of this spectrum's circuit. */
		public double drtOhm(double tauS) {
			double g = 0;
			for (Zarc z : zarcs)
				g += z.drtOhm(tauS);
			return g;
		}

		/** Total polarisation resistance (sum of ZARC resistances, Ω). */
		public double polarisationOhm() {
			double r = 0;
			for (Zarc z : zarcs)
				r += z.rOhm;
			return r;
		}
	}

	public double areaCm2;
	public double[] freqHz;
	public double relativeNoise;
	public List<SpectrumTruth> spectra = new ArrayList<>();
}
