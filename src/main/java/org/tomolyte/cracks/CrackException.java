package org.tomolyte.cracks;

/**
 * The one exception type of the crack package: inputs that cannot be tracked (mismatched scans, missing
 * times, impossible settings), with a message naming the parameter or scan and what to change.
 */
public class CrackException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CrackException(String message) {
		super(message);
	}

	public CrackException(String message, Throwable cause) {
		super(message, cause);
	}
}
