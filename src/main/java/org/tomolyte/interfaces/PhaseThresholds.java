package org.tomolyte.interfaces;

import org.tomolyte.model.Volume;

/**
 * Grey-value thresholds of the three-phase segmentation of a NaK | NASICON scan — void (darkest), liquid metal,
 * electrolyte (brightest) — with an optional K-rich precipitate class between liquid metal and electrolyte
 * (Wu &amp; Hatzell 2025 observe K precipitation on stripping). Automatic thresholds are multi-level Otsu cuts on
 * the volume histogram; user thresholds are taken as given.
 */
public final class PhaseThresholds {
	private final double voidMax;
	private final double liquidMetalMax;
	private final double precipitateMax;

	/**
	 * @param voidMax values below are void
	 * @param liquidMetalMax values in [voidMax, liquidMetalMax) are liquid metal
	 * @param precipitateMax values in [liquidMetalMax, precipitateMax) are precipitate; NaN for no precipitate class
	 */
	public PhaseThresholds(double voidMax, double liquidMetalMax, double precipitateMax) {
		if (!(voidMax < liquidMetalMax))
			throw new InterfaceException("Thresholds must increase: void/liquid-metal threshold " + voidMax + " must be below the liquid-metal/electrolyte threshold " + liquidMetalMax);
		if (!Double.isNaN(precipitateMax) && !(precipitateMax > liquidMetalMax))
			throw new InterfaceException("Precipitate threshold " + precipitateMax + " must be above the liquid-metal threshold " + liquidMetalMax);
		this.voidMax = voidMax;
		this.liquidMetalMax = liquidMetalMax;
		this.precipitateMax = precipitateMax;
	}

	public static PhaseThresholds of(double voidMax, double liquidMetalMax) {
		return new PhaseThresholds(voidMax, liquidMetalMax, Double.NaN);
	}

	/** Three-class (or, with {@code precipitate}, four-class) Otsu on the histogram of every 2nd voxel in x and y. */
	public static PhaseThresholds automatic(Volume v, boolean precipitate) {
		GreyHistogram h = GreyHistogram.of(v, 256, 2);
		int[] cut = MultiOtsu.cutBins(h.counts(), precipitate ? 4 : 3);
		return new PhaseThresholds(h.cutValue(cut[0]), h.cutValue(cut[1]), precipitate ? h.cutValue(cut[2]) : Double.NaN);
	}

	/** The two-class Otsu cut of the volume: the electrolyte (brightest, most abundant phase) against everything else. */
	public static double electrolyteCut(Volume v) {
		GreyHistogram h = GreyHistogram.of(v, 256, 2);
		return h.cutValue(MultiOtsu.cutBins(h.counts(), 2)[0]);
	}

	/** These thresholds all moved by {@code delta} grey units (for sensitivity runs). */
	public PhaseThresholds shifted(double delta) {
		return new PhaseThresholds(voidMax + delta, liquidMetalMax + delta, Double.isNaN(precipitateMax) ? Double.NaN : precipitateMax + delta);
	}

	public double voidMax() {
		return voidMax;
	}

	public double liquidMetalMax() {
		return liquidMetalMax;
	}

	/** NaN when there is no precipitate class. */
	public double precipitateMax() {
		return precipitateMax;
	}

	public boolean hasPrecipitate() {
		return !Double.isNaN(precipitateMax);
	}

	/** The lowest grey value counted as electrolyte. */
	public double electrolyteMin() {
		return hasPrecipitate() ? precipitateMax : liquidMetalMax;
	}

	@Override
	public String toString() {
		return "PhaseThresholds[void<" + voidMax + ", liquid metal<" + liquidMetalMax + (hasPrecipitate() ? ", precipitate<" + precipitateMax : "") + "]";
	}
}
