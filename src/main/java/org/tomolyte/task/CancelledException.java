package org.tomolyte.task;

/** Thrown by library code when the user cancelled; commands catch it and write nothing further. */
public class CancelledException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled by the user");
	}
}
