package org.tomolyte.drt;

import java.util.Locale;

/**
 * Which part of the impedance the DRT regression fits (DRTtools' "Combined Re-Im", "Re" and "Im" data
 * choices; Wan et al., Electrochim. Acta 184 (2015) 483).
 */
public enum FitMode {
	/** Real and imaginary parts together (default; the paper's choice). */
	RE_IM("Re+Im", true, true),
	/** Real part only: the series inductance cannot be seen and is reported as 0. */
	RE("Re", true, false),
	/** Imaginary part only: R∞ is not in the fit and is estimated afterwards from the real part. */
	IM("Im", false, true);

	private final String label;
	final boolean usesRe;
	final boolean usesIm;

	FitMode(String label, boolean usesRe, boolean usesIm) {
		this.label = label;
		this.usesRe = usesRe;
		this.usesIm = usesIm;
	}

	/** The macro-API label: "Re+Im", "Re" or "Im". */
	public String label() {
		return label;
	}

	/** Parses a macro-API label ("Re+Im", "Re", "Im"; case-insensitive, "combined" accepted). */
	public static FitMode parse(String s) {
		String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace(" ", "");
		switch (t) {
		case "re+im": case "reim": case "re-im": case "combined": case "re_im": return RE_IM;
		case "re": case "real": return RE;
		case "im": case "imag": case "imaginary": return IM;
		default: throw new DrtException("Unknown DRT fit mode '" + s + "': use Re+Im, Re or Im");
		}
	}
}
