package org.tomolyte.io.biologic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

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

	/** One module as found in the file: where its data lie and what its header says. */
	private static final class Module {
		String shortName;
		boolean newHeader;
		long version;
		int headerAt;
		int dataAt;
		int length;
		String date;
		/** The file ended before the declared length (kept only when reading partially). */
		boolean truncated;
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
		List<Module> modules = readModules(file, b, bb, partial ? raw.warnings : null);
		raw.info.put("file_format", "mpr");
		Module set = null, data = null, log = null, loop = null;
		StringBuilder list = new StringBuilder();
		for (Module m : modules) {
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
		readData(file, b, bb, data, techniqueId, raw, partial);
		String startDate = "";
		if (log != null) startDate = readLog(file, b, bb, log, raw);
		else raw.warnings.add("no log module (VMP LOG): EC-Lab version, device and start time unknown; start date taken from the settings module");
		if (startDate.isEmpty()) startDate = moduleDate(set.date);
		if (!raw.info.containsKey("version")) raw.info.put("version", "");
		if (!raw.info.containsKey("device")) raw.info.put("device", "");
		raw.info.put("start_date", startDate);
		if (loop != null) readLoop(file, bb, loop, raw);
		raw.info.put("modules", list.toString());
		return raw;
	}

	private static Module unique(String file, Module seen, Module m) throws EcLabFormatException {
		if (seen != null)
			throw EcLabFormatException.atByte(file, m.headerAt, "second '" + m.shortName + "' module (the first is at byte " + seen.headerAt
					+ "); expected one");
		return m;
	}

	/** The modules in file order; with {@code truncation} non-null a cut-off last module is kept, shortened, and noted there. */
	private static List<Module> readModules(String file, byte[] b, ByteBuffer bb, List<String> truncation) throws EcLabFormatException {
		List<Module> out = new ArrayList<>();
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
			Module m = new Module();
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

	private static int readTechnique(String file, byte[] b, Module set, EcLabRaw raw) throws EcLabFormatException {
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

	/** Column-ID list and row layout of one data module version. */
	private static final class Layout {
		final int columnCount;
		final int idAt;
		final int idBytes;
		final int rowsAt;

		Layout(int columnCount, int idAt, int idBytes, int rowsAt) {
			this.columnCount = columnCount;
			this.idAt = idAt;
			this.idBytes = idBytes;
			this.rowsAt = rowsAt;
		}
	}

	private static Layout layout(String file, byte[] b, ByteBuffer bb, Module m) throws EcLabFormatException {
		int d = m.dataAt;
		if (m.length < 6) throw EcLabFormatException.atByte(file, d, "data module of " + m.length + " bytes; expected at least a row count and column list");
		if (m.version == 3) return new Layout(b[d + 4] & 0xFF, 5, 2, 406);
		if (m.version == 2) return new Layout(b[d + 4] & 0xFF, 5, 2, 405);
		if (m.version == 0) {
			// 11.50+: 16-bit column count, IDs from byte 6, rows from byte 1007. Older: 8-bit IDs, rows from byte 100.
			if (b[d + 5] == 0) return new Layout(bb.getShort(d + 4) & 0xFFFF, 6, 2, 1007);
			return new Layout(b[d + 4] & 0xFF, 5, 1, 100);
		}
		throw EcLabFormatException.atByte(file, m.headerAt, "data module version " + m.version + " is not supported (known: 0, 2, 3)");
	}

	/** One entry of a row, in export order: a data column, or the packed flags byte (column == null). */
	private static final class Slot {
		final int id;
		final MprColumns.Column column;
		/** Bytes of known width before this entry in the row. */
		final int knownBefore;
		/** Whether the (single) unknown column precedes this entry. */
		final boolean afterUnknown;

		Slot(int id, MprColumns.Column column, int knownBefore, boolean afterUnknown) {
			this.id = id;
			this.column = column;
			this.knownBefore = knownBefore;
			this.afterUnknown = afterUnknown;
		}
	}

	private static void readData(String file, byte[] b, ByteBuffer bb, Module m, int techniqueId, EcLabRaw raw, boolean partial)
			throws EcLabFormatException {
		Layout lay = layout(file, b, bb, m);
		int d = m.dataAt;
		long rows = Integer.toUnsignedLong(bb.getInt(d));
		if (lay.columnCount == 0) throw EcLabFormatException.atByte(file, d + 4, "data module lists no columns");
		if (lay.idAt + (long) lay.columnCount * lay.idBytes > lay.rowsAt || lay.rowsAt > m.length)
			throw EcLabFormatException.atByte(file, d + 4, "data module (version " + m.version + ", " + m.length + " bytes) cannot hold "
					+ lay.columnCount + " column IDs and rows from byte " + lay.rowsAt + " of the module (corrupt column count or truncated module)");
		int[] ids = new int[lay.columnCount];
		for (int i = 0; i < ids.length; i++)
			ids[i] = lay.idBytes == 2 ? bb.getShort(d + lay.idAt + 2 * i) & 0xFFFF : b[d + lay.idAt + i] & 0xFF;
		raw.info.put("data_module_version", Long.toString(m.version));
		raw.info.put("column_ids", joinIds(ids));

		List<Slot> slots = new ArrayList<>();
		List<MprColumns.Flag> flags = new ArrayList<>();
		List<Integer> unknown = new ArrayList<>();
		int width = 0;
		for (int id : ids) {
			MprColumns.Flag f = MprColumns.flag(id);
			if (f != null) {
				if (flags.isEmpty()) {
					slots.add(new Slot(id, null, width, !unknown.isEmpty()));
					width += 1;
				}
				if (!flags.contains(f)) flags.add(f);
				continue;
			}
			MprColumns.Column c = MprColumns.column(id);
			if (c == null) {
				unknown.add(id);
				continue;
			}
			slots.add(new Slot(id, c, width, !unknown.isEmpty()));
			width += c.type.bytes;
		}
		long payload = m.length - lay.rowsAt;
		long rowsAtFile = (long) d + lay.rowsAt;
		int unknownWidth = 0;
		if (!unknown.isEmpty()) {
			if (unknown.size() > 1)
				throw EcLabFormatException.atByte(file, d + lay.idAt, "unknown column IDs " + unknown + " (size unknown): cannot lay out the "
						+ rows + " rows");
			if (rows > 0) {
				if (payload % rows != 0 || payload / rows <= width)
					throw EcLabFormatException.atByte(file, d + lay.idAt, "unknown column ID " + unknown.get(0) + " (size unknown): " + payload
							+ " bytes of rows do not divide into " + rows + " rows of " + width + " known bytes plus the unknown column");
				long w = payload / rows - width;
				if (w != 1 && w != 2 && w != 4 && w != 8)
					throw EcLabFormatException.atByte(file, d + lay.idAt, "unknown column ID " + unknown.get(0) + " would be " + w
							+ " bytes wide; expected 1, 2, 4 or 8 (corrupt file or more than one unknown quantity)");
				unknownWidth = (int) w;
			}
			raw.warnings.add("unknown column ID " + unknown.get(0) + " (" + unknownWidth + " bytes per row, inferred from the module length) skipped");
		}
		int rowWidth = width + unknownWidth;
		if (partial && m.truncated && unknown.isEmpty() && rowWidth > 0 && payload < rows * rowWidth) {
			raw.warnings.add("data module declares " + rows + " rows but holds " + payload / rowWidth + " complete rows (truncated): those read");
			rows = payload / rowWidth;
			payload = rows * rowWidth;
		}
		if (rows * rowWidth != payload) {
			List<Integer> unverified = new ArrayList<>();
			for (int id : ids)
				if (!MprColumns.VERIFIED.contains(id)) unverified.add(id);
			throw EcLabFormatException.atByte(file, rowsAtFile, "data module declares " + rows + " rows of " + rowWidth + " bytes ("
					+ rows * rowWidth + " bytes) but holds " + payload + " bytes of rows" + (payload < rows * rowWidth ? " (truncated file?)" : "")
					+ (unverified.isEmpty() ? "" : "; the widths of column IDs " + unverified + " are not confirmed on real files"));
		}
		int n = (int) rows;
		int base = (int) rowsAtFile;
		for (Slot s : slots) {
			int at = base + s.knownBefore + (s.afterUnknown ? unknownWidth : 0);
			if (s.column == null) {
				for (MprColumns.Flag f : flags) {
					double[] v = new double[n];
					int p = at;
					for (int r = 0; r < n; r++, p += rowWidth)
						v[r] = f.value(b[p] & 0xFF);
					raw.addColumn(f.name, v);
				}
			} else raw.addColumn(exportName(s, m.newHeader, techniqueId, ids), decode(bb, at, rowWidth, n, s.column.type));
		}
	}

	/**
	 * The name EC-Lab's export gives a column. A few depend on the software version or technique, as the
	 * shared pairs show: ID 174 is "<Ewe/V>" from 11.50 on (new module header); ID 70 is "Pwe/W" in 11.50+
	 * impedance files; the energies become "Energy we ..." in 11.50+ files that also record Ece.
	 */
	private static String exportName(Slot s, boolean v1150, int techniqueId, int[] ids) {
		switch (s.id) {
		case 174:
			return v1150 ? "<Ewe/V>" : s.column.name;
		case 70:
			return v1150 && EcLabTechniques.isImpedance(techniqueId) ? "Pwe/W" : s.column.name;
		case 123:
			return v1150 && contains(ids, 9) ? "Energy we charge/W.h" : s.column.name;
		case 124:
			return v1150 && contains(ids, 9) ? "Energy we discharge/W.h" : s.column.name;
		default:
			return s.column.name;
		}
	}

	private static boolean contains(int[] a, int v) {
		for (int x : a)
			if (x == v) return true;
		return false;
	}

	private static double[] decode(ByteBuffer bb, int start, int step, int n, MprValueType t) {
		double[] v = new double[n];
		int p = start;
		switch (t) {
		case FLOAT64:
			for (int r = 0; r < n; r++, p += step)
				v[r] = bb.getDouble(p);
			break;
		case FLOAT32:
			for (int r = 0; r < n; r++, p += step)
				v[r] = bb.getFloat(p);
			break;
		case UINT32:
			for (int r = 0; r < n; r++, p += step)
				v[r] = Integer.toUnsignedLong(bb.getInt(p));
			break;
		case UINT16:
			for (int r = 0; r < n; r++, p += step)
				v[r] = bb.getShort(p) & 0xFFFF;
			break;
		case UINT8:
			for (int r = 0; r < n; r++, p += step)
				v[r] = bb.get(p) & 0xFF;
			break;
		default:
			throw new AssertionError(t);
		}
		return v;
	}

	/** Log module offsets (yadg's table, confirmed on the shared files against the .mpt headers). */
	private static final int LOG_OLE_TIME = 0x249;
	private static final int LOG_VERSION = 0x3B7;
	private static final int LOG_DEVICE_CODE = 0x3CE;
	private static final int LOG_DEVICE_SN = 0x3CF;

	private static String readLog(String file, byte[] b, ByteBuffer bb, Module m, EcLabRaw raw) {
		int d = m.dataAt;
		String start = "";
		if (m.length >= LOG_OLE_TIME + 8) {
			double days = bb.getDouble(d + LOG_OLE_TIME);
			// OLE automation date: days since 1899-12-30, local time of the instrument PC.
			if (days > 32874 && days < 73051) {
				long ms = Math.round(days * 86_400_000d);
				LocalDateTime t = LocalDateTime.of(1899, 12, 30, 0, 0).plusNanos((ms % 86_400_000L) * 1_000_000L).plusDays(ms / 86_400_000L);
				start = t.format(ISO_MILLIS);
			} else raw.warnings.add("log module start time at byte " + (d + LOG_OLE_TIME) + " is not a date between 1990 and 2100 (" + days + ")");
		}
		String version = pascal(b, d, m.length, LOG_VERSION);
		if (version != null) raw.info.put("version", version);
		String sn = pascal(b, d, m.length, LOG_DEVICE_SN);
		if (sn != null && m.length > LOG_DEVICE_CODE)
			raw.info.put("device", EcLabDevices.name(b[d + LOG_DEVICE_CODE] & 0xFF) + " (SN " + sn + ")");
		if (version == null || sn == null) raw.warnings.add("log module of " + m.length + " bytes: version or device string not found at the usual offsets");
		return start;
	}

	private static void readLoop(String file, ByteBuffer bb, Module m, EcLabRaw raw) {
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

	/** A length-prefixed (Pascal) ASCII string inside a module, or null if absent, out of bounds or not text. */
	private static String pascal(byte[] b, int moduleAt, int moduleLength, int offset) {
		if (offset >= moduleLength) return null;
		int n = b[moduleAt + offset] & 0xFF;
		if (n == 0 || offset + 1 + n > moduleLength) return null;
		for (int i = 0; i < n; i++) {
			int c = b[moduleAt + offset + 1 + i] & 0xFF;
			if (c < 0x20 || c == 0x7F) return null;
		}
		return new String(b, moduleAt + offset + 1, n, StandardCharsets.ISO_8859_1).trim();
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

	private static String joinIds(int[] ids) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < ids.length; i++) {
			if (i > 0) sb.append(' ');
			sb.append(ids[i]);
		}
		return sb.toString();
	}
}
