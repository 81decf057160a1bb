package org.tomolyte.synth.echem;

/**
 * The overpotential of a parallel R‖C element (an interfacial or grain-boundary process with relaxation time
 * τ = RC) driven by a current held constant over each update: the exact solution
 * {@code v(t+Δt) = v·e^(−Δt/τ) + I·R·(1 − e^(−Δt/τ))}.
 */
final class RcElement {
	private final double tauS;
	private double volts;

	RcElement(double tauS) {
		this.tauS = tauS;
	}

	/** Advances by dtS with the element's target (steady-state) voltage I·R held constant. */
	void advance(double dtS, double targetV) {
		if (dtS <= 0) return;
		double decay = tauS > 0 ? Math.exp(-dtS / tauS) : 0;
		volts = volts * decay + targetV * (1 - decay);
	}

	double volts() {
		return volts;
	}

	void set(double v) {
		volts = v;
	}
}
