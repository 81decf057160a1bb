package org.tomolyte.synth.cell;

/**
 * The one exception type of the synthetic cell generator: a parameter is out of range or the requested
 * geometry cannot be built (for example interfacial voids that do not fit in the contact disc). The message
 * names the parameter and the problem so the user can change it.
 */
public class SyntheticCellException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public SyntheticCellException(String message) {
		super(message);
	}
}
