package org.tomolyte.interfaces;

/** The phases of the segmentation, with their byte codes in label slices. */
public enum Phase {
	VOID(0), LIQUID_METAL(1), ELECTROLYTE(2), PRECIPITATE(3);

	private final byte code;

	Phase(int code) {
		this.code = (byte) code;
	}

	public byte code() {
		return code;
	}

	/** The phase of a grey value under the thresholds. */
	public static Phase of(double grey, PhaseThresholds t) {
		if (grey < t.voidMax()) return VOID;
		if (grey < t.liquidMetalMax()) return LIQUID_METAL;
		if (t.hasPrecipitate() && grey < t.precipitateMax()) return PRECIPITATE;
		return ELECTROLYTE;
	}
}
