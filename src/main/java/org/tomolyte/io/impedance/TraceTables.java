package org.tomolyte.io.impedance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomolyte.model.Trace;

/**
 * Reads a cycling trace (time, potential, current, charge, cycle) from a headed CSV/TXT table of any
 * potentiostat or hand-made export into the common {@link Trace}: recognised columns are renamed to EC-Lab's
 * export names and converted to s, V, mA and mA.h; other columns are kept under their own names.
 */
public final class TraceTables {
	private TraceTables() {}

	/** "name/unit", "name (unit)", "name [unit]" or "name_unit". */
	private static final Pattern NAME_UNIT = Pattern.compile("(.*?)\\s*(?:/\\s*([^/()\\[\\]]+)|\\(([^)]*)\\)|\\[([^\\]]*)\\]|_([A-Za-z\u00b5.]+))\\s*");

	private static final Map<String, TraceLayout.Quantity> KEYWORDS = new HashMap<>();

	static {
		for (String k : new String[] { "time", "t", "testtime", "totaltime", "elapsedtime" })
			KEYWORDS.put(k, TraceLayout.Quantity.TIME);
		for (String k : new String[] { "ewe", "<ewe>", "voltage", "potential", "e", "u", "ecell", "cellvoltage", "v" })
			KEYWORDS.put(k, TraceLayout.Quantity.EWE);
		for (String k : new String[] { "i", "<i>", "current" })
			KEYWORDS.put(k, TraceLayout.Quantity.CURRENT);
		for (String k : new String[] { "(q-qo)", "q", "charge", "capacity" })
			KEYWORDS.put(k, TraceLayout.Quantity.CHARGE);
		for (String k : new String[] { "cyclenumber", "cycle", "cycleindex" })
			KEYWORDS.put(k, TraceLayout.Quantity.CYCLE);
	}

	public static Trace read(Path file) throws IOException {
		return read(file, TraceLayout.auto());
	}

	public static Trace read(Path file, TraceLayout layout) throws IOException {
		return parse(DelimitedText.fileName(file), DelimitedText.readAll(file), layout);
	}

	/**
	 * @throws ImpedanceFormatException if there is no header, no time column, or a row is short or not numeric
	 *         in an assigned column
	 */
	public static Trace parse(String fileName, byte[] content, TraceLayout layout) throws ImpedanceFormatException {
		String[] lines = DelimitedText.lines(DelimitedText.decode(content));
		int first = 0;
		while (first < lines.length && DelimitedText.isSkippable(lines[first]))
			first++;
		if (first == lines.length) throw ImpedanceFormatException.inFile(fileName, "empty file; expected a header line and rows");
		char sep = DelimitedText.separator(lines[first]);
		String[] names = DelimitedText.split(lines[first], sep);
		if (!DelimitedText.isHeader(names, sep))
			throw ImpedanceFormatException.atLine(fileName, first + 1, "expected a header line naming the columns (e.g. 'time/s,Ewe/V,I/mA')");
		int width = names.length;
		String[] outName = new String[width];
		double[] factor = new double[width];
		LinkedHashMap<String, String> info = new LinkedHashMap<>();
		java.util.Set<TraceLayout.Quantity> taken = new java.util.HashSet<>();
		for (Map.Entry<Integer, TraceLayout.Quantity> e : layout.quantities.entrySet()) {
			int c = e.getKey();
			if (c >= width) throw ImpedanceFormatException.atLine(fileName, first + 1, "column " + (c + 1) + " assigned to " + e.getValue() + " but the header has " + width);
			outName[c] = e.getValue().ecLabName;
			factor[c] = TraceLayout.factor(e.getValue(), layout.units.get(c));
			taken.add(e.getValue());
			info.put("column." + outName[c], "'" + names[c] + "' in " + layout.units.get(c) + " (as set)");
		}
		for (int c = 0; c < width; c++) {
			if (outName[c] != null) continue;
			outName[c] = names[c].isEmpty() ? "column " + (c + 1) : names[c];
			factor[c] = 1;
			Matcher m = NAME_UNIT.matcher(names[c]);
			String quantity = names[c], unit = "";
			if (m.matches()) {
				quantity = m.group(1);
				for (int g = 2; g <= 5; g++)
					if (m.group(g) != null) unit = m.group(g);
			}
			TraceLayout.Quantity q = KEYWORDS.get(quantity.replace(" ", "").toLowerCase(Locale.ROOT));
			if (q == null || taken.contains(q)) continue;
			try {
				factor[c] = TraceLayout.factor(q, unit.isEmpty() && q == TraceLayout.Quantity.CYCLE ? "" : unit);
			} catch (IllegalArgumentException ex) {
				continue; // a unit that does not fit (e.g. "Q/%"): keep the column as it is
			}
			outName[c] = q.ecLabName;
			taken.add(q);
			info.put("column." + q.ecLabName, "'" + names[c] + "'" + (factor[c] == 1 ? "" : " x " + factor[c]));
		}
		if (!taken.contains(TraceLayout.Quantity.TIME))
			throw ImpedanceFormatException.atLine(fileName, first + 1, "no time column recognised in " + java.util.Arrays.toString(names)
					+ "; name it 'time/s' (or 'Time (h)', ...) or assign it with TraceLayout");
		List<double[]> rows = new ArrayList<>();
		for (int i = first + 1; i < lines.length; i++) {
			if (DelimitedText.isSkippable(lines[i])) continue;
			String[] cells = DelimitedText.split(lines[i], sep);
			if (cells.length < width) throw ImpedanceFormatException.atLine(fileName, i + 1, cells.length + " cells; expected " + width + " as in the header");
			double[] v = new double[width];
			for (int c = 0; c < width; c++) {
				v[c] = DelimitedText.number(cells[c], sep) * factor[c];
				if (Double.isNaN(v[c]) && !outName[c].equals(names[c]) && !cells[c].equalsIgnoreCase("nan"))
					throw ImpedanceFormatException.atLine(fileName, i + 1, "column '" + names[c] + "': '" + cells[c] + "' is not a number");
			}
			rows.add(v);
		}
		LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
		for (int c = 0; c < width; c++) {
			double[] col = new double[rows.size()];
			for (int r = 0; r < col.length; r++)
				col[r] = rows.get(r)[c];
			String n = outName[c];
			for (int k = 2; columns.containsKey(n); k++)
				n = outName[c] + " " + k;
			columns.put(n, col);
		}
		info.put("source", fileName);
		info.put("file_format", "table");
		return new Trace(fileName, columns, info);
	}
}
