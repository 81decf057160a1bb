package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.command.MacroOptions;

/**
 * The recording contract in a real ImageJ 1.x under {@code xvfb-run} (Debian's 1.53t and the 1.54p that
 * Fiji ships): a Tomolyte command run from the menu with the macro recorder open is recorded as
 * {@code run("Label", "key=value ...")}, and that line, replayed as a macro into another folder, writes the
 * same files byte for byte. {@link RecorderHarness} clicks the menu item, fills the dialog and replays; the
 * tests check the line and compare the two output folders. Screenshots of the dialogs go to
 * {@code target/recorder-it/}.
 */
class MacroRecorderIT {
	private static final Path DEBIAN_IJ = Paths.get("/usr/share/java/ij.jar");

	@Test
	void generatorInDebianImageJ153t(@TempDir Path dir) throws Exception {
		generatorRunFromTheMenuIsRecordedAsALineThatReplaysToTheSameFiles("debian", dir);
	}

	@Test
	void generatorInImageJ154p(@TempDir Path dir) throws Exception {
		generatorRunFromTheMenuIsRecordedAsALineThatReplaysToTheSameFiles("1.54p", dir);
	}

	@Test
	void drtInDebianImageJ153t(@TempDir Path dir) throws Exception {
		drtRunFromTheMenuWithChoicesAndAnEmptiedFieldReplaysToTheSameFiles("debian", dir);
	}

	@Test
	void drtInImageJ154p(@TempDir Path dir) throws Exception {
		drtRunFromTheMenuWithChoicesAndAnEmptiedFieldReplaysToTheSameFiles("1.54p", dir);
	}

	/** Numbers, a boolean and a folder with a space; the whole synthetic cell is compared. */
	private static void generatorRunFromTheMenuIsRecordedAsALineThatReplaysToTheSameFiles(String imagej, Path dir) throws Exception {
		Recording r = record(imagej, dir, "Generate Synthetic Cell", "seed=7", "scans=2", "projections=false");
		assertEquals("7", r.options.get("seed"), r.line);
		assertEquals("2", r.options.get("scans"), r.line);
		assertEquals("false", r.options.get("projections"), r.line);
		assertTrue(r.line.contains(" seed=7 ") && r.line.contains(" scans=2 ") && r.line.contains(" projections=false"), r.line);
		for (String must : new String[] { "scans.csv", "cell/truth.json", "echem/ccd.csv", "cell/scans/t01.tif" })
			assertTrue(r.first.containsKey(must), "the menu run wrote " + must + ": " + r.first.keySet());
		assertTrue(r.first.keySet().stream().noneMatch(f -> f.startsWith("projections")), "projections=false was honoured: " + r.first.keySet());
		r.assertReplayIdentical();
	}

	/** Choices, an emptied number field, a real EC-Lab file as input. */
	private static void drtRunFromTheMenuWithChoicesAndAnEmptiedFieldReplaysToTheSameFiles(String imagej, Path dir) throws Exception {
		Path input = TestData.file("biologic/geis.mpr");
		Recording r = record(imagej, dir, "DRT of Spectrum", "input=" + input, "lambda=", "fit=Re", "rbf=c2_matern", "inductance=false");
		assertEquals(input.toString(), r.options.get("input"), r.line);
		assertEquals("Re", r.options.get("fit"), r.line);
		assertEquals("c2_matern", r.options.get("rbf"), r.line);
		assertEquals("false", r.options.get("inductance"), r.line);
		assertEquals("", r.options.getOrDefault("lambda", ""), "the emptied field is recorded empty (it means the default): " + r.line);
		assertTrue(r.first.containsKey("drt.csv"), "the menu run wrote drt.csv: " + r.first.keySet());
		r.assertReplayIdentical();
	}

	private static final class Recording {
		String line, report;
		Map<String, String> options;
		Map<String, byte[]> first, replay;

		void assertReplayIdentical() {
			assertFalse(first.isEmpty(), report);
			assertEquals(first.keySet(), replay.keySet(), "the replay writes the same files\n" + report);
			for (String f : first.keySet()) {
				if (f.endsWith(".svg")) {
					// JFreeSVG names clip paths "_<System.nanoTime()>clip-N" (FigureExport does not set a fixed
					// defs key prefix), so only that prefix may differ between two runs
					assertEquals(svgWithoutDefsPrefix(first.get(f)), svgWithoutDefsPrefix(replay.get(f)), f + " is identical after the replay of " + line);
				} else {
					assertArrayEquals(first.get(f), replay.get(f), f + " is identical after the replay of " + line);
				}
			}
		}
	}

	private static Recording record(String imagej, Path dir, String label, String... fields) throws Exception {
		Path ijJar = imagej.equals("debian") ? DEBIAN_IJ : Processes.jar().getParent().resolve("dependency/ij-" + imagej + ".jar");
		assertTrue(Files.isRegularFile(ijJar), "ImageJ jar " + ijJar);
		Path ijpath = dir.resolve("ij");
		ImageJXvfbIT.installIntoIjPath(ijpath);
		Path firstOut = dir.resolve("recorded out"); // a space: the recorder must bracket the path
		Path replayOut = dir.resolve("replay out");
		String name = label.toLowerCase().replace(' ', '-') + "-dialog-" + imagej + ".png";
		Path png = Processes.home().resolve("target/recorder-it").resolve(name);
		Files.deleteIfExists(png);
		Path reportFile = dir.resolve("report.txt");
		String testClasses = Paths.get(RecorderHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		List<String> cmd = new ArrayList<>(Arrays.asList("xvfb-run", "-a", "java", "-Xmx2g", "-Duser.home=" + ijpath, "-cp", ijJar + ":" + testClasses,
				RecorderHarness.class.getName(), ijpath.toString(), label, firstOut.toString(), replayOut.toString(), png.toString(), reportFile.toString()));
		cmd.addAll(Arrays.asList(fields));
		Processes.Result p = Processes.run(dir, 120, cmd);
		Recording r = new Recording();
		r.report = Files.exists(reportFile) ? new String(Files.readAllBytes(reportFile), StandardCharsets.UTF_8) : "(no report)";
		assertEquals(0, p.exit, r.report + "\n" + p);
		assertTrue(Files.size(png) > 1000, "screenshot of the dialog saved: " + png);
		r.line = value(r.report, "recorded=");
		assertNotNull(r.line, r.report);
		String prefix = "run(\"" + label + "\", \"";
		assertTrue(r.line.startsWith(prefix) && r.line.endsWith("\");"), "a run(\"Label\", \"options\"); line: " + r.line);
		r.options = MacroOptions.parse(r.line.substring(prefix.length(), r.line.length() - 3));
		assertEquals(firstOut.toString(), r.options.get("output"), r.line);
		assertTrue(r.line.contains("output=[" + firstOut + "]"), r.line);
		r.first = files(firstOut);
		r.replay = files(replayOut);
		return r;
	}

	private static String svgWithoutDefsPrefix(byte[] svg) {
		return new String(svg, StandardCharsets.UTF_8).replaceAll("_\\d+clip-", "_clip-");
	}

	private static String value(String report, String key) {
		for (String line : report.split("\n"))
			if (line.startsWith(key)) return line.substring(key.length());
		return null;
	}

	private static Map<String, byte[]> files(Path root) throws Exception {
		Map<String, byte[]> out = new TreeMap<>();
		if (!Files.isDirectory(root)) return out;
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList()))
				out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
		}
		return out;
	}
}
