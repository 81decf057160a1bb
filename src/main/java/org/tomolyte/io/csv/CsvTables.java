package org.tomolyte.io.csv;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomolyte.io.OutputFolder;
import org.tomolyte.model.Table;

/**
 * Reads and writes {@link Table}s as RFC 4180 CSV (comma separated, header line, quotes where needed,
 * numbers in the root locale with full double precision). Writing is atomic.
 */
public final class CsvTables {
	private CsvTables() {}

	/** Writes the table to {@code file}, replacing it only once the whole file is written. */
	public static void write(Table table, Path file) throws IOException {
		OutputFolder.writeAtomically(file, tmp -> {
			try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				write(table, w);
			}
		});
	}

	/** Writes the table to an open writer. */
	public static void write(Table table, Appendable w) throws IOException {
		List<String> cols = table.columns();
		for (int c = 0; c < cols.size(); c++) {
			if (c > 0) w.append(',');
			w.append(quote(cols.get(c)));
		}
		w.append('\n');
		for (int r = 0; r < table.rowCount(); r++) {
			for (int c = 0; c < cols.size(); c++) {
				if (c > 0) w.append(',');
				w.append(format(table.get(r, c)));
			}
			w.append('\n');
		}
	}

	/** Formats one cell: integers without a decimal point, doubles in shortest round-trip form. */
	public static String format(Object v) {
		if (v == null) return "";
		if (v instanceof Double || v instanceof Float) {
			double d = ((Number) v).doubleValue();
			if (Double.isNaN(d)) return "NaN";
			if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
			return Double.toString(d);
		}
		if (v instanceof Number) return v.toString();
		return quote(v.toString());
	}

	private static String quote(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/**
	 * Reads a CSV with a header line written by {@link #write}: numeric-looking cells become Doubles,
	 * others Strings, empty cells null.
	 */
	public static Table read(Path file) throws IOException {
		return read(file, java.util.Collections.emptySet());
	}

	/**
	 * As {@link #read(Path)}, but the cells of the named columns stay text as written (names such as scan
	 * "001" must not become the number 1).
	 */
	public static Table read(Path file, java.util.Set<String> textColumns) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String header = r.readLine();
			if (header == null) throw new IOException(file + ": empty file, expected a CSV header line");
			if (header.startsWith("\uFEFF")) header = header.substring(1);
			List<String> cols = split(header);
			Table t = new Table(file.getFileName().toString(), cols);
			String line;
			int lineNo = 1;
			while ((line = r.readLine()) != null) {
				lineNo++;
				if (line.isEmpty()) continue;
				List<String> cells = split(line);
				if (cells.size() != cols.size())
					throw new IOException(file + " line " + lineNo + ": " + cells.size() + " cells, expected " + cols.size() + " as in the header");
				Object[] row = new Object[cells.size()];
				for (int i = 0; i < row.length; i++)
					row[i] = textColumns.contains(cols.get(i)) ? (cells.get(i).isEmpty() ? null : cells.get(i)) : parseCell(cells.get(i));
				t.addRow(row);
			}
			return t;
		}
	}

	private static Object parseCell(String s) {
		if (s.isEmpty()) return null;
		char c = s.charAt(0);
		if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'N' || c == 'I') {
			try {
				return Double.parseDouble(s);
			} catch (NumberFormatException e) {
				return s;
			}
		}
		return s;
	}

	/** Splits one CSV line, honouring double quotes. */
	static List<String> split(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean inQuotes = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (inQuotes) {
				if (ch == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cur.append('"');
						i++;
					} else inQuotes = false;
				} else cur.append(ch);
			} else if (ch == '"') inQuotes = true;
			else if (ch == ',') {
				out.add(cur.toString());
				cur.setLength(0);
			} else cur.append(ch);
		}
		out.add(cur.toString());
		return out;
	}
}
