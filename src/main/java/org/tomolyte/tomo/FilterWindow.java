package org.tomolyte.tomo;

import java.util.Locale;

/**
 * Apodisation windows multiplied onto the ramp filter of filtered back-projection (Kak &amp; Slaney,
 * <i>Principles of Computerized Tomographic Imaging</i>, IEEE Press 1988, ch. 3; same definitions as
 * scikit-image's {@code iradon}). The argument is the frequency in cycles per pixel, 0 to 0.5 (Nyquist).
 */
public enum FilterWindow {
	/** Pure ramp (no apodisation). */
	RAM_LAK,
	/** sinc(f): sin(πf)/(πf). */
	SHEPP_LOGAN,
	/** cos(πf). */
	COSINE,
	/** 0.54 + 0.46 cos(2πf). */
	HAMMING,
	/** 0.5 + 0.5 cos(2πf) (zero at Nyquist). */
	HANN;

	/** Window gain at frequency {@code f} cycles/pixel (|f| ≤ 0.5). */
	public double gain(double f) {
		double a = Math.abs(f);
		switch (this) {
		case RAM_LAK:
			return 1;
		case SHEPP_LOGAN:
			return a == 0 ? 1 : Math.sin(Math.PI * a) / (Math.PI * a);
		case COSINE:
			return Math.cos(Math.PI * a);
		case HAMMING:
			return 0.54 + 0.46 * Math.cos(2 * Math.PI * a);
		case HANN:
			return 0.5 + 0.5 * Math.cos(2 * Math.PI * a);
		default:
			throw new AssertionError(this);
		}
	}

	/** Parses a user name: ram-lak / ramlak / ramp, shepp-logan, cosine, hamming, hann / hanning (case-insensitive). */
	public static FilterWindow parse(String name) {
		String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
		switch (n) {
		case "ramlak":
		case "ramp":
		case "none":
			return RAM_LAK;
		case "shepplogan":
			return SHEPP_LOGAN;
		case "cosine":
			return COSINE;
		case "hamming":
			return HAMMING;
		case "hann":
		case "hanning":
			return HANN;
		default:
			throw new TomoException("Unknown filter '" + name + "': use ram-lak, shepp-logan, cosine, hamming or hann");
		}
	}
}
