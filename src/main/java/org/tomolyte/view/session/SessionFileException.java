package org.tomolyte.view.session;

import java.io.IOException;

/** A session could not be opened, loaded or saved; the message names the file and the problem. */
public class SessionFileException extends IOException {
	private static final long serialVersionUID = 1L;

	public SessionFileException(String message) {
		super(message);
	}

	public SessionFileException(String message, Throwable cause) {
		super(message, cause);
	}
}
