package org.tomolyte.io.biologic;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the "VMP data" module of an {@code .mpr} file: row count, column-ID list (8-bit IDs from byte 5 in
 * old files, 16-bit from byte 5 in versions 2/3, 16-bit from byte 6 after a 16-bit count in 11.50+ files) and
 * the fixed-width little-endian rows (from byte 100, 405, 406 or 1007 of the module). Layouts as found by
 * galvani and yadg; the row width summed from the column table must match the module length exactly.
 */
final class MprDataModule {
	private MprDataModule() {}

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

	private static Layout layout(String file, byte[] b, ByteBuffer bb, MprModule m) throws EcLabFormatException {
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

	static void read(String file, byte[] b, ByteBuffer bb, MprModule m, int techniqueId, EcLabRaw raw, boolean partial)
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

	private static String joinIds(int[] ids) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < ids.length; i++) {
			if (i > 0) sb.append(' ');
			sb.append(ids[i]);
		}
		return sb.toString();
	}
}
