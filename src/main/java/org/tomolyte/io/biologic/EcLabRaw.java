package org.tomolyte.io.biologic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** What a reader extracted from one file before the façade builds the model: columns, facts, warnings. */
final class EcLabRaw {
	final LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
	final LinkedHashMap<String, String> info = new LinkedHashMap<>();
	final List<String> warnings = new ArrayList<>();

	/** Adds a column, suffixing " 2", " 3"... when the export name is already taken (as galvani does). */
	void addColumn(String name, double[] values) {
		String n = name;
		for (int k = 2; columns.containsKey(n); k++)
			n = name + " " + k;
		columns.put(n, values);
	}

	/** Adds an info entry without overwriting an earlier one of the same key. */
	void addInfo(String key, String value) {
		String k = key;
		for (int i = 2; info.containsKey(k); i++)
			k = key + " " + i;
		info.put(k, value);
	}
}
