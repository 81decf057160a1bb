package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.command.MacroOptions;

/**
 * The recording contract in a real ImageJ 1.x (Debian's 1.53t under {@code xvfb-run}): a Tomolyte command run
 * from the menu with the macro recorder open is recorded as {@code run("Label", "key=value ...")}, and that
 * line, replayed as a macro, writes the same files. {@link RecorderHarness} clicks the menu item, fills the
 * dialog and replays; this test checks the line and compares the two output folders byte for byte.
 */
class MacroRecorderIT {

	@Test
	void commandRunFromTheMenuIsRecordedAsALineThatReplaysToTheSameFiles(@TempDir Path dir) throws Exception {
		Path ijpath = dir.resolve("ij");
		ImageJXvfbIT.installIntoIjPath(ijpath);
		Path recordedOut = dir.resolve("recorded out"); // a space: the recorder must bracket the path
		Path replayOut = dir.resolve("replay out");
		Path png = Processes.home().resolve("target/recorder-it/generate-synthetic-cell-dialog.png");
		Files.deleteIfExists(png);
		Path report = dir.resolve("report.txt");
		String testClasses = Paths.get(RecorderHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		List<String> cmd = Arrays.asList("xvfb-run", "-a", "java", "-Xmx2g", "-Duser.home=" + ijpath, "-cp", "/usr/share/java/ij.jar:" + testClasses,
				RecorderHarness.class.getName(), ijpath.toString(), recordedOut.toString(), replayOut.toString(), png.toString(), report.toString());
		Processes.Result r = Processes.run(dir, 120, cmd);
		String rep = Files.exists(report) ? new String(Files.readAllBytes(report), StandardCharsets.UTF_8) : "(no report)";
		assertEquals(0, r.exit, rep + "\n" + r);
		assertTrue(Files.size(png) > 1000, "screenshot of the dialog saved: " + png);

		String recorded = value(rep, "recorded=");
		assertNotNull(recorded, rep);
		String prefix = "run(\"" + RecorderHarness.LABEL + "\", \"";
		assertTrue(recorded.startsWith(prefix) && recorded.endsWith("\");"), "a run(\"Label\", \"options\"); line: " + recorded);
		Map<String, String> options = MacroOptions.parse(recorded.substring(prefix.length(), recorded.length() - 3));
		assertEquals(recordedOut.toString(), options.get("output"), recorded);
		assertEquals("7", options.get("seed"), recorded);
		assertEquals("2", options.get("scans"), recorded);
		assertEquals("false", options.get("projections"), recorded);
		assertTrue(recorded.contains("output=[" + recordedOut + "]") && recorded.contains(" seed=7 ") && recorded.contains(" scans=2 ")
				&& recorded.contains(" projections=false"), recorded);

		Map<String, byte[]> a = files(recordedOut), b = files(replayOut);
		for (String must : new String[] { "scans.csv", "cell/truth.json", "echem/ccd.csv" })
			assertTrue(a.containsKey(must), "the menu run wrote " + must + ": " + a.keySet() + "\n" + rep);
		assertEquals(a.keySet(), b.keySet(), "the replay writes the same files\n" + rep);
		assertTrue(a.keySet().stream().noneMatch(f -> f.startsWith("projections")), "projections=false was honoured: " + a.keySet());
		for (String f : a.keySet())
			assertArrayEquals(a.get(f), b.get(f), f + " is identical after the replay");
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
