package org.tomolyte;

/** Name and version of the suite, read from the jar manifest when packaged. */
public final class Tomolyte {
	private Tomolyte() {}

	public static String version() {
		String v = Tomolyte.class.getPackage().getImplementationVersion();
		return v == null ? "dev" : v;
	}
}
