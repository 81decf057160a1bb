package org.tomolyte.distribution;

import java.io.IOException;

/**
 * The one exception of the distribution package: an update site could not be read, checksummed or written.
 * Its message names the file or folder and the problem. When it is thrown by
 * {@link UpdateSite#build}, the site folder is as it was before the call.
 */
public class UpdateSiteException extends IOException {
	private static final long serialVersionUID = 1L;

	public UpdateSiteException(String message) {
		super(message);
	}

	public UpdateSiteException(String message, Throwable cause) {
		super(message, cause);
	}
}
