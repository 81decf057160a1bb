package org.tomolyte.tomo;

/**
 * The one exception type of the tomography library and its readers ({@code org.tomolyte.io.hdf5},
 * {@code org.tomolyte.io.tiff}): bad or inconsistent input (mismatched flat/projection sizes, missing angles,
 * absent datasets, non-finite values, a centre outside the detector) and I/O failures. Messages name the file or
 * parameter and say what to change.
 */
public class TomoException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public TomoException(String message) {
		super(message);
	}

	public TomoException(String message, Throwable cause) {
		super(message, cause);
	}
}
