package org.tomolyte.io.impedance;

import java.io.IOException;

/**
 * The one error of the impedance-table readers: a CSV/TXT file whose columns, numbers or spectra cannot be
 * read as asked. The message names the file, the line where relevant, and what was expected.
 */
public final class ImpedanceFormatException extends IOException {
	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;

	private ImpedanceFormatException(String file, int line, String message) {
		super(file + (line > 0 ? " line " + line : "") + ": " + message);
		this.file = file;
		this.line = line;
	}

	/** A problem on a (1-based) line. */
	public static ImpedanceFormatException atLine(String file, int line, String problem) {
		return new ImpedanceFormatException(file, line, problem);
	}

	/** A problem with the file as a whole. */
	public static ImpedanceFormatException inFile(String file, String problem) {
		return new ImpedanceFormatException(file, -1, problem);
	}

	public String file() {
		return file;
	}

	/** 1-based line of the problem, or -1. */
	public int line() {
		return line;
	}
}
