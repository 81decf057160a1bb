package org.tomolyte.align;

/**
 * The one exception type of the alignment package: bad input (sizes, calibrations, masks), scans that do not
 * overlap, and registrations that do not converge. Messages name the scan or parameter and say what to change.
 */
public class AlignException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public AlignException(String message) {
		super(message);
	}

	public AlignException(String message, Throwable cause) {
		super(message, cause);
	}
}
