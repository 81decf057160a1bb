package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;

/** {@code ./tomolyte run} and {@code ./tomolyte macro} as processes on the packaged jar. */
class LauncherIT {

	@Test
	void helpListsEveryVerb(@TempDir Path dir) throws Exception {
		Processes.Result r = Processes.tomolyte(dir, 120, "--help");
		assertEquals(0, r.exit, r.toString());
		for (String verb : new String[] { "run", "macro", "demo", "install", "commands" })
			assertTrue(r.output.contains(verb), "help mentions " + verb + ":\n" + r.output);
		Processes.Result runHelp = Processes.tomolyte(dir, 120, "run", "--help");
		assertEquals(0, runHelp.exit, runHelp.toString());
		assertTrue(runHelp.output.contains("key=value"));
	}

	@Test
	void runImportsARealFile(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out dir");
		Processes.Result r = Processes.tomolyte(dir, 300, "run", "Import EC-Lab File",
				"input=[" + TestData.file("biologic/peis.mpr") + "] output=[" + out + "]");
		assertEquals(0, r.exit, r.toString());
		assertTrue(Files.size(out.resolve("spectra.csv")) > 100);
	}

	@Test
	void runGeneratesTheSyntheticCell(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("cell");
		Processes.Result r = Processes.tomolyte(dir, 300, "run", "Generate Synthetic Cell", "output=[" + out + "] seed=2 scans=2 projections=false");
		assertEquals(0, r.exit, r.toString());
		assertTrue(Files.exists(out.resolve("cell/scans/t01.tif")) && Files.exists(out.resolve("echem/ccd_spectra.csv")), r.toString());
	}

	@Test
	void runFailsWithAMessageNamingTheFile(@TempDir Path dir) throws Exception {
		Processes.Result r = Processes.tomolyte(dir, 300, "run", "Import EC-Lab File", "input=[" + dir.resolve("missing.mpr") + "] output=[" + dir.resolve("o") + "]");
		assertNotEquals(0, r.exit);
		assertTrue(r.output.contains("missing.mpr") && r.output.contains("not found"), r.output);
		assertFalse(r.output.contains("\tat org."), "no stack trace for a user error:\n" + r.output);
		Processes.Result unknown = Processes.tomolyte(dir, 300, "run", "Import EC-Lab File", "inptu=x");
		assertNotEquals(0, unknown.exit);
		assertTrue(unknown.output.contains("inptu"), unknown.output);
	}

	@Test
	void macroRunsTomolyteLabelsHeadlessAndFailsLoudly(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("macro out");
		Path macro = dir.resolve("import.ijm");
		Files.write(macro, ("input = getArgument();\n"
				+ "run(\"Import EC-Lab File\", \"input=[\" + input + \"] output=[" + out + "]\");\n"
				+ "File.saveString(\"done\", \"" + dir.resolve("marker.txt") + "\");\n").getBytes(StandardCharsets.UTF_8));
		Processes.Result r = Processes.tomolyte(dir, 300, "macro", macro.toString(), TestData.file("biologic/geis.mpr").toString());
		assertEquals(0, r.exit, r.toString());
		assertTrue(Files.exists(out.resolve("spectra.csv")), r.toString());
		assertTrue(Files.exists(dir.resolve("marker.txt")), "the macro ran to its end");

		Path bad = dir.resolve("bad.ijm");
		Files.write(bad, ("run(\"Import EC-Lab File\", \"input=[" + dir.resolve("nope.mpt") + "] output=[" + dir.resolve("o2") + "]\");\n"
				+ "File.saveString(\"reached\", \"" + dir.resolve("after-failure.txt") + "\");\n").getBytes(StandardCharsets.UTF_8));
		Processes.Result f = Processes.tomolyte(dir, 300, "macro", bad.toString());
		assertNotEquals(0, f.exit, f.toString());
		assertTrue(f.output.contains("nope.mpt"), f.output);
		assertFalse(Files.exists(dir.resolve("after-failure.txt")), "a failed command stops the macro");

		Path syntax = dir.resolve("syntax.ijm");
		Files.write(syntax, "x = ;\n".getBytes(StandardCharsets.UTF_8));
		Processes.Result s = Processes.tomolyte(dir, 300, "macro", syntax.toString());
		assertNotEquals(0, s.exit, "a macro error gives a non-zero exit:\n" + s);
	}
}
