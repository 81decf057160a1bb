package org.tomolyte.drt;

/**
 * The shape fitted to each DRT peak. ZARC is the exact DRT of R/(1 + (jωτ₀)^φ),
 * γ(y) = (R/2π)·sin(φπ)/(cosh(φ(y − ln τ₀)) + cos(φπ)), whose area is R; Gaussian is
 * h·exp(−(y − ln τ₀)²/2σ²) with area h·σ·√(2π) (the pyDRTtools peak-analysis default).
 */
public enum PeakShape {
	ZARC, GAUSSIAN;

	public static PeakShape parse(String s) {
		String t = s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT);
		if (t.equals("zarc")) return ZARC;
		if (t.equals("gaussian")) return GAUSSIAN;
		throw new DrtException("Unknown peak shape '" + s + "': use zarc or gaussian");
	}
}
