package org.tomolyte.echem;

/**
 * The one error type of the cycling analyses (CCD staircase, stripping onset, pulsed stripping, capacity at
 * time). Messages name the trace (file) and the parameter or column at fault, e.g. a missing {@code I/mA}
 * column, an electrode area ≤ 0 or a trace in which no current steps were found.
 */
public class EchemAnalysisException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public EchemAnalysisException(String message) {
		super(message);
	}

	public EchemAnalysisException(String message, Throwable cause) {
		super(message, cause);
	}
}
