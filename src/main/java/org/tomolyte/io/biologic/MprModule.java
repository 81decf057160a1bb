package org.tomolyte.io.biologic;

/** One module of an {@code .mpr} file as found by {@link MprReader}: where its data lie and what its header says. */
final class MprModule {
	String shortName;
	boolean newHeader;
	long version;
	int headerAt;
	int dataAt;
	int length;
	String date;
	/** The file ended before the declared length (kept only when reading partially). */
	boolean truncated;
}
