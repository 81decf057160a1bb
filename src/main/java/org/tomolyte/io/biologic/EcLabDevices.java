package org.tomolyte.io.biologic;

/**
 * BioLogic instrument models by the device code stored in the {@code .mpr} log module, named as EC-Lab's
 * export writes them ("SP-300", "VMP3"). Codes from BioLogic's EC-Lab Development Package ({@code TDeviceType_e});
 * the shared files confirm VMP3 = 5, VMP-300 = 12, SP-150 = 14, SP-300 = 16, SP-240 = 27.
 */
final class EcLabDevices {
	private EcLabDevices() {}

	private static final String[] NAMES = { "VMP", "VMP2", "MPG", "BiStat", "MCS-200", "VMP3", "VSP", "HCP-803", "EPP-400", "EPP-4000",
			"BiStat2", "FCT-150S", "VMP-300", "SP-50", "SP-150", "FCT-50S", "SP-300", "CLB-500", "HCP-1005", "CLB-2000", "VSP-300",
			"SP-200", "MPG2", "SP-100", "MOSLED", null, null, "SP-240", "MPG-205", "MPG-210", "MPG-220", "MPG-240", "BP-300", "VMP-3e",
			"VSP-3e", "SP-50e", "SP-150e" };

	/** The model name, or "device code N" when the code is not known. */
	static String name(int code) {
		if (code >= 0 && code < NAMES.length && NAMES[code] != null) return NAMES[code];
		return "device code " + code;
	}
}
