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
}
