package org.tomolyte.cracks;

/** What a detected object is: a thin crack sheet, or an edge chip (a thick piece of surface electrolyte lost). */
public enum ObjectKind {
	CRACK("crack"), CHIP("chip");

	private final String label;

	ObjectKind(String label) {
		this.label = label;
	}

	/** The word used in tables ({@code kind} column). */
	public String label() {
		return label;
	}
}
