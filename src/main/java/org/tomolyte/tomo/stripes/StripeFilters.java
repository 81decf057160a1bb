package org.tomolyte.tomo.stripes;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Façade and factory of the stripe filters of Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396 (2018), by name and
 * parameter map, so that a command can take {@code rings=[sorting]} or {@code rings=[all snr=2.5 la_size=61]}.
 * <p>
 * Names and keys (defaults in brackets; keys as in sarepy/algotom):
 * <ul>
 * <li>{@code none}: returns a copy</li>
 * <li>{@code sorting}: size [21], dim [1]</li>
 * <li>{@code filtering}: sigma [3], size [21], dim [1], sort [true]</li>
 * <li>{@code fitting}: order [2], sigma [10], sigma_y [0 = automatic], sort [false], model [additive]</li>
 * <li>{@code large}: snr [3], size [51], drop_ratio [0.1], norm [true], model [additive]</li>
 * <li>{@code dead}: snr [3], size [51], residual [true], smooth_strength [10], model [additive]</li>
 * <li>{@code all}: snr [3], la_size [51], sm_size [21], drop_ratio [0.1], dim [1], model [additive]</li>
 * </ul>
 * {@code model=multiplicative} selects the published ratio corrections for intensity (not −log) sinograms.
 */
public final class StripeFilters {
	private StripeFilters() {}

	/** The method names accepted by {@link #create(String, Map)}. */
	public static final List<String> NAMES = List.of("none", "sorting", "filtering", "fitting", "large", "dead", "all");

	/** The default filter: sorting-based removal with its published settings (safe on clean sinograms). */
	public static StripeFilter defaultFilter() {
		return new SortingFilter();
	}

	/**
	 * A filter by method name with parameters (unknown keys are an error; missing keys take the defaults).
	 *
	 * @throws StripeException naming the method, the key and the accepted values
	 */
	public static StripeFilter create(String name, Map<String, String> parameters) {
		String method = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		Params p = new Params(method, parameters == null ? Map.of() : parameters);
		StripeFilter filter;
		switch (method) {
		case "none":
			filter = none();
			break;
		case "sorting": {
			SortingFilter.Settings d = SortingFilter.Settings.DEFAULT;
			filter = new SortingFilter(new SortingFilter.Settings(p.integer("size", d.size), p.integer("dim", d.dim)));
			break;
		}
		case "filtering": {
			FilteringFilter.Settings d = FilteringFilter.Settings.DEFAULT;
			filter = new FilteringFilter(new FilteringFilter.Settings(p.real("sigma", d.sigma), p.integer("size", d.size),
					p.integer("dim", d.dim), p.bool("sort", d.sort)));
			break;
		}
		case "fitting": {
			FittingFilter.Settings d = FittingFilter.Settings.DEFAULT;
			filter = new FittingFilter(new FittingFilter.Settings(p.integer("order", d.order), p.real("sigma", d.sigma),
					p.real("sigma_y", d.sigmaY), p.bool("sort", d.sort), p.model(d.model)));
			break;
		}
		case "large": {
			LargeStripeFilter.Settings d = LargeStripeFilter.Settings.DEFAULT;
			filter = new LargeStripeFilter(new LargeStripeFilter.Settings(p.real("snr", d.snr), p.integer("size", d.size),
					p.real("drop_ratio", d.dropRatio), p.bool("norm", d.norm), p.model(d.model)));
			break;
		}
		case "dead": {
			DeadStripeFilter.Settings d = DeadStripeFilter.Settings.DEFAULT;
			filter = new DeadStripeFilter(new DeadStripeFilter.Settings(p.real("snr", d.snr), p.integer("size", d.size),
					p.bool("residual", d.residual), p.integer("smooth_strength", d.smoothStrength), p.model(d.model)));
			break;
		}
		case "all": {
			AllStripeFilter.Settings d = AllStripeFilter.Settings.DEFAULT;
			filter = new AllStripeFilter(new AllStripeFilter.Settings(p.real("snr", d.snr), p.integer("la_size", d.largeSize),
					p.integer("sm_size", d.smallSize), p.real("drop_ratio", d.dropRatio), p.integer("dim", d.dim),
					p.model(d.model)));
			break;
		}
		default:
			throw new StripeException("Unknown ring/stripe removal method '" + name + "'; use one of " + NAMES);
		}
		p.rejectUnused();
		return filter;
	}

	/**
	 * Parses a one-line specification: a method name optionally followed by {@code key=value} pairs separated by
	 * spaces or commas, e.g. {@code "sorting"}, {@code "all snr=2.5, la_size=61"}. Blank means {@code none}.
	 */
	public static StripeFilter parse(String specification) {
		String spec = specification == null ? "" : specification.trim();
		if (spec.isEmpty()) return none();
		String[] tokens = spec.split("[\\s,;]+");
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 1; i < tokens.length; i++) {
			int eq = tokens[i].indexOf('=');
			if (eq <= 0 || eq == tokens[i].length() - 1)
				throw new StripeException("Ring/stripe removal setting '" + tokens[i] + "' in '" + spec
						+ "' is not of the form key=value");
			params.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
		}
		return create(tokens[0], params);
	}

	/** A filter that returns a copy of its input. */
	public static StripeFilter none() {
		return new StripeFilter() {
			@Override
			public float[][] apply(float[][] sinogram) {
				Sinograms.check(sinogram, 1, 1, "none");
				return Sinograms.copy(sinogram);
			}

			@Override
			public String name() {
				return "none";
			}

			@Override
			public String parameters() {
				return "";
			}
		};
	}

	/** Typed access to the parameter map that remembers which keys were used. */
	private static final class Params {
		private final String method;
		private final Map<String, String> values = new LinkedHashMap<>();
		private final Set<String> used = new HashSet<>();

		Params(String method, Map<String, String> raw) {
			this.method = method;
			raw.forEach((k, v) -> values.put(k.trim().toLowerCase(Locale.ROOT), v == null ? "" : v.trim()));
		}

		private String take(String key) {
			used.add(key);
			return values.get(key);
		}

		int integer(String key, int fallback) {
			String v = take(key);
			if (v == null) return fallback;
			try {
				return Integer.parseInt(v);
			} catch (NumberFormatException e) {
				throw new StripeException(method + ": " + key + " must be a whole number, got '" + v + "'");
			}
		}

		double real(String key, double fallback) {
			String v = take(key);
			if (v == null) return fallback;
			try {
				return Double.parseDouble(v);
			} catch (NumberFormatException e) {
				throw new StripeException(method + ": " + key + " must be a number, got '" + v + "'");
			}
		}

		boolean bool(String key, boolean fallback) {
			String v = take(key);
			if (v == null) return fallback;
			if (v.equalsIgnoreCase("true")) return true;
			if (v.equalsIgnoreCase("false")) return false;
			throw new StripeException(method + ": " + key + " must be true or false, got '" + v + "'");
		}

		StripeModel model(StripeModel fallback) {
			String v = take("model");
			return v == null ? fallback : StripeModel.parse(v, method);
		}

		void rejectUnused() {
			Set<String> unknown = new HashSet<>(values.keySet());
			unknown.removeAll(used);
			if (!unknown.isEmpty()) {
				String[] known = used.toArray(new String[0]);
				Arrays.sort(known);
				throw new StripeException(method + ": unknown parameter(s) " + unknown + "; this method takes "
						+ (known.length == 0 ? "no parameters" : Arrays.toString(known)));
			}
		}
	}
}
