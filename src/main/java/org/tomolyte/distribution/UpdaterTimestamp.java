package org.tomolyte.distribution;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The updater's timestamps: local date and time {@code yyyyMMddHHmmss} read as a number (e.g.
 * {@code 20261124155000}), in the time zone of the JVM that wrote them, as {@code UpdaterUtil.timestamp} does.
 */
final class UpdaterTimestamp {
	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private UpdaterTimestamp() {}

	static long of(Instant when, ZoneId zone) {
		return Long.parseLong(LocalDateTime.ofInstant(when, zone).format(FORMAT));
	}

	/** The timestamp one second after {@code timestamp}, across minute, day and year boundaries. */
	static long plusOneSecond(long timestamp) {
		try {
			return Long.parseLong(LocalDateTime.parse(Long.toString(timestamp), FORMAT).plusSeconds(1).format(FORMAT));
		} catch (DateTimeParseException e) {
			// an index written by something else; any larger number still orders after it
			return timestamp + 1;
		}
	}
}
