package org.tomolyte.tomo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection angles from the user: an even range such as {@code 0-180} (degrees; n angles over [from, to),
 * the usual scan layout) or a text file with one angle per line. A file may list more angles than there are
 * projections when it follows the NXtomo image-key order (darks and flats recorded at the first and last
 * angle, as in Savu's test data): the run of projections is then the strictly monotonic window with the most
 * even step. Lines with two numbers are read as {@code image_key angle} and only key 0 is kept. Values are
 * degrees unless all lie within ±2π (then radians).
 */
public final class AngleList {
	private static final Pattern RANGE = Pattern.compile(
			"\\s*(-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*(?:-|to|:|,|\\.\\.)\\s*(-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*(?:deg|°)?\\s*");

	private AngleList() {}

	/** True if {@code spec} is a range like {@code 0-180} rather than a file path. */
	public static boolean isRange(String spec) {
		return RANGE.matcher(spec).matches();
	}

	/** {@code n} angles (rad) from a range spec or an angle file path. */
	public static double[] parse(String spec, int n) {
		if (spec == null || spec.trim().isEmpty()) throw new TomoException("No angles given: use a range such as 0-180 or an angle file");
		Matcher m = RANGE.matcher(spec);
		if (m.matches()) {
			double a = Double.parseDouble(m.group(1)), b = Double.parseDouble(m.group(2));
			if (a == b) throw new TomoException("Angle range " + spec + " is empty");
			return Sinograms.evenAnglesRad(n, a, b);
		}
		return fromFile(Path.of(spec.trim()), n);
	}

	/** Reads {@code n} projection angles (rad) from a text file. */
	public static double[] fromFile(Path file, int n) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new TomoException("Cannot read angle file " + file + " (" + e.getMessage() + ")", e);
		}
		List<Double> angles = new ArrayList<>();
		int ln = 0;
		for (String line : lines) {
			ln++;
			String t = line.trim();
			if (t.isEmpty() || t.startsWith("#")) continue;
			String[] f = t.split("[\\s,;]+");
			try {
				if (f.length == 1) angles.add(Double.parseDouble(f[0]));
				else if (f.length == 2) {
					if (Math.round(Double.parseDouble(f[0])) == 0) angles.add(Double.parseDouble(f[1]));
				} else throw new NumberFormatException();
			} catch (NumberFormatException e) {
				throw new TomoException(file + " line " + ln + ": expected an angle or 'image_key angle', found '" + t + "'");
			}
		}
		double[] a = angles.stream().mapToDouble(Double::doubleValue).toArray();
		if (a.length < n)
			throw new TomoException(file + " lists " + a.length + " projection angles but there are " + n + " projections");
		if (a.length > n) a = projectionWindow(a, n, file);
		double max = 0;
		for (double v : a)
			max = Math.max(max, Math.abs(v));
		boolean degrees = max > 2 * Math.PI * 1.01;
		for (int i = 0; i < n; i++)
			a[i] = degrees ? Math.toRadians(a[i]) : a[i];
		return a;
	}

	private static double[] projectionWindow(double[] a, int n, Path file) {
		int best = -1;
		double bestSpread = Double.MAX_VALUE;
		for (int k = 0; k + n <= a.length; k++) {
			double sign = Math.signum(a[k + n - 1] - a[k]);
			if (sign == 0) continue;
			double[] d = new double[n - 1];
			boolean mono = true;
			for (int i = 0; i < n - 1 && mono; i++) {
				d[i] = (a[k + i + 1] - a[k + i]) * sign;
				mono = d[i] > 0;
			}
			if (!mono) continue;
			double[] s = d.clone();
			Arrays.sort(s);
			double med = s[s.length / 2];
			double spread = Math.max(Math.abs(s[0] - med), Math.abs(s[s.length - 1] - med)) / med;
			if (spread < bestSpread) {
				bestSpread = spread;
				best = k;
			}
		}
		if (best < 0 || bestSpread > 0.5)
			throw new TomoException(file + " lists " + a.length + " angles for " + n + " projections and no run of " + n
					+ " evenly increasing angles was found; give exactly one angle per projection");
		return Arrays.copyOfRange(a, best, best + n);
	}

	/** Human-readable summary, e.g. "181 angles 0–179.0°". */
	public static String describe(double[] anglesRad) {
		return String.format(Locale.ROOT, "%d angles %.2f–%.2f°", anglesRad.length, Math.toDegrees(anglesRad[0]),
				Math.toDegrees(anglesRad[anglesRad.length - 1]));
	}
}
