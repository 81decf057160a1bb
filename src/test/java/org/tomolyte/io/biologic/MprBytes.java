package org.tomolyte.io.biologic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: where the modules of an .mpr byte array are, found by walking the headers independently. */
final class MprBytes {
	private MprBytes() {}

	/** One module: header start, offset of its length field, data start and length. */
	static final class Mod {
		String name;
		int headerAt, lengthFieldAt, dataAt, length;
		boolean newHeader;
	}

	static List<Mod> modules(byte[] b) {
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		List<Mod> out = new ArrayList<>();
		int pos = 52;
		while (pos + 6 + 51 <= b.length) {
			Mod m = new Mod();
			m.headerAt = pos;
			m.name = new String(b, pos + 6, 10, StandardCharsets.US_ASCII).trim();
			m.newHeader = bb.getInt(pos + 6 + 35) == -1;
			m.lengthFieldAt = pos + 6 + (m.newHeader ? 39 : 35);
			m.length = bb.getInt(m.lengthFieldAt);
			m.dataAt = pos + 6 + (m.newHeader ? 59 : 51);
			out.add(m);
			pos = m.dataAt + m.length;
		}
		return out;
	}

	static Mod module(byte[] b, String name) {
		for (Mod m : modules(b))
			if (m.name.equals(name)) return m;
		throw new AssertionError("no module " + name);
	}

	/** Byte offset of the i-th column ID of the data module. */
	static int columnIdAt(byte[] b, int i) {
		Mod m = module(b, "VMP data");
		return m.dataAt + (m.newHeader ? 6 : 5) + 2 * i;
	}

	static void putShort(byte[] b, int at, int v) {
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
	}

	static void putInt(byte[] b, int at, int v) {
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
	}
}
