package org.tomolyte.synth.cell;

/**
 * What fills a point of the synthetic cell, with its label in the truth label volumes: 0 air/background,
 * 1 housing (O-ring and current collector), 2 electrolyte, 3 liquid metal, 4 interfacial void, 5 crack
 * (empty or infiltrated), 6 chip cavity (empty or filled). Crack and chip keep their label when liquid metal
 * fills them; the grey value (and the truth's infiltrated/filled flags) tell the content.
 */
public enum Material {
	AIR(0), ORING(1), COLLECTOR(1), ELECTROLYTE(2), LIQUID_METAL(3), VOID(4), CRACK_EMPTY(5), CRACK_FILLED(5), CHIP_EMPTY(6), CHIP_FILLED(6);

	public static final int LABEL_AIR = 0, LABEL_HOUSING = 1, LABEL_ELECTROLYTE = 2, LABEL_LIQUID_METAL = 3, LABEL_VOID = 4, LABEL_CRACK = 5, LABEL_CHIP = 6;

	private final int label;

	Material(int label) {
		this.label = label;
	}

	/** The label in the truth label volumes. */
	public int label() {
		return label;
	}

	/** Linear attenuation coefficient in cm⁻¹ from the parameters. */
	public double muPerCm(CellParameters p) {
		switch (this) {
		case ORING: return p.muOringPerCm();
		case COLLECTOR: return p.muCollectorPerCm();
		case ELECTROLYTE: return p.muElectrolytePerCm();
		case LIQUID_METAL:
		case CRACK_FILLED:
		case CHIP_FILLED: return p.muLiquidMetalPerCm();
		case VOID:
		case CRACK_EMPTY:
		case CHIP_EMPTY: return p.muVoidPerCm();
		default: return p.muAirPerCm();
		}
	}
}
