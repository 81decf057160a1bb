package org.tomolyte.io.biologic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomolyte.io.impedance.SpectrumTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;

/**
 * The macro-API tables of "Import EC-Lab File": {@code trace.csv} (one row per point, one column per recorded
 * quantity, EC-Lab's export names), {@code info.csv} ({@code key,value} rows: {@code technique}, {@code version},
 * {@code start_date}, {@code device}, header facts, warnings) and {@code spectra.csv}
 * ({@code spectrum,freq_hz,zre_ohm,zim_ohm,time_s,ewe_v,i_ma}).
 */
public final class EcLabTables {
	private EcLabTables() {}

	/**
	 * All tables of the import, keyed by file name in writing order: {@code trace.csv}, {@code info.csv} and,
	 * when the file holds impedance spectra, {@code spectra.csv}.
	 */
	public static Map<String, Table> all(EcLabData data) {
		Map<String, Table> out = new LinkedHashMap<>();
		out.put("trace.csv", trace(data));
		out.put("info.csv", info(data));
		Table spectra = spectra(data);
		if (spectra != null) out.put("spectra.csv", spectra);
		return out;
	}

	/** trace.csv: the trace's columns in file order. */
	public static Table trace(EcLabData data) {
		Trace t = data.trace();
		List<String> names = t.columnNames();
		Table table = new Table("trace", names);
		double[][] cols = new double[names.size()][];
		for (int c = 0; c < cols.length; c++)
			cols[c] = t.column(names.get(c));
		for (int r = 0; r < t.rowCount(); r++) {
			Object[] row = new Object[cols.length];
			for (int c = 0; c < cols.length; c++)
				row[c] = cols[c][r];
			table.addRow(row);
		}
		return table;
	}

	/** info.csv: key,value rows; the reader's warnings follow as rows with key {@code warning}. */
	public static Table info(EcLabData data) {
		Table table = new Table("info", "key", "value");
		for (Map.Entry<String, String> e : data.info().entrySet())
			table.addRow(e.getKey(), e.getValue());
		for (String w : data.warnings())
			table.addRow("warning", w);
		return table;
	}

	/** spectra.csv, or null when the file holds no impedance spectrum. */
	public static Table spectra(EcLabData data) {
		return data.spectra().map(SpectrumTables::toTable).orElse(null);
	}
}
