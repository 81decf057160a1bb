package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;

/**
 * Acceptance in a real ImageJ 1.x: Debian's {@code imagej} (1.53t) under {@code xvfb-run}, the Tomolyte jar
 * in {@code plugins/} of an {@code -ijpath}, its libraries in {@code plugins/jars/}, and a {@code -batch}
 * macro calling a Tomolyte label. ImageJ exits 0 even when a macro fails, so the test asserts on the files
 * the macro writes.
 */
class ImageJXvfbIT {
	private static final Path IJ_JAR = Paths.get("/usr/share/java/ij.jar");

	static Path installIntoIjPath(Path ijpath) throws Exception {
		if (!Processes.onPath("xvfb-run") || !Files.isRegularFile(IJ_JAR))
			fail("Debian's imagej and xvfb are needed for this acceptance test: apt-get install imagej xvfb (.ci/run does it)");
		Path plugins = Files.createDirectories(ijpath.resolve("plugins"));
		Path jars = Files.createDirectories(plugins.resolve("jars"));
		Path jar = Processes.jar();
		Files.copy(jar, plugins.resolve(jar.getFileName()));
		try (DirectoryStream<Path> deps = Files.newDirectoryStream(jar.getParent().resolve("dependency"), "*.jar")) {
			for (Path d : deps)
				if (!d.getFileName().toString().startsWith("ij-")) Files.copy(d, jars.resolve(d.getFileName()));
		}
		return plugins;
	}

	static Processes.Result runBatch(Path ijpath, Path macro, String arg) throws Exception {
		List<String> cmd = Arrays.asList("xvfb-run", "-a", "java", "-Xmx2g", "-Duser.home=" + ijpath, "-cp", IJ_JAR.toString(), "ij.ImageJ", "-ijpath",
				ijpath.toString(), "-batch", macro.toString(), arg);
		return Processes.run(ijpath, 300, cmd);
	}

	@Test
	void syntheticCellGeneratorRunsFromABatchMacroInPlainImageJ(@TempDir Path dir) throws Exception {
		Path ijpath = dir.resolve("ij");
		installIntoIjPath(ijpath);
		Path out = dir.resolve("synthetic cell");
		Path macro = dir.resolve("synth.ijm");
		Files.write(macro, ("out = getArgument();\n"
				+ "run(\"Generate Synthetic Cell\", \"output=[\" + out + \"] seed=3 scans=2 projections=false\");\n"
				+ "open(out + \"/cell/scans/t01.tif\");\n"
				+ "getVoxelSize(w, h, d, unit);\n"
				+ "File.saveString(\"\" + nSlices + \" \" + w + \" \" + unit, out + \"/../opened.txt\");\n").getBytes(StandardCharsets.UTF_8));
		Processes.Result r = runBatch(ijpath, macro, out.toString());
		assertEquals(0, r.exit, r.toString());
		assertTrue(Files.exists(out.resolve("cell/truth.json")), "ImageJ ran the generator:\n" + r);
		String opened = new String(Files.readAllBytes(dir.resolve("opened.txt")), StandardCharsets.UTF_8).trim();
		assertTrue(opened.startsWith("64 1.3"), "ImageJ opens the calibrated scan: " + opened);
	}

	@Test
	void tomolyteLabelRunsFromABatchMacroInPlainImageJ(@TempDir Path dir) throws Exception {
		Path ijpath = dir.resolve("ij home");
		installIntoIjPath(ijpath);
		Path out = dir.resolve("out");
		Path macro = dir.resolve("acceptance.ijm");
		Files.write(macro, ("run(\"Import EC-Lab File\", \"input=[" + TestData.file("biologic/geis.mpr") + "] output=[" + out + "]\");\n"
				+ "List.setCommands;\n"
				+ "File.saveString(List.get(\"Import EC-Lab File\"), \"" + dir.resolve("menu.txt") + "\");\n"
				+ "print(\"tomolyte acceptance done\");\n").getBytes(StandardCharsets.UTF_8));
		Processes.Result r = runBatch(ijpath, macro, "");
		assertEquals(0, r.exit, r.toString());
		assertTrue(Files.exists(out.resolve("spectra.csv")), "ImageJ ran the Tomolyte command:\n" + r);
		assertTrue(Files.exists(out.resolve("trace.csv")) && Files.exists(out.resolve("info.csv")));
		assertTrue(r.output.contains("tomolyte acceptance done"), r.output);
		String menu = new String(Files.readAllBytes(dir.resolve("menu.txt")), StandardCharsets.UTF_8);
		assertTrue(menu.contains("org.tomolyte.ij1.CommandBridge") && menu.contains("ImportEcLabFileCommand"),
				"the label is registered in ImageJ's menus through plugins.config: " + menu);
	}
}
