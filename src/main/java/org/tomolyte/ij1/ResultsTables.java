package org.tomolyte.ij1;

import org.tomolyte.model.Table;

import ij.measure.ResultsTable;

/** Converts library {@link Table}s to ImageJ ResultsTables (numbers stay numbers, text stays text). */
public final class ResultsTables {
	private ResultsTables() {}

	public static ResultsTable toResultsTable(Table t) {
		ResultsTable rt = new ResultsTable();
		rt.showRowNumbers(false);
		for (int r = 0; r < t.rowCount(); r++) {
			rt.incrementCounter();
			for (int c = 0; c < t.columns().size(); c++) {
				Object v = t.get(r, c);
				String col = t.columns().get(c);
				if (v instanceof Number) rt.addValue(col, ((Number) v).doubleValue());
				else rt.addValue(col, v == null ? "" : v.toString());
			}
		}
		return rt;
	}
}
