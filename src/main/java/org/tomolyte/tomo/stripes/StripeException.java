package org.tomolyte.tomo.stripes;

/**
 * The one exception type of the stripe package: a sinogram or a parameter that a stripe/ring filter cannot work
 * with. The message names the parameter or the offending sinogram position and says what is expected.
 */
public class StripeException extends IllegalArgumentException {
	private static final long serialVersionUID = 1L;

	public StripeException(String message) {
		super(message);
	}
}
