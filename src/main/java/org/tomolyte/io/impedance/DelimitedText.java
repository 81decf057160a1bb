package org.tomolyte.io.impedance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Shared text handling of the CSV/TXT table readers: decoding (UTF-8, else Windows-1252), line splitting,
 * separator detection (semicolon, tab, comma, else whitespace) and numbers with either decimal mark.
 */
final class DelimitedText {
	private DelimitedText() {}

	/** The file's name for messages. */
	static String fileName(Path file) {
		return file.getFileName() == null ? file.toString() : file.getFileName().toString();
	}

	/** The file's bytes; tables over 1 GB are refused rather than read into memory. */
	static byte[] readAll(Path file) throws IOException {
		if (Files.size(file) > 1L << 30) throw ImpedanceFormatException.inFile(fileName(file), "larger than 1 GB; not a table this reader handles");
		return Files.readAllBytes(file);
	}

	/** Text of the file, UTF-8 (BOM skipped) or, when that is malformed, Windows-1252. */
	static String decode(byte[] b) {
		int off = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
		} catch (CharacterCodingException e) {
			return new String(b, off, b.length - off, Charset.forName("windows-1252"));
		}
	}

	static String[] lines(String text) {
		return LINE_BREAK.split(text, -1);
	}

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");

	/** Blank lines and comment lines (# or %) carry no data. */
	static boolean isSkippable(String line) {
		String t = line.trim();
		return t.isEmpty() || t.startsWith("#") || t.startsWith("%");
	}

	/** The separator of a line: ';' or tab if present, else ',' if present, else ' ' (runs of whitespace). */
	static char separator(String line) {
		if (line.indexOf(';') >= 0) return ';';
		if (line.indexOf('\t') >= 0) return '\t';
		if (line.indexOf(',') >= 0) return ',';
		return ' ';
	}

	/** The trimmed, unquoted cells of a line; trailing empty cells dropped. */
	static String[] split(String line, char sep) {
		String[] cells = sep == ' ' ? WHITESPACE.split(line.trim()) : line.split(String.valueOf(sep), -1);
		int n = cells.length;
		while (n > 1 && cells[n - 1].trim().isEmpty())
			n--;
		String[] out = new String[n];
		for (int i = 0; i < n; i++) {
			String c = cells[i].trim();
			if (c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"') c = c.substring(1, c.length() - 1);
			out[i] = c;
		}
		return out;
	}

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** A cell as a number (NaN if empty or not numeric); decimal commas accepted unless commas separate cells. */
	static double number(String cell, char sep) {
		String s = cell.trim();
		if (s.isEmpty()) return Double.NaN;
		if (sep != ',') s = s.replace(',', '.');
		char c = s.charAt(0);
		if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'N' || c == 'n' || c == 'I')) return Double.NaN;
		try {
			return Double.parseDouble(s);
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** Whether a line of cells is a header: some non-empty cell is not a number. */
	static boolean isHeader(String[] cells, char sep) {
		for (String c : cells)
			if (!c.isEmpty() && Double.isNaN(number(c, sep)) && !c.equalsIgnoreCase("nan")) return true;
		return false;
	}
}
