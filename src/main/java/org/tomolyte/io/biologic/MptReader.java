package org.tomolyte.io.biologic;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads EC-Lab's text export ({@code .mpt}): "EC-Lab ASCII FILE", "Nb header lines : N", N-3 header lines
 * (technique name, "key : value" facts, the fixed-width technique parameter block), the tab-separated column
 * names on line N, then one row per point. Handles CRLF or LF, Windows-1252 text and decimal commas; numbers
 * are parsed straight from the bytes (exact for up to 15-16 significant digits, the export's precision).
 */
final class MptReader {
	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
	private static final Pattern HEADER_COUNT = Pattern.compile("Nb header lines\\s*:\\s*(\\d{1,9})\\s*");
	private static final Pattern VERSION = Pattern.compile("(?i)(?:EC|BT)-Lab for windows v(\\S+)");
	private static final Pattern STARTED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,3}))?");
	private static final double[] POW10 = new double[23];

	static {
		POW10[0] = 1;
		for (int i = 1; i < POW10.length; i++)
			POW10[i] = POW10[i - 1] * 10;
	}

	private final String file;
	private final byte[] b;
	private int p;
	private int line;

	private final boolean partial;

	private MptReader(String file, byte[] b, boolean partial) {
		this.file = file;
		this.b = b;
		this.partial = partial;
	}

	static boolean hasMagic(byte[] b) {
		return startsWith(b, "EC-Lab ASCII FILE") || startsWith(b, "BT-Lab ASCII FILE");
	}

	private static boolean startsWith(byte[] b, String s) {
		if (b.length < s.length()) return false;
		for (int i = 0; i < s.length(); i++)
			if (b[i] != s.charAt(i)) return false;
		return true;
	}

	/**
	 * @param partial keep the rows before the first malformed data row (a cut-off last line, a corrupt number)
	 *        instead of failing, and say in a warning where reading stopped; header damage still fails
	 */
	static EcLabRaw read(String file, byte[] b, boolean partial) throws EcLabFormatException {
		return new MptReader(file, b, partial).read();
	}

	/** The next line as text (without CR/LF), or null at the end of the file. */
	private String nextLine() {
		if (p >= b.length) return null;
		int s = p;
		while (p < b.length && b[p] != '\n')
			p++;
		int e = p;
		if (p < b.length) p++;
		if (e > s && b[e - 1] == '\r') e--;
		line++;
		return new String(b, s, e - s, WINDOWS_1252);
	}

	private EcLabRaw read() throws EcLabFormatException {
		String magic = nextLine();
		if (magic == null || !(magic.trim().equals("EC-Lab ASCII FILE") || magic.trim().equals("BT-Lab ASCII FILE")))
			throw EcLabFormatException.atLine(file, 1, "expected 'EC-Lab ASCII FILE', found '" + clip(magic) + "'");
		String countLine = nextLine();
		Matcher mc = countLine == null ? null : HEADER_COUNT.matcher(countLine);
		if (mc == null || !mc.matches()) throw EcLabFormatException.atLine(file, 2, "expected 'Nb header lines : N', found '" + clip(countLine) + "'");
		int headerLines = Integer.parseInt(mc.group(1));
		if (headerLines < 3) throw EcLabFormatException.atLine(file, 2, "declares " + headerLines + " header lines; at least 3 expected");
		List<String> header = new ArrayList<>();
		for (int i = 3; i < headerLines; i++) {
			String l = nextLine();
			if (l == null)
				throw EcLabFormatException.atLine(file, line + 1, "file ends inside the header (line 2 declares " + headerLines + " header lines)");
			header.add(l);
		}
		String namesLine = nextLine();
		if (namesLine == null)
			throw EcLabFormatException.atLine(file, headerLines, "file ends before the column-name line (line " + headerLines + " as declared)");
		EcLabRaw raw = new EcLabRaw();
		raw.info.put("file_format", "mpt");
		parseHeader(header, raw);
		List<String> names = new ArrayList<>(Arrays.asList(namesLine.split("\t", -1)));
		if (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) names.remove(names.size() - 1);
		if (names.isEmpty() || (names.size() == 1 && names.get(0).trim().isEmpty()))
			throw EcLabFormatException.atLine(file, headerLines, "expected tab-separated column names, found an empty line");
		readRows(names, headerLines, raw);
		return raw;
	}

	private void parseHeader(List<String> header, EcLabRaw raw) {
		String technique = "";
		String lastKey = null;
		boolean first = true;
		for (String l : header) {
			if (l.trim().isEmpty()) continue;
			boolean isFirst = first;
			first = false;
			if (l.startsWith("\t") && lastKey != null) {
				String t = l.trim();
				int k = t.indexOf(" : ");
				if (k >= 0) raw.addInfo(lastKey + "/" + t.substring(0, k).trim(), t.substring(k + 3).trim());
				else raw.info.merge(lastKey, t, (a, c) -> a.isEmpty() ? c : a + "; " + c);
				continue;
			}
			int k = l.indexOf(" : ");
			String trimmed = l.trim();
			if (k < 0 && trimmed.endsWith(" :")) k = l.lastIndexOf(" :"); // "Safety Limits :" opens an indented list
			if (k >= 0) {
				String key = l.substring(0, k).trim();
				String value = k + 3 <= l.length() ? l.substring(k + 3).trim() : "";
				lastKey = "header." + key;
				raw.addInfo(lastKey, value);
				if (key.equals("Acquisition started on")) raw.info.put("start_date", isoDate(value));
				else if (key.equals("Device")) raw.info.put("device", value);
				continue;
			}
			if (isFirst) {
				technique = l.trim();
				continue;
			}
			Matcher mv = VERSION.matcher(l);
			if (mv.find() && !raw.info.containsKey("version")) raw.info.put("version", mv.group(1));
			if (l.length() >= 40 && l.length() % 20 == 0) {
				String name = l.substring(0, 20).trim();
				StringBuilder values = new StringBuilder();
				for (int i = 20; i < l.length(); i += 20) {
					if (i > 20) values.append("; ");
					values.append(l.substring(i, i + 20).trim());
				}
				raw.addInfo("param." + name, values.toString());
			} else raw.addInfo("header." + l.trim(), "");
			lastKey = null;
		}
		raw.info.put("technique", technique);
		raw.info.put("technique_code", EcLabTechniques.codeForName(technique));
		raw.info.putIfAbsent("version", "");
		raw.info.putIfAbsent("start_date", "");
		raw.info.putIfAbsent("device", "");
	}

	/** "MM/dd/yyyy HH:mm:ss.SSS" as EC-Lab writes it, in ISO form; the text itself if it does not match. */
	static String isoDate(String s) {
		Matcher m = STARTED.matcher(s.trim());
		if (!m.matches()) return s.trim();
		String ms = m.group(7) == null ? "000" : (m.group(7) + "00").substring(0, 3);
		return String.format(Locale.ROOT, "%s-%02d-%02dT%02d:%s:%s.%s", m.group(3), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(4)), m.group(5), m.group(6), ms);
	}

	private void readRows(List<String> names, int namesLine, EcLabRaw raw) throws EcLabFormatException {
		int dataStart = p;
		int rows = 0;
		int width = -1;
		// First pass: count non-empty lines and the field count of the first one (allocation bounded by file size).
		for (int i = dataStart; i < b.length;) {
			int s = i;
			int tabs = 0;
			while (i < b.length && b[i] != '\n') {
				if (b[i] == '\t') tabs++;
				i++;
			}
			int e = i;
			i++;
			if (e > s && b[e - 1] == '\r') e--;
			if (e == s) continue;
			if (width < 0) width = b[e - 1] == '\t' ? tabs : tabs + 1;
			rows++;
		}
		if (width < 0) width = names.size();
		if (names.size() > width) {
			raw.warnings.add("column names " + names.subList(width, names.size()) + " (line " + namesLine + ") have no values in the data rows; dropped");
			names = names.subList(0, width);
		} else if (names.size() < width)
			throw EcLabFormatException.atLine(file, namesLine + 1, "data rows have " + width + " fields but line " + namesLine + " names only "
					+ names.size() + " columns");
		double[][] cols = new double[width][rows];
		int r = 0;
		int n = b.length;
		while (p < n) {
			line++;
			if (b[p] == '\n') {
				p++;
				continue;
			}
			if (b[p] == '\r' && (p + 1 == n || b[p + 1] == '\n')) {
				p += 2;
				continue;
			}
			try {
				if (r == rows) throw EcLabFormatException.atLine(file, line, "more data rows than counted (corrupt line breaks)");
				for (int c = 0; c < width; c++) {
					cols[c][r] = number(names.get(c));
					if (c + 1 < width) {
						if (p >= n || b[p] != '\t') throw fieldCount(c + 1, width);
						p++;
					}
				}
				if (p < n && b[p] == '\t') p++;
				if (p < n && b[p] == '\r') p++;
				if (p < n) {
					if (b[p] != '\n') throw fieldCount(width + 1, width);
					p++;
				}
			} catch (EcLabFormatException e) {
				if (!partial) throw e;
				raw.warnings.add(e.getMessage() + "; reading stopped there, the " + r + " rows before kept");
				for (int c = 0; c < width; c++)
					cols[c] = Arrays.copyOf(cols[c], r);
				break;
			}
			r++;
		}
		for (int c = 0; c < width; c++)
			raw.addColumn(names.get(c), cols[c]);
	}

	private EcLabFormatException fieldCount(int found, int width) {
		return EcLabFormatException.atLine(file, line, (found > width ? "more than " + width : "only " + found) + " tab-separated fields; expected "
				+ width + " as in the first data row (truncated or corrupt line?)");
	}

	/** Parses one field at {@code p}: digits with '.' or ',' as decimal mark and an optional exponent. */
	private double number(String column) throws EcLabFormatException {
		final byte[] b = this.b;
		final int n = b.length;
		int start = p;
		int i = p;
		boolean negative = false;
		if (i < n && (b[i] == '-' || b[i] == '+')) {
			negative = b[i] == '-';
			i++;
		}
		long mantissa = 0;
		int significant = 0;
		int exp10 = 0;
		boolean digits = false;
		boolean exact = true;
		int c;
		while (i < n && (c = b[i] - '0') >= 0 && c <= 9) {
			digits = true;
			if (significant < 18) {
				mantissa = mantissa * 10 + c;
				if (mantissa != 0) significant++;
			} else {
				exp10++;
				if (c != 0) exact = false;
			}
			i++;
		}
		if (i < n && (b[i] == '.' || b[i] == ',')) {
			i++;
			while (i < n && (c = b[i] - '0') >= 0 && c <= 9) {
				digits = true;
				if (significant < 18) {
					mantissa = mantissa * 10 + c;
					if (mantissa != 0) significant++;
					exp10--;
				} else if (c != 0) exact = false;
				i++;
			}
		}
		if (digits && i < n && (b[i] == 'E' || b[i] == 'e')) {
			i++;
			boolean expNegative = false;
			if (i < n && (b[i] == '-' || b[i] == '+')) {
				expNegative = b[i] == '-';
				i++;
			}
			int e = 0;
			boolean expDigits = false;
			while (i < n && (c = b[i] - '0') >= 0 && c <= 9) {
				if (e < 100000) e = e * 10 + c;
				expDigits = true;
				i++;
			}
			if (!expDigits) digits = false;
			exp10 += expNegative ? -e : e;
		}
		if (digits && (i == n || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
			p = i;
			if (mantissa == 0) return negative ? -0.0 : 0.0;
			if (exact && mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
				double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
				return negative ? -v : v;
			}
		}
		return slowNumber(start, column);
	}

	/** Java's parser for what the fast path declines, plus the spellings EC-Lab uses for non-finite values. */
	private double slowNumber(int start, String column) throws EcLabFormatException {
		int e = start;
		while (e < b.length && b[e] != '\t' && b[e] != '\r' && b[e] != '\n')
			e++;
		String text = new String(b, start, e - start, StandardCharsets.ISO_8859_1).trim();
		p = e;
		String t = text.replace(',', '.');
		try {
			if (!t.isEmpty() && t.length() < 400 && (Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) return Double.parseDouble(t);
		} catch (NumberFormatException ex) {
			// falls through to the non-finite spellings and the error below
		}
		String u = t.toUpperCase(Locale.ROOT);
		if (u.equals("NAN") || u.contains("#IND") || u.contains("#QNAN") || u.contains("#SNAN")) return Double.NaN;
		if (u.equals("INF") || u.equals("+INF") || u.equals("INFINITY") || u.matches("\\+?1\\.#INF0*")) return Double.POSITIVE_INFINITY;
		if (u.equals("-INF") || u.equals("-INFINITY") || u.matches("-1\\.#INF0*")) return Double.NEGATIVE_INFINITY;
		throw EcLabFormatException.atLine(file, line, "column '" + column + "': '" + clip(text) + "' is not a number");
	}

	private static String clip(String s) {
		if (s == null) return "<end of file>";
		return s.length() > 60 ? s.substring(0, 60) + "..." : s;
	}
}
