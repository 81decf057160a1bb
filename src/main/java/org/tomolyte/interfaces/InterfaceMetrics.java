package org.tomolyte.interfaces;

/**
 * The interface numbers of one scan: nominal contact area (the electrolyte top-surface footprint inside the
 * contact region), the area where liquid metal touches the electrolyte and its fraction, the void footprint,
 * roughness (RMS and peak-to-valley of the surface about its best plane, crack mouths and chips excluded as
 * outliers), tilt of that plane, and the effective local current density I / contact area, which exceeds the
 * nominal one when wetting is poor (the current-focusing of Wu &amp; Hatzell 2025).
 */
public final class InterfaceMetrics {
	private final double nominalAreaUm2, contactAreaUm2, voidAreaUm2;
	private final double roughnessRmsUm, peakToValleyUm, tiltDeg, tiltAzimuthDeg, meanHeightUm;

	public InterfaceMetrics(double nominalAreaUm2, double contactAreaUm2, double voidAreaUm2, double roughnessRmsUm, double peakToValleyUm,
			double tiltDeg, double tiltAzimuthDeg, double meanHeightUm) {
		this.nominalAreaUm2 = nominalAreaUm2;
		this.contactAreaUm2 = contactAreaUm2;
		this.voidAreaUm2 = voidAreaUm2;
		this.roughnessRmsUm = roughnessRmsUm;
		this.peakToValleyUm = peakToValleyUm;
		this.tiltDeg = tiltDeg;
		this.tiltAzimuthDeg = tiltAzimuthDeg;
		this.meanHeightUm = meanHeightUm;
	}

	public double nominalAreaUm2() {
		return nominalAreaUm2;
	}

	public double contactAreaUm2() {
		return contactAreaUm2;
	}

	public double contactFraction() {
		return nominalAreaUm2 > 0 ? contactAreaUm2 / nominalAreaUm2 : Double.NaN;
	}

	public double voidAreaUm2() {
		return voidAreaUm2;
	}

	public double voidFraction() {
		return nominalAreaUm2 > 0 ? voidAreaUm2 / nominalAreaUm2 : Double.NaN;
	}

	public double roughnessRmsUm() {
		return roughnessRmsUm;
	}

	public double peakToValleyUm() {
		return peakToValleyUm;
	}

	public double tiltDeg() {
		return tiltDeg;
	}

	/** Direction of steepest ascent of the fitted plane, degrees from +x towards +y. */
	public double tiltAzimuthDeg() {
		return tiltAzimuthDeg;
	}

	/** Mean height of the fitted plane over the contact region, µm above the centre of slice 0. */
	public double meanHeightUm() {
		return meanHeightUm;
	}

	/**
	 * Effective current density through the wetted area, mA cm⁻², for a cell current {@code currentMa} flowing
	 * through a {@code cellAreaCm2} electrode whose wetted fraction is taken to be this contact fraction.
	 */
	public double effectiveCurrentDensityMaCm2(double currentMa, double cellAreaCm2) {
		double f = contactFraction();
		return Math.abs(currentMa) / (cellAreaCm2 * f);
	}

	/** Effective current density if the measured contact area itself carried {@code currentMa}, mA cm⁻². */
	public double currentDensityOnContactAreaMaCm2(double currentMa) {
		return Math.abs(currentMa) / (contactAreaUm2 * 1e-8);
	}
}
