package org.tomolyte.io.biologic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads EC-Lab's binary {@code .mpr} files: a magic string, then modules ("VMP Set" settings with the technique,
 * "VMP data" with the column IDs and the fixed-width rows, "VMP LOG" with the start time, software version and
 * device, "VMP loop" with loop start rows, "VMP ExtDev"). The layout was reverse engineered by galvani
 * (echemdata/galvani, BioLogic.py) and yadg (dgbowl/yadg, extractors/eclab/mpr.py); this reader re-derives it
 * from the shared files and checks every declared length against the bytes present before using it.
 */
final class MprReader {
	private MprReader() {}

	static final byte[] MAGIC = magic();
	private static final byte[] MODULE = "MODULE".getBytes(StandardCharsets.US_ASCII);
	/** Module header: short name, long name, (max length), length, version, (unknown), date. */
	private static final int OLD_HEADER = 10 + 25 + 4 + 4 + 8;
	private static final int NEW_HEADER = 10 + 25 + 4 + 4 + 4 + 4 + 8;

	private static byte[] magic() {
		byte[] m = new byte[52];
		byte[] text = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(text, 0, m, 0, text.length);
		for (int i = text.length; i < 48; i++)
			m[i] = ' ';
		return m;
	}

	static boolean hasMagic(byte[] b) {
		if (b.length < MAGIC.length) return false;
		for (int i = 0; i < MAGIC.length; i++)
			if (b[i] != MAGIC[i]) return false;
		return true;
	}

	/**
	 * @param partial read what is complete when the file is cut short (a run still being written, an
	 *        interrupted copy): the last module is shortened to the bytes present and the data to its whole
	 *        rows, each with a warning; other damage still fails
	 */
	static EcLabRaw read(String file, byte[] b, boolean partial) throws EcLabFormatException {
		if (!hasMagic(b))
			throw EcLabFormatException.atByte(file, 0, "not an EC-Lab .mpr file: expected the magic 'BIO-LOGIC MODULAR FILE' in the first "
					+ MAGIC.length + " bytes");
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		EcLabRaw raw = new EcLabRaw();
		List<MprModule> modules = readModules(file, b, bb, partial ? raw.warnings : null);
		raw.info.put("file_format", "mpr");
		MprModule set = null, data = null, log = null, loop = null;
		StringBuilder list = new StringBuilder();
		for (MprModule m : modules) {
			if (list.length() > 0) list.append("; ");
			list.append(m.shortName).append(" (version ").append(m.version).append(", ").append(m.length).append(" bytes at ").append(m.dataAt).append(')');
			switch (m.shortName) {
			case "VMP Set":
				set = unique(file, set, m);
				break;
			case "VMP data":
				data = unique(file, data, m);
				break;
			case "VMP LOG":
				log = unique(file, log, m);
				break;
			case "VMP loop":
				loop = unique(file, loop, m);
				break;
			case "VMP ExtDev":
				raw.warnings.add("external-device module (VMP ExtDev, " + m.length + " bytes at byte " + m.dataAt + ") not decoded");
				break;
			default:
				raw.warnings.add("unknown module '" + m.shortName + "' (" + m.length + " bytes at byte " + m.dataAt + ") skipped");
			}
		}
		if (set == null) throw EcLabFormatException.inFile(file, "no settings module ('VMP Set'): cannot tell the technique");
		if (data == null) throw EcLabFormatException.inFile(file, "no data module ('VMP data'): the file holds no measurements");
		int techniqueId = readTechnique(file, b, set, raw);
		MprDataModule.read(file, b, bb, data, techniqueId, raw, partial);
		String startDate = "";
		if (log != null) startDate = MprLogModule.read(b, bb, log, raw);
		else raw.warnings.add("no log module (VMP LOG): EC-Lab version, device and start time unknown; start date taken from the settings module");
		if (startDate.isEmpty()) startDate = moduleDate(set.date);
		if (!raw.info.containsKey("version")) raw.info.put("version", "");
		if (!raw.info.containsKey("device")) raw.info.put("device", "");
		raw.info.put("start_date", startDate);
		if (loop != null) readLoop(file, bb, loop, raw);
		raw.info.put("modules", list.toString());
		return raw;
	}

	private static MprModule unique(String file, MprModule seen, MprModule m) throws EcLabFormatException {
		if (seen != null)
			throw EcLabFormatException.atByte(file, m.headerAt, "second '" + m.shortName + "' module (the first is at byte " + seen.headerAt
					+ "); expected one");
		return m;
	}

	/** The modules in file order; with {@code truncation} non-null a cut-off last module is kept, shortened, and noted there. */
	private static List<MprModule> readModules(String file, byte[] b, ByteBuffer bb, List<String> truncation) throws EcLabFormatException {
		List<MprModule> out = new ArrayList<>();
		int pos = MAGIC.length;
		while (pos < b.length) {
			if (b.length - pos < MODULE.length + OLD_HEADER && truncation != null && !out.isEmpty()) {
				truncation.add("file ends at byte " + b.length + " inside a module header; the " + (b.length - pos) + " bytes from byte " + pos + " ignored");
				break;
			}
			if (b.length - pos < MODULE.length + OLD_HEADER)
				throw EcLabFormatException.atByte(file, pos, (b.length - pos) + " bytes left, expected a module header of at least "
						+ (MODULE.length + OLD_HEADER) + " bytes (truncated file?)");
			for (int i = 0; i < MODULE.length; i++)
				if (b[pos + i] != MODULE[i])
					throw EcLabFormatException.atByte(file, pos, "expected 'MODULE' (start of the next module), found '" + printable(b, pos, 6) + "'");
			MprModule m = new MprModule();
			m.headerAt = pos;
			int h = pos + MODULE.length;
			m.shortName = ascii(b, h, 10).trim();
			// EC-Lab 11.50+ inserts a 'max length' field of 0xFFFFFFFF (and a fourth word) into the header.
			m.newHeader = bb.getInt(h + 35) == -1;
			int headerLength = m.newHeader ? NEW_HEADER : OLD_HEADER;
			if (b.length - h < headerLength)
				throw EcLabFormatException.atByte(file, h, "module header of '" + m.shortName + "' needs " + headerLength + " bytes, only "
						+ (b.length - h) + " left (truncated file?)");
			long length = Integer.toUnsignedLong(bb.getInt(h + (m.newHeader ? 39 : 35)));
			m.version = Integer.toUnsignedLong(bb.getInt(h + (m.newHeader ? 43 : 39)));
			m.date = ascii(b, h + headerLength - 8, 8);
			m.dataAt = h + headerLength;
			if (length > b.length - m.dataAt && truncation != null) {
				truncation.add("module '" + m.shortName + "' declares " + length + " bytes but the file ends after " + Math.max(0, b.length - m.dataAt)
						+ " (truncated): read as far as it goes");
				length = Math.max(0, b.length - m.dataAt);
				m.truncated = true;
			}
			if (length > b.length - m.dataAt)
				throw EcLabFormatException.atByte(file, h + (m.newHeader ? 39 : 35), "module '" + m.shortName + "' declares " + length
						+ " bytes of data but only " + (b.length - m.dataAt) + " bytes follow (truncated or corrupt file)");
			m.length = (int) length;
			out.add(m);
			pos = m.dataAt + m.length;
		}
		return out;
	}

	private static int readTechnique(String file, byte[] b, MprModule set, EcLabRaw raw) throws EcLabFormatException {
		if (set.length < 1) throw EcLabFormatException.atByte(file, set.dataAt, "empty settings module; expected the technique ID byte");
		int id = b[set.dataAt] & 0xFF;
		EcLabTechniques.Technique t = EcLabTechniques.byId(id);
		if (t == null) {
			raw.warnings.add("unknown technique ID " + id + " in the settings module (byte " + set.dataAt + "); data read, technique not named");
			raw.info.put("technique", "unknown technique (ID " + id + ")");
			raw.info.put("technique_code", "");
		} else {
			raw.info.put("technique", t.name);
			raw.info.put("technique_code", t.code);
		}
		raw.info.put("technique_id", Integer.toString(id));
		return id;
	}

	private static void readLoop(String file, ByteBuffer bb, MprModule m, EcLabRaw raw) {
		if (m.length < 4) {
			raw.warnings.add("loop module of " + m.length + " bytes has no loop count; ignored");
			return;
		}
		long count = Integer.toUnsignedLong(bb.getInt(m.dataAt));
		if (4 + 4 * count > m.length) {
			raw.warnings.add("loop module declares " + count + " loops but holds " + (m.length - 4) / 4 + "; ignored");
			return;
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) sb.append(' ');
			sb.append(Integer.toUnsignedLong(bb.getInt(m.dataAt + 4 + 4 * i)));
		}
		raw.info.put("loop_start_rows", sb.toString());
	}

	/** "MM/dd/yy" (or with '-' or '.') from a module header as an ISO date, or "" if not a date. */
	static String moduleDate(String s) {
		if (s.length() != 8 || !Character.isDigit(s.charAt(0))) return "";
		try {
			int mm = Integer.parseInt(s.substring(0, 2));
			int dd = Integer.parseInt(s.substring(3, 5));
			int yy = Integer.parseInt(s.substring(6, 8));
			return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, mm, dd).toString();
		} catch (RuntimeException e) {
			return "";
		}
	}

	private static String ascii(byte[] b, int at, int n) {
		StringBuilder sb = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			int c = b[at + i] & 0xFF;
			sb.append(c >= 0x20 && c < 0x7F ? (char) c : ' ');
		}
		return sb.toString();
	}

	private static String printable(byte[] b, int at, int n) {
		return ascii(b, at, Math.min(n, b.length - at));
	}

}
