package org.tomolyte.ij1;

import org.scijava.Context;

import ij.IJ;

/**
 * The SciJava context Tomolyte commands run in when called from ImageJ 1.x: Fiji's own context when
 * imagej-legacy is present, otherwise one context created for plain ImageJ (with the thread's context
 * class loader set to ImageJ's plugin class loader so plugin discovery finds Tomolyte's commands).
 */
final class SciJavaContexts {
	private static Context own;

	private SciJavaContexts() {}

	static synchronized Context get() {
		if (legacyPresent()) {
			Object c = IJ.runPlugIn("org.scijava.Context", "");
			if (c instanceof Context) return (Context) c;
		}
		if (own == null) {
			Thread t = Thread.currentThread();
			ClassLoader previous = t.getContextClassLoader();
			ClassLoader ij = IJ.getClassLoader();
			if (ij != null) t.setContextClassLoader(ij);
			try {
				own = new Context();
			} finally {
				t.setContextClassLoader(previous);
			}
		}
		return own;
	}

	private static boolean legacyPresent() {
		try {
			ClassLoader cl = IJ.getClassLoader() != null ? IJ.getClassLoader() : SciJavaContexts.class.getClassLoader();
			Class.forName("net.imagej.legacy.LegacyService", false, cl);
			return true;
		} catch (ClassNotFoundException | LinkageError e) {
			return false;
		}
	}
}
