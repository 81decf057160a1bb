package org.tomolyte.interfaces;

/**
 * The one exception type of the interface-analysis package: a volume, threshold or region that cannot be
 * analysed, with a message naming the parameter and what to change.
 */
public class InterfaceException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public InterfaceException(String message) {
		super(message);
	}
}
