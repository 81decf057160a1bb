package org.tomolyte.drt;

/**
 * One fitted DRT peak: its relaxation time τ₀ (fitted centre), height (maximum of the fitted shape) and
 * resistance (its share of ∫ γ d ln τ, see {@link PeakFinder}), plus the shape's width parameter (ZARC
 * exponent φ, or the Gaussian σ in ln τ).
 */
public final class DrtPeak {
	private final String name;
	private final double tauS;
	private final double heightOhm;
	private final double resistanceOhm;
	private final double width;

	public DrtPeak(String name, double tauS, double heightOhm, double resistanceOhm, double width) {
		this.name = name;
		this.tauS = tauS;
		this.heightOhm = heightOhm;
		this.resistanceOhm = resistanceOhm;
		this.width = width;
	}

	/** Name given by peak tracking ("P1", or a seed name), or null for an untracked peak. */
	public String name() { return name; }
	public double tauS() { return tauS; }
	/** Characteristic frequency 1/(2πτ₀). */
	public double frequencyHz() { return 1 / (2 * Math.PI * tauS); }
	public double heightOhm() { return heightOhm; }
	public double resistanceOhm() { return resistanceOhm; }
	/** ZARC exponent φ (0..1], or Gaussian σ in ln τ, depending on the peak shape. */
	public double width() { return width; }

	DrtPeak named(String n) {
		return new DrtPeak(n, tauS, heightOhm, resistanceOhm, width);
	}

	@Override
	public String toString() {
		return "DrtPeak[" + (name == null ? "" : name + ", ") + "tau=" + tauS + " s, height=" + heightOhm + " Ω, R=" + resistanceOhm + " Ω]";
	}
}
