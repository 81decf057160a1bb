package org.tomolyte.io.biologic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the "VMP LOG" module of an {@code .mpr} file: the acquisition start as an OLE automation date, the
 * EC-Lab version and the device model and serial number (offsets as in yadg's eclab extractor, confirmed
 * against the {@code .mpt} headers of the shared pairs).
 */
final class MprLogModule {
	private MprLogModule() {}

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	/** Offsets in the module (yadg's table, confirmed on the shared files against the .mpt headers). */
	private static final int LOG_OLE_TIME = 0x249;
	private static final int LOG_VERSION = 0x3B7;
	private static final int LOG_DEVICE_CODE = 0x3CE;
	private static final int LOG_DEVICE_SN = 0x3CF;

	static String read(byte[] b, ByteBuffer bb, MprModule m, EcLabRaw raw) {
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
		// Only text shaped like a version ("11.50") or a serial number is trusted at these fixed offsets.
		if (version != null && !version.matches("\\d{1,3}\\.\\d{1,3}[a-zA-Z0-9.]{0,8}")) version = null;
		if (version != null) raw.info.put("version", version);
		String sn = pascal(b, d, m.length, LOG_DEVICE_SN);
		if (sn != null && !sn.matches("[A-Za-z0-9-]{1,16}")) sn = null;
		if (sn != null && m.length > LOG_DEVICE_CODE)
			raw.info.put("device", EcLabDevices.name(b[d + LOG_DEVICE_CODE] & 0xFF) + " (SN " + sn + ")");
		if (version == null || sn == null) raw.warnings.add("log module of " + m.length + " bytes: version or device string not found at the usual offsets");
		return start;
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
}
