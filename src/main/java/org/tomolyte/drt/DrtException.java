package org.tomolyte.drt;

/**
 * The one exception type of the DRT package: bad input spectra (NaN, too few or duplicate frequencies,
 * inductive-only data) and bad settings. The message names the spectrum, the point or the parameter and
 * says what to change.
 */
public class DrtException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public DrtException(String message) {
		super(message);
	}

	public DrtException(String message, Throwable cause) {
		super(message, cause);
	}
}
