package org.tomolyte.io.impedance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;

/**
 * Reads impedance spectra from CSV/TXT tables: the common three-column layout (f, Z', Z'') with or without
 * a header, separated by commas, semicolons, tabs or spaces (decimal commas allowed unless the separator is a
 * comma), in either frequency order and either sign convention of the imaginary part; headed tables such as
 * pyDRTtools' and impedance.py's samples, yadg exports ({@code freq_Hz,Zre_Ohm,Zim_Ohm...}) and Tomolyte's own
 * {@code spectra.csv}. Columns, units and the sign convention can be set with an {@link ImpedanceLayout}.
 */
public final class ImpedanceTables {
	private ImpedanceTables() {}

	private static final String[] FREQ = { "freq*", "frequency*", "f", "f/*", "f(*", "f_*", "f[*" };
	private static final String[] RE = { "zre*", "re(z)*", "z_re*", "zreal*", "z'", "z'/*", "z'(*", "z'_*", "z'[*", "real*", "re", "re/*", "re_*" };
	private static final String[] IM = { "zim*", "-im(z)*", "im(z)*", "z_im*", "zimag*", "-z''*", "z''*", "-z\"*", "z\"*", "imag*", "-im*", "im",
			"im/*", "im_*" };
	private static final String[] SPECTRUM = { "spectrum", "spectrum_*", "cyclenumber*", "cycle" };
	private static final String[] TIME = { "time_s", "time/s", "time*" };
	private static final String[] EWE = { "ewe_v", "<ewe>/v", "ewe_avg*", "ewe/v", "<ewe/v>" };
	private static final String[] CURRENT = { "i_ma", "<i>/ma", "i_avg_ma", "i/ma" };

	/** Reads a table, detecting columns, units and sign convention. */
	public static ImpedanceData read(Path file) throws IOException {
		return read(file, ImpedanceLayout.auto());
	}

	/** Reads a table with the given column, unit and sign choices (unset ones detected). */
	public static ImpedanceData read(Path file, ImpedanceLayout layout) throws IOException {
		return parse(DelimitedText.fileName(file), DelimitedText.readAll(file), layout);
	}

	/** Reads table content already in memory; {@code fileName} is used in messages. */
	public static ImpedanceData parse(String fileName, byte[] content, ImpedanceLayout layout) throws ImpedanceFormatException {
		String[] lines = DelimitedText.lines(DelimitedText.decode(content));
		List<String> notes = new ArrayList<>();
		int first = 0;
		while (first < lines.length && DelimitedText.isSkippable(lines[first]))
			first++;
		if (first == lines.length) throw ImpedanceFormatException.inFile(fileName, "empty file; expected rows of frequency, Z' and Z''");
		char sep = DelimitedText.separator(lines[first]);
		String[] firstCells = DelimitedText.split(lines[first], sep);
		boolean header = DelimitedText.isHeader(firstCells, sep);
		String[] names = header ? firstCells : null;
		int dataFrom = header ? first + 1 : first;

		List<double[]> rows = new ArrayList<>();
		List<Integer> lineOf = new ArrayList<>();
		int width = -1;
		for (int i = dataFrom; i < lines.length; i++) {
			if (DelimitedText.isSkippable(lines[i])) continue;
			String[] cells = DelimitedText.split(lines[i], sep);
			double[] v = new double[cells.length];
			for (int c = 0; c < cells.length; c++)
				v[c] = DelimitedText.number(cells[c], sep);
			rows.add(v);
			lineOf.add(i + 1);
			width = Math.max(width, cells.length);
		}
		if (rows.isEmpty())
			throw ImpedanceFormatException.inFile(fileName, header ? "a header line but no data rows: the spectrum is empty" : "no data rows");
		if (names == null) width = rows.get(0).length;
		else width = names.length;

		int f = layout.freqColumn, re = layout.reColumn, im = layout.imColumn, spec = layout.spectrumColumn;
		int time = -1, ewe = -1, cur = -1;
		if (f < 0) {
			if (names != null) {
				f = find(names, FREQ);
				re = find(names, RE);
				im = find(names, IM);
				if (f < 0 || re < 0 || im < 0)
					throw ImpedanceFormatException.atLine(fileName, first + 1, "header " + Arrays.toString(names) + " has no recognisable "
							+ (f < 0 ? "frequency" : re < 0 ? "real-part" : "imaginary-part") + " column; set the columns explicitly");
			} else if (width >= 4 && looksLikeIndex(rows)) {
				f = 1;
				re = 2;
				im = 3;
				notes.add("first column looks like a row index (0, 1, 2...); frequency, Z', Z'' taken from columns 2-4");
			} else {
				f = 0;
				re = 1;
				im = 2;
			}
		}
		if (names != null) {
			if (spec < 0) spec = find(names, SPECTRUM);
			time = find(names, TIME);
			ewe = find(names, EWE);
			cur = find(names, CURRENT);
		}
		int need = Math.max(Math.max(f, re), Math.max(im, spec)) + 1;
		if (width < need)
			throw ImpedanceFormatException.atLine(fileName, lineOf.get(0), width + " columns; expected at least " + need + " (frequency, Z', Z'')");
		int n = rows.size();
		double[] fr = new double[n], zr = new double[n], zi = new double[n];
		double[] sp = spec >= 0 ? new double[n] : null;
		for (int r = 0; r < n; r++) {
			double[] v = rows.get(r);
			if (v.length < need)
				throw ImpedanceFormatException.atLine(fileName, lineOf.get(r), v.length + " cells; expected at least " + need);
			fr[r] = v[f];
			zr[r] = v[re];
			zi[r] = v[im];
			if (Double.isNaN(fr[r]) || Double.isNaN(zr[r]) || Double.isNaN(zi[r]))
				throw ImpedanceFormatException.atLine(fileName, lineOf.get(r), "frequency, Z' or Z'' is not a number");
			if (sp != null) sp[r] = v[spec];
		}
		ImpedanceLayout.FrequencyUnit fu = layout.frequencyUnit != null ? layout.frequencyUnit
				: names != null ? frequencyUnit(names[f]) : ImpedanceLayout.FrequencyUnit.HZ;
		ImpedanceLayout.ImpedanceUnit zu = layout.impedanceUnit != null ? layout.impedanceUnit
				: names != null ? impedanceUnit(names[re]) : ImpedanceLayout.ImpedanceUnit.OHM;
		if (fu != ImpedanceLayout.FrequencyUnit.HZ || zu != ImpedanceLayout.ImpedanceUnit.OHM)
			notes.add("units: frequency in " + fu + ", impedance in " + zu + "; converted to Hz and Ohm");
		for (int r = 0; r < n; r++) {
			fr[r] *= fu.toHz;
			zr[r] *= zu.toOhm;
			zi[r] *= zu.toOhm;
		}
		String imName = names != null ? "'" + names[im] + "'" : "column " + (im + 1);
		boolean flip = flipImaginary(layout.imaginary, names == null ? null : names[im], fr, zi, imName, notes);
		if (flip)
			for (int r = 0; r < n; r++)
				zi[r] = -zi[r];

		List<int[]> parts = SpectrumSplitter.split(fr, zr, zi, sp);
		if (parts.isEmpty())
			throw ImpedanceFormatException.inFile(fileName, n + " rows but no complete frequency point (f > 0 with finite, non-zero Z): the spectrum is empty");
		List<Spectrum> spectra = new ArrayList<>();
		for (int[] idx : parts)
			spectra.add(new Spectrum(pick(fr, idx), pick(zr, idx), pick(zi, idx), column(rows, time, idx), column(rows, ewe, idx),
					column(rows, cur, idx)));
		if (spectra.size() > 1)
			notes.add(spectra.size() + " spectra, split " + (sp != null ? "by column '" + names[spec] + "'" : "where the frequency sweep restarts"));
		return new ImpedanceData(new SpectrumSeries(fileName, spectra), notes);
	}

	/** Whether the imaginary column must be negated to give the true Im(Z); adds a note saying why. */
	private static boolean flipImaginary(ImpedanceLayout.Imaginary conv, String name, double[] f, double[] zi, String imName, List<String> notes) {
		if (conv == ImpedanceLayout.Imaginary.TRUE_IMAGINARY) return false;
		if (conv == ImpedanceLayout.Imaginary.MINUS_IMAGINARY) {
			notes.add(imName + " read as -Im(Z) (as set); negated to the true imaginary part");
			return true;
		}
		if (name != null) {
			String n = normalise(name);
			if (n.equals("zim_ohm") || n.contains("=-(-im(z))")) return false;
			if (n.startsWith("-")) {
				notes.add(imName + " is -Im(Z) by its name; negated to the true imaginary part");
				return true;
			}
		}
		int pos = 0, neg = 0;
		for (int i = 0; i < zi.length; i++)
			if (f[i] > 0) {
				if (zi[i] > 0) pos++;
				else if (zi[i] < 0) neg++;
			}
		if (pos > neg) {
			notes.add(imName + " assumed to be -Im(Z) (" + pos + " of " + (pos + neg)
					+ " values positive; capacitive arcs have a negative Im(Z)); negated to the true imaginary part");
			return true;
		}
		notes.add(imName + " assumed to be the true Im(Z) (" + neg + " of " + (pos + neg) + " values negative, as for capacitive arcs)");
		return false;
	}

	private static ImpedanceLayout.FrequencyUnit frequencyUnit(String name) {
		String n = name.replace(" ", "");
		if (n.contains("rad/s")) return ImpedanceLayout.FrequencyUnit.RAD_PER_S;
		if (n.contains("kHz") || n.contains("KHz") || n.contains("khz")) return ImpedanceLayout.FrequencyUnit.KHZ;
		if (n.contains("MHz")) return ImpedanceLayout.FrequencyUnit.MHZ;
		if (n.contains("mHz")) return ImpedanceLayout.FrequencyUnit.MILLIHZ;
		return ImpedanceLayout.FrequencyUnit.HZ;
	}

	private static ImpedanceLayout.ImpedanceUnit impedanceUnit(String name) {
		String n = name.replace(" ", "");
		if (n.contains("kOhm") || n.contains("k\u03a9") || n.contains("kohm")) return ImpedanceLayout.ImpedanceUnit.KILOOHM;
		if (n.contains("MOhm") || n.contains("M\u03a9")) return ImpedanceLayout.ImpedanceUnit.MEGAOHM;
		if (n.contains("mOhm") || n.contains("m\u03a9") || n.contains("mohm")) return ImpedanceLayout.ImpedanceUnit.MILLIOHM;
		return ImpedanceLayout.ImpedanceUnit.OHM;
	}

	private static String normalise(String s) {
		return s.trim().replace("\"", "").replace(" ", "").toLowerCase(Locale.ROOT);
	}

	/** The first column whose name matches the earliest pattern (exact, or prefix for patterns ending in *). */
	static int find(String[] names, String[] patterns) {
		for (String p : patterns) {
			boolean prefix = p.endsWith("*");
			String q = prefix ? p.substring(0, p.length() - 1) : p;
			for (int c = 0; c < names.length; c++) {
				String n = normalise(names[c]);
				if (prefix ? n.startsWith(q) : n.equals(q)) return c;
			}
		}
		return -1;
	}

	private static boolean looksLikeIndex(List<double[]> rows) {
		for (int r = 0; r < rows.size(); r++)
			if (rows.get(r)[0] != r && rows.get(r)[0] != r + 1) return false;
		return true;
	}

	private static double[] column(List<double[]> rows, int c, int[] idx) {
		if (c < 0) return null;
		double[] out = new double[idx.length];
		for (int i = 0; i < idx.length; i++) {
			double[] v = rows.get(idx[i]);
			out[i] = c < v.length ? v[c] : Double.NaN;
		}
		return out;
	}

	private static double[] pick(double[] v, int[] idx) {
		double[] out = new double[idx.length];
		for (int i = 0; i < idx.length; i++)
			out[i] = v[idx[i]];
		return out;
	}
}
