package org.tomolyte.command;

/** A command failed for a reason the user can act on; its message is shown as it is, without a stack trace. */
public class CommandFailedException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CommandFailedException(String message, Throwable cause) {
		super(message, cause);
	}

	public CommandFailedException(String message) {
		super(message);
	}
}
