package org.tomolyte.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A potentiostat record: one row per data point, one column per recorded quantity, keyed by the names
 * EC-Lab's text export uses ({@code time/s}, {@code Ewe/V}, {@code I/mA}, {@code cycle number}, …), plus
 * file-level information (technique, EC-Lab version, start date). The accessors below return the common
 * quantities whatever column the instrument recorded them in.
 */
public final class Trace {
	public static final String TIME_S = "time/s";
	public static final String EWE_V = "Ewe/V";
	public static final String CURRENT_MA = "I/mA";
	public static final String CYCLE = "cycle number";
	public static final String CHARGE_MAH = "(Q-Qo)/mA.h";

	private final String source;
	private final LinkedHashMap<String, double[]> columns;
	private final LinkedHashMap<String, String> info;
	private final int rows;

	/**
	 * @param source file name (for messages)
	 * @param columns column name → values, all of one length
	 * @param info technique, version, start date and other key/value header facts
	 */
	public Trace(String source, Map<String, double[]> columns, Map<String, String> info) {
		this.source = source;
		this.columns = new LinkedHashMap<>(columns);
		this.info = new LinkedHashMap<>(info);
		int n = -1;
		for (Map.Entry<String, double[]> e : columns.entrySet()) {
			if (n < 0) n = e.getValue().length;
			else if (e.getValue().length != n)
				throw new IllegalArgumentException(source + ": column '" + e.getKey() + "' has " + e.getValue().length + " rows, others " + n);
		}
		this.rows = Math.max(n, 0);
	}

	public String source() {
		return source;
	}

	public int rowCount() {
		return rows;
	}

	public List<String> columnNames() {
		return new ArrayList<>(columns.keySet());
	}

	public boolean has(String column) {
		return columns.containsKey(column);
	}

	/** The column's values (shared, do not modify). */
	public double[] column(String column) {
		double[] c = columns.get(column);
		if (c == null) throw new IllegalArgumentException(source + " has no column '" + column + "'; it has " + columns.keySet());
		return c;
	}

	/** The first of the given columns that exists, or null. */
	public double[] firstOf(String... names) {
		for (String n : names)
			if (columns.containsKey(n)) return columns.get(n);
		return null;
	}

	public Map<String, String> info() {
		return Collections.unmodifiableMap(info);
	}

	/** Time since the start of the experiment (s). */
	public double[] timeS() {
		return column(TIME_S);
	}

	/** Working-electrode potential (V), or null if not recorded. */
	public double[] eweV() {
		return firstOf(EWE_V, "<Ewe>/V", "<Ewe/V>");
	}

	/** Current (mA), or null if not recorded. */
	public double[] currentMa() {
		return firstOf(CURRENT_MA, "<I>/mA", "control/mA");
	}

	@Override
	public String toString() {
		return "Trace[" + source + ", " + rows + " rows, " + columns.keySet() + "]";
	}
}
