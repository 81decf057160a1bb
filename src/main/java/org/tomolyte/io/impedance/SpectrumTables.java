package org.tomolyte.io.impedance;

import java.util.List;

import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;

/**
 * The macro-API table of impedance spectra ({@code spectra.csv}): one row per frequency point with columns
 * {@code spectrum,freq_hz,zre_ohm,zim_ohm,time_s,ewe_v,i_ma}; {@code spectrum} counts from 1 in acquisition
 * order, {@code zim_ohm} is the true imaginary part (negative for capacitive arcs).
 */
public final class SpectrumTables {
	private SpectrumTables() {}

	/** The column names, in order (part of the macro API). */
	public static final List<String> COLUMNS = List.of("spectrum", "freq_hz", "zre_ohm", "zim_ohm", "time_s", "ewe_v", "i_ma");

	/** The spectra as one table, points in measured order. */
	public static Table toTable(SpectrumSeries series) {
		Table t = new Table("spectra", COLUMNS);
		int k = 0;
		for (Spectrum s : series) {
			k++;
			double[] time = s.pointTimeS(), ewe = s.pointEweV(), cur = s.pointCurrentMa();
			for (int i = 0; i < s.size(); i++)
				t.addRow(k, s.freqHz(i), s.zReOhm(i), s.zImOhm(i), time[i], ewe[i], cur[i]);
		}
		return t;
	}
}
