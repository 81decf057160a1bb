package org.tomolyte.echem;

/**
 * What a current step does to the working electrode (the NaK or Na anode of Wu &amp; Hatzell 2025): by EC-Lab's
 * convention a positive current is anodic, i.e. Na is stripped from the working electrode.
 */
public enum Direction {
	/** Anodic current: Na leaves the working electrode. */
	STRIPPING,
	/** Cathodic current: Na is plated onto (into) the working electrode. */
	PLATING,
	/** No current (open circuit, rest, wait). */
	REST;

	/** The direction of a current, given which sign means stripping. */
	public static Direction of(double currentMa, boolean strippingPositive) {
		if (currentMa == 0) return REST;
		return (currentMa > 0) == strippingPositive ? STRIPPING : PLATING;
	}

	/** Lower-case name used in tables ("stripping", "plating", "rest"). */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
