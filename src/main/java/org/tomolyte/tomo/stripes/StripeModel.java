package org.tomolyte.tomo.stripes;

/**
 * How a detector defect combines with the signal. A pixel with a wrong gain multiplies the transmitted intensity,
 * which after −log becomes an additive offset; Vo et al. (2018) correct intensity sinograms by ratios, so the
 * methods that normalise (fitting-based, large-stripe) offer both forms.
 */
public enum StripeModel {
	/** For line-integral (−log normalised) sinograms, the usual input here: corrections are differences. */
	ADDITIVE,
	/** For transmission/intensity sinograms (values around 1 in air), as published: corrections are ratios. */
	MULTIPLICATIVE;

	static StripeModel parse(String s, String filterName) {
		switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
		case "additive":
			return ADDITIVE;
		case "multiplicative":
		case "ratio":
			return MULTIPLICATIVE;
		default:
			throw new StripeException(filterName + ": model must be 'additive' (−log sinograms) or 'multiplicative'"
					+ " (intensity sinograms), got '" + s + "'");
		}
	}

	String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
