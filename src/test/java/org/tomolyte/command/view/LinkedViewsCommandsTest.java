package org.tomolyte.command.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.tomolyte.TestData;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.view.linked.LinkedViews;

/** The macro API of the linked views, run headless through the same runner as ImageJ and ./tomolyte. */
class LinkedViewsCommandsTest {
	private static Context context;
	private static CommandRunner runner;

	@BeforeAll
	static void start() {
		context = new Context();
		runner = new CommandRunner(context);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void renderLinkedViewsWritesEveryPanelForTheRealGeisRun(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out put");
		runner.run("Render Linked Views", "session=[" + TestData.file("biologic/geis.mpr") + "] time_s=46000 size=double_column output=[" + out + "]");
		for (String panel : LinkedViews.LAYOUT)
			assertTrue(Files.size(out.resolve(panel + ".png")) > 0 && Files.size(out.resolve(panel + ".svg")) > 0, panel);
		assertTrue(Files.exists(out.resolve("layout.svg")));
		assertEquals(46000, CsvTables.read(out.resolve("cursor.csv")).getDouble(0, "time_s"), 0);
	}

	@Test
	void linkedViewsWithoutADisplaySaysWhatToUseInstead(@TempDir Path dir) throws Exception {
		String m = assertThrows(CommandFailedException.class,
				() -> runner.run("Linked Views", "session=[" + TestData.file("biologic/geis.mpr") + "]")).getMessage();
		assertTrue(m.contains("Render Linked Views"), m);
		Path missing = dir.resolve("missing.mpr");
		m = assertThrows(CommandFailedException.class, () -> runner.run("Render Linked Views", "session=[" + missing + "] output=[" + dir.resolve("o") + "]"))
				.getMessage();
		assertTrue(m.contains(missing.toString()), m);
	}
}
