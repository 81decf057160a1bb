package org.tomolyte.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain results table: named columns, each cell a number or a string. The library returns these; the
 * {@code io.csv} package writes them as CSV and the {@code ij1} bridge shows them as ImageJ ResultsTables.
 * Column names carry the unit ({@code depth_um}, {@code tau_s}) because they are part of the macro API.
 */
public final class Table {
	private final String title;
	private final List<String> columns;
	private final List<Object[]> rows = new ArrayList<>();

	public Table(String title, String... columns) {
		this(title, Arrays.asList(columns));
	}

	public Table(String title, List<String> columns) {
		this.title = title;
		this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
		if (new java.util.HashSet<>(columns).size() != columns.size())
			throw new IllegalArgumentException("Duplicate column name in table " + title + ": " + columns);
	}

	public String title() {
		return title;
	}

	public List<String> columns() {
		return columns;
	}

	public int rowCount() {
		return rows.size();
	}

	public int columnIndex(String column) {
		int i = columns.indexOf(column);
		if (i < 0) throw new IllegalArgumentException("Table " + title + " has no column '" + column + "'; it has " + columns);
		return i;
	}

	/** Appends a row; values are Numbers (Double, Integer, Long...) or Strings, one per column. */
	public Table addRow(Object... values) {
		if (values.length != columns.size())
			throw new IllegalArgumentException("Table " + title + " expects " + columns.size() + " values per row, got " + values.length);
		rows.add(values.clone());
		return this;
	}

	/** Appends a row given as column → value; missing columns are left empty (null). */
	public Table addRow(Map<String, ?> values) {
		Object[] row = new Object[columns.size()];
		for (Map.Entry<String, ?> e : values.entrySet())
			row[columnIndex(e.getKey())] = e.getValue();
		rows.add(row);
		return this;
	}

	public Object get(int row, String column) {
		return rows.get(row)[columnIndex(column)];
	}

	public Object get(int row, int column) {
		return rows.get(row)[column];
	}

	/** The cell as a double; NaN for empty or non-numeric cells. */
	public double getDouble(int row, String column) {
		Object v = get(row, column);
		return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
	}

	/** A whole numeric column. */
	public double[] column(String column) {
		int c = columnIndex(column);
		double[] out = new double[rows.size()];
		for (int r = 0; r < out.length; r++) {
			Object v = rows.get(r)[c];
			out[r] = v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
		}
		return out;
	}

	/** One row as an ordered column → value map. */
	public Map<String, Object> row(int row) {
		Map<String, Object> m = new LinkedHashMap<>();
		Object[] r = rows.get(row);
		for (int c = 0; c < columns.size(); c++)
			m.put(columns.get(c), r[c]);
		return m;
	}

	@Override
	public String toString() {
		return "Table[" + title + ", " + rows.size() + " rows, " + columns + "]";
	}
}
