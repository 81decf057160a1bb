package org.tomolyte.cli;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs an ImageJ macro in a headless ImageJ 1.x patched by {@code ij1-patcher}, with Tomolyte's jar (and
 * its {@code plugins.config} labels) on the plugin class path, so {@code run("<Tomolyte label>", ...)}
 * works without a display. Requires {@code --add-opens=java.base/java.lang=ALL-UNNAMED} on Java 17.
 */
final class HeadlessMacro {
	private HeadlessMacro() {}

	static int run(Path macro, String arg, PrintStream out, PrintStream err) throws Exception {
		if (!Files.isRegularFile(macro)) {
			err.println("tomolyte macro: no macro file at " + macro.toAbsolutePath());
			return 1;
		}
		System.setProperty("java.awt.headless", "true");
		LegacyEnvironment ij1 = new LegacyEnvironment(null, true);
		ij1.disableIJ1PluginDirs();
		File code = Main.codeLocation();
		ij1.addPluginClasspath(code);
		// The patched ImageJ has its own class loader: give it the suite's libraries too (not ij, which it patches).
		for (File dep : dependencies(code))
			ij1.addPluginClasspath(dep);
		Object runner = ij1.runPlugIn(MacroRunner.class.getName(), macro.toAbsolutePath() + "\n" + arg);
		if (runner == null) {
			err.println("tomolyte macro: ImageJ could not start the macro runner");
			return 1;
		}
		Method getError = runner.getClass().getMethod("getError");
		String error = (String) getError.invoke(runner);
		if (error != null) {
			err.println("tomolyte macro: " + error);
			return 1;
		}
		return 0;
	}

	/** The runtime libraries beside the jar ({@code target/dependency}) or on the class path. */
	static java.util.List<File> dependencies(File code) {
		java.util.List<File> out = new java.util.ArrayList<>();
		File dir = new File(code.getAbsoluteFile().getParentFile(), "dependency");
		File[] jars = dir.isDirectory() ? dir.listFiles((d, n) -> n.endsWith(".jar")) : null;
		if (jars != null) {
			java.util.Arrays.sort(jars);
			for (File j : jars)
				if (!j.getName().startsWith("ij-")) out.add(j);
			return out;
		}
		for (String p : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
			File f = new File(p);
			if (!f.equals(code) && f.getName().endsWith(".jar") && !f.getName().startsWith("ij-")) out.add(f);
		}
		return out;
	}
}
