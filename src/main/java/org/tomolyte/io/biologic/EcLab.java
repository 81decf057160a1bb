package org.tomolyte.io.biologic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.tomolyte.io.impedance.SpectrumSplitter;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Trace;

/**
 * Entry point for BioLogic EC-Lab files: {@link #read(Path)} takes a binary {@code .mpr} or a text {@code .mpt}
 * (recognised by content, then by extension) and returns the trace, the file facts and, for impedance
 * records (PEIS, GEIS, impedance steps in Modulo Bat), the spectra split by cycle, sequence or frequency sweep.
 */
public final class EcLab {
	private EcLab() {}

	/**
	 * Info keys always present, in this order: file name, "mpr" or "mpt", the technique's export name and
	 * short code, the EC-Lab version ("11.50"), the start of the acquisition (ISO local time
	 * "2021-03-03T20:40:41.000", or a date alone when the binary file has no log module), the device
	 * ("SP-300 (SN 1854)") and the number of rows. Empty when the file does not say.
	 */
	public static final List<String> INFO_KEYS = List.of("source", "file_format", "technique", "technique_code", "version", "start_date", "device",
			"rows");

	static final String FREQ = "freq/Hz";
	static final String RE_Z = "Re(Z)/Ohm";
	static final String MINUS_IM_Z = "-Im(Z)/Ohm";
	static final String ABS_Z = "|Z|/Ohm";
	static final String PHASE_Z = "Phase(Z)/deg";

	/**
	 * Reads an EC-Lab file.
	 *
	 * @throws EcLabFormatException if the file is not an EC-Lab file or is truncated or corrupt (the message
	 *         names the file, byte offset or line, and what was expected)
	 * @throws IOException if the file cannot be read at all
	 */
	public static EcLabData read(Path file) throws IOException {
		return parse(fileName(file), readAll(file), false);
	}

	private static String fileName(Path file) {
		return file.getFileName() == null ? file.toString() : file.getFileName().toString();
	}

	private static byte[] readAll(Path file) throws IOException {
		long size = Files.size(file);
		if (size > Integer.MAX_VALUE - 16)
			throw EcLabFormatException.inFile(fileName(file), size + " bytes: larger than any EC-Lab file this reader handles (2 GB)");
		return Files.readAllBytes(file);
	}

	/**
	 * Reads EC-Lab content already in memory; {@code fileName} is used for messages and to choose the format
	 * when the content has neither magic string.
	 */
	public static EcLabData parse(String fileName, byte[] content) throws EcLabFormatException {
		return parse(fileName, content, false);
	}

	/**
	 * Reads what is complete in a file that was cut short (a run still being recorded, an interrupted
	 * copy): whole rows up to the damage, with a warning saying what was dropped. Use only when the user asks
	 * for partial results; {@link #read} refuses such files.
	 */
	public static EcLabData readPartial(Path file) throws IOException {
		return parse(fileName(file), readAll(file), true);
	}

	/** {@link #readPartial} for content already in memory. */
	public static EcLabData parsePartial(String fileName, byte[] content) throws EcLabFormatException {
		return parse(fileName, content, true);
	}

	private static EcLabData parse(String fileName, byte[] content, boolean partial) throws EcLabFormatException {
		EcLabRaw raw;
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (MprReader.hasMagic(content)) raw = MprReader.read(fileName, content, partial);
		else if (MptReader.hasMagic(content)) raw = MptReader.read(fileName, content, partial);
		else if (lower.endsWith(".mpr")) raw = MprReader.read(fileName, content, partial);
		else if (lower.endsWith(".mpt")) raw = MptReader.read(fileName, content, partial);
		else
			throw EcLabFormatException.atByte(fileName, 0, "not an EC-Lab file: expected 'BIO-LOGIC MODULAR FILE' (.mpr) or 'EC-Lab ASCII FILE' (.mpt) at the start");
		int rows = raw.columns.isEmpty() ? 0 : raw.columns.values().iterator().next().length;
		raw.info.put("source", fileName);
		raw.info.put("rows", Integer.toString(rows));
		// The facts every caller looks for first, present (possibly empty) for both formats.
		LinkedHashMap<String, String> info = new LinkedHashMap<>();
		for (String key : INFO_KEYS)
			info.put(key, raw.info.getOrDefault(key, ""));
		raw.info.forEach(info::putIfAbsent);
		Trace trace = new Trace(fileName, raw.columns, info);
		SpectrumSeries spectra = spectra(trace);
		return new EcLabData(trace, spectra, new ArrayList<>(raw.warnings));
	}

	/**
	 * The impedance spectra of a trace, or null if it has no frequency column or no complete frequency
	 * point. Uses Re(Z) and −Im(Z) when recorded, else |Z| and Phase(Z) (Modulo Bat records only those).
	 */
	static SpectrumSeries spectra(Trace t) {
		double[] f = t.firstOf(FREQ);
		if (f == null) return null;
		double[] re = t.firstOf(RE_Z), im;
		if (re != null && t.has(MINUS_IM_Z)) {
			double[] minusIm = t.column(MINUS_IM_Z);
			im = new double[minusIm.length];
			for (int i = 0; i < im.length; i++)
				im[i] = -minusIm[i];
		} else if (t.has(ABS_Z) && t.has(PHASE_Z)) {
			double[] mod = t.column(ABS_Z), phase = t.column(PHASE_Z);
			re = new double[mod.length];
			im = new double[mod.length];
			for (int i = 0; i < mod.length; i++) {
				double ph = Math.toRadians(phase[i]);
				re[i] = mod[i] * Math.cos(ph);
				im[i] = mod[i] * Math.sin(ph);
			}
		} else return null;
		List<int[]> parts = SpectrumSplitter.split(f, re, im, t.firstOf(Trace.CYCLE), t.firstOf("Ns"));
		if (parts.isEmpty()) return null;
		double[] time = t.firstOf(Trace.TIME_S);
		double[] ewe = t.firstOf("<Ewe>/V", Trace.EWE_V, "<Ewe/V>");
		double[] cur = t.firstOf("<I>/mA", Trace.CURRENT_MA);
		List<Spectrum> out = new ArrayList<>(parts.size());
		for (int[] rows : parts)
			out.add(new Spectrum(pick(f, rows), pick(re, rows), pick(im, rows), pick(time, rows), pick(ewe, rows), pick(cur, rows)));
		return new SpectrumSeries(t.source(), out);
	}

	private static double[] pick(double[] v, int[] rows) {
		if (v == null) return null;
		double[] out = new double[rows.length];
		for (int i = 0; i < rows.length; i++)
			out[i] = v[rows[i]];
		return out;
	}
}
