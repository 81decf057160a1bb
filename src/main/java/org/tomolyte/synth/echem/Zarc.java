package org.tomolyte.synth.echem;

/**
 * A ZARC element (resistor in parallel with a constant-phase element), Z = R / (1 + (iωτ)^α), with its exact
 * distribution of relaxation times γ(ln τ) = (R/2π)·sin((1−α)π) / (cosh(α·ln(τ/τ0)) − cos((1−α)π))
 * (Fuoss–Kirkwood / Boukamp), which integrates to R over ln τ; α = 1 is an ideal RC (a delta peak).
 */
public final class Zarc {
	public final String name;
	public final double rOhm;
	public final double tauS;
	public final double alpha;

	public Zarc(String name, double rOhm, double tauS, double alpha) {
		if (rOhm < 0 || !(tauS > 0) || !(alpha > 0 && alpha <= 1))
			throw new IllegalArgumentException("ZARC " + name + " needs R ≥ 0, τ > 0, 0 < α ≤ 1; got R=" + rOhm + ", τ=" + tauS + ", α=" + alpha);
		this.name = name;
		this.rOhm = rOhm;
		this.tauS = tauS;
		this.alpha = alpha;
	}

	/** Impedance at frequency f as {Re, Im} (Ω); Im is negative for this capacitive arc. */
	public double[] impedance(double freqHz) {
		double w = 2 * Math.PI * freqHz * tauS;
		double wa = Math.pow(w, alpha);
		double re = 1 + wa * Math.cos(alpha * Math.PI / 2);
		double im = wa * Math.sin(alpha * Math.PI / 2);
		double d = re * re + im * im;
		return new double[] { rOhm * re / d, -rOhm * im / d };
	}

	/** γ(ln τ) in Ω per unit ln τ. */
	public double drtOhm(double tau) {
		if (rOhm == 0) return 0;
		if (alpha >= 1) return 0; // a delta function: no finite density
		double s = Math.sin((1 - alpha) * Math.PI);
		return rOhm / (2 * Math.PI) * s / (Math.cosh(alpha * Math.log(tau / tauS)) - Math.cos((1 - alpha) * Math.PI));
	}
}
