package org.tomolyte.io.biologic;

import java.io.IOException;

/**
 * The one error the EC-Lab readers throw for a file they cannot read correctly: truncated or corrupt
 * content, an unknown column layout, a missing quantity. The message names the file, the byte offset
 * (binary {@code .mpr}) or line (text {@code .mpt}) and what was expected there, so a user can act on it.
 */
public final class EcLabFormatException extends IOException {
	private static final long serialVersionUID = 1L;

	private final String file;
	private final long byteOffset;
	private final int line;

	private EcLabFormatException(String file, long byteOffset, int line, String where, String problem) {
		super(file + (where.isEmpty() ? "" : " " + where) + ": " + problem);
		this.file = file;
		this.byteOffset = byteOffset;
		this.line = line;
	}

	/** A problem at a byte offset of a binary file. */
	public static EcLabFormatException atByte(String file, long byteOffset, String problem) {
		return new EcLabFormatException(file, byteOffset, -1, "at byte " + byteOffset, problem);
	}

	/** A problem on a (1-based) line of a text file. */
	public static EcLabFormatException atLine(String file, int line, String problem) {
		return new EcLabFormatException(file, -1, line, "line " + line, problem);
	}

	/** A problem with the file as a whole. */
	public static EcLabFormatException inFile(String file, String problem) {
		return new EcLabFormatException(file, -1, -1, "", problem);
	}

	/** File name the problem was found in. */
	public String file() {
		return file;
	}

	/** Byte offset of the problem in a binary file, or -1. */
	public long byteOffset() {
		return byteOffset;
	}

	/** 1-based line of the problem in a text file, or -1. */
	public int line() {
		return line;
	}
}
