package org.tomolyte.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.model.Trace;

/**
 * Reads a potentiostat trace from any file the suite accepts: EC-Lab {@code .mpr}/{@code .mpt}, or a
 * CSV/TSV table with a header line whose column names carry units (e.g. {@code time/s,Ewe/V,I/mA}, as
 * written by "Import EC-Lab File" and the synthetic cell). Numeric columns become trace columns; text
 * columns are ignored. The one entry point commands use for {@code input=} traces.
 */
public final class TraceFiles {
	private TraceFiles() {}

	public static Trace read(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
		if (name.endsWith(".mpr") || name.endsWith(".mpt")) return EcLab.read(file).trace();
		if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return readTable(file);
		throw new IOException(file + ": unknown trace format; expected an EC-Lab .mpr or .mpt file, or a .csv/.tsv/.txt table with a header line");
	}

	private static Trace readTable(Path file) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String header = r.readLine();
			if (header == null) throw new IOException(file + ": empty file, expected a header line such as time/s,Ewe/V,I/mA");
			if (header.startsWith("\uFEFF")) header = header.substring(1);
			String sep = header.contains("\t") ? "\t" : header.contains(";") && !header.contains(",") ? ";" : ",";
			String[] cols = header.split(sep, -1);
			List<double[]> rows = new ArrayList<>();
			boolean[] numeric = new boolean[cols.length];
			java.util.Arrays.fill(numeric, true);
			String line;
			int lineNo = 1;
			while ((line = r.readLine()) != null) {
				lineNo++;
				if (line.trim().isEmpty()) continue;
				String[] cells = line.split(sep, -1);
				if (cells.length != cols.length)
					throw new IOException(file + " line " + lineNo + ": " + cells.length + " cells, but the header has " + cols.length + " columns");
				double[] row = new double[cols.length];
				for (int c = 0; c < cols.length; c++) {
					String s = cells[c].trim();
					if (s.isEmpty()) {
						row[c] = Double.NaN;
						continue;
					}
					try {
						row[c] = Double.parseDouble(s);
					} catch (NumberFormatException e) {
						numeric[c] = false;
						row[c] = Double.NaN;
					}
				}
				rows.add(row);
			}
			if (rows.isEmpty()) throw new IOException(file + ": no data rows after the header");
			Map<String, double[]> columns = new LinkedHashMap<>();
			for (int c = 0; c < cols.length; c++) {
				if (!numeric[c]) continue;
				double[] v = new double[rows.size()];
				for (int i = 0; i < v.length; i++)
					v[i] = rows.get(i)[c];
				columns.put(cols[c].trim().replace("\"", ""), v);
			}
			if (!columns.containsKey(Trace.TIME_S))
				throw new IOException(file + ": no '" + Trace.TIME_S + "' column; columns are " + java.util.Arrays.toString(cols));
			Map<String, String> info = new LinkedHashMap<>();
			info.put("file_format", "csv");
			return new Trace(file.getFileName().toString(), columns, info);
		}
	}
}
