package org.tomolyte.synth.cell;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** Writes and reads {@link CellTruth} as JSON (gson, pretty-printed, field names as in the Java classes). */
public final class TruthJson {
	private TruthJson() {}

	private static Gson gson() {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
	}

	public static String toJson(CellTruth truth) {
		return gson().toJson(truth);
	}

	/** Reads truth written by {@link #toJson}. */
	public static CellTruth fromJson(String json) {
		return gson().fromJson(json, CellTruth.class);
	}
}
