package org.tomolyte.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an ImageJ macro options string, {@code "key=value key2=[value with spaces] flag"}, the way
 * ImageJ 1.x's {@code Macro.getValue} reads it: keys are lower-cased, a value runs to the next space or
 * is enclosed in square brackets, a bare word means {@code true}. Used by {@code ./tomolyte run} and by
 * the ImageJ 1.x bridge, so a macro line and a command line mean the same thing.
 */
public final class MacroOptions {
	private MacroOptions() {}

	/** Parses the options into key → value, in order; later duplicates win. */
	public static Map<String, String> parse(String options) {
		Map<String, String> out = new LinkedHashMap<>();
		if (options == null) return out;
		String s = options.trim();
		int i = 0, n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i)))
				i++;
			if (i >= n) break;
			int keyStart = i;
			while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i)))
				i++;
			String key = s.substring(keyStart, i).toLowerCase(Locale.ROOT);
			if (i >= n || s.charAt(i) != '=') {
				out.put(key, "true");
				continue;
			}
			i++; // '='
			String value;
			if (i < n && s.charAt(i) == '[') {
				int close = s.indexOf(']', i + 1);
				if (close < 0) throw new IllegalArgumentException("Unclosed '[' in the value of '" + key + "' in options: " + options);
				value = s.substring(i + 1, close);
				i = close + 1;
			} else {
				int start = i;
				while (i < n && !Character.isWhitespace(s.charAt(i)))
					i++;
				value = s.substring(start, i);
			}
			out.put(key, value);
		}
		return out;
	}

	/** Formats one key/value pair as ImageJ records it: brackets around values with spaces. */
	public static String format(String key, String value) {
		if (value == null) value = "";
		boolean needsBrackets = value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('=') >= 0;
		return key + "=" + (needsBrackets ? "[" + value + "]" : value);
	}
}
