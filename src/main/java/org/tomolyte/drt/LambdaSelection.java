package org.tomolyte.drt;

import java.util.Locale;

/**
 * How the Tikhonov parameter λ is chosen: fixed, or by minimising a cross-validation score of the
 * unconstrained ridge problem as in Maradesa et al., J. Electrochem. Soc. 170 (2023) 030502
 * (GCV: Wahba 1985; modified GCV: Kim &amp; Gu 2004), or by the corner of the L-curve (Hansen 1992).
 */
public enum LambdaSelection {
	FIXED("fixed"), GCV("gcv"), MGCV("mgcv"), LCURVE("lcurve");

	private final String label;

	LambdaSelection(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Parses "fixed", "gcv", "mgcv" or "lcurve" (case-insensitive; "l-curve" accepted). */
	public static LambdaSelection parse(String s) {
		String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
		for (LambdaSelection v : values())
			if (v.label.equals(t)) return v;
		throw new DrtException("Unknown lambda selection '" + s + "': use fixed, gcv, mgcv or lcurve");
	}
}
