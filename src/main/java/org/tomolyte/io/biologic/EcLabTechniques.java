package org.tomolyte.io.biologic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * EC-Lab techniques: the ID byte that opens an {@code .mpr} settings module, the short code and the long name
 * the {@code .mpt} export prints on its fourth line. IDs as documented by yadg's eclab extractor and checked on
 * the shared files (CA, CP, GCPL, GEIS, PEIS, MB, OCV, WAIT, Constant Current).
 */
public final class EcLabTechniques {
	private EcLabTechniques() {}

	/** One technique: ID, short code and the export's long name. */
	public static final class Technique {
		public final int id;
		public final String code;
		public final String name;

		Technique(int id, String code, String name) {
			this.id = id;
			this.code = code;
			this.name = name;
		}
	}

	private static final Map<Integer, Technique> BY_ID = new LinkedHashMap<>();

	static {
		add(0x04, "GCPL", "Galvanostatic Cycling with Potential Limitation");
		add(0x06, "CV", "Cyclic Voltammetry");
		add(0x0B, "OCV", "Open Circuit Voltage");
		add(0x16, "MP", "Modular Pulse");
		add(0x18, "CA", "Chronoamperometry / Chronocoulometry");
		add(0x19, "CP", "Chronopotentiometry");
		add(0x1C, "WAIT", "Wait");
		add(0x1D, "PEIS", "Potentio Electrochemical Impedance Spectroscopy");
		add(0x1E, "GEIS", "Galvano Electrochemical Impedance Spectroscopy");
		add(0x30, "CV", "Cyclic Voltammetry");
		add(0x32, "ZIR", "IR compensation (PEIS)");
		add(0x33, "CVA", "Cyclic Voltammetry Advanced");
		add(0x6C, "LSV", "Linear Sweep Voltammetry");
		add(0x75, "coV", "Constant Voltage");
		add(0x76, "coC", "Constant Current");
		add(0x77, "GCPL", "Galvanostatic Cycling with Potential Limitation");
		add(0x7F, "MB", "Modulo Bat");
	}

	private static void add(int id, String code, String name) {
		BY_ID.put(id, new Technique(id, code, name));
	}

	/** The technique with this settings-module ID, or null if unknown. */
	public static Technique byId(int id) {
		return BY_ID.get(id);
	}

	/** The short code (GCPL, PEIS...) for an export's long technique name, or "" if unknown. */
	public static String codeForName(String longName) {
		String n = longName.trim().toLowerCase(Locale.ROOT);
		for (Technique t : BY_ID.values())
			if (t.name.toLowerCase(Locale.ROOT).equals(n)) return t.code;
		return "";
	}

	/** True for the impedance techniques whose rows are frequency points (PEIS, GEIS). */
	static boolean isImpedance(int id) {
		return id == 0x1D || id == 0x1E;
	}
}
