package org.tomolyte.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.tomolyte.model.Table;

class CommandRunnerTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void runsByLabelWithConvertedOptions(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("my echo.txt");
		CommandModule m = runner.run("Echo Test", "output=[" + out + "] lambda=0.5 count=7 fit=Im inductance=true");
		assertEquals("lambda=0.5 count=7 fit=Im inductance=true\n", new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
		Table t = ((EchoTestCommand) m.getDelegateObject()).result;
		assertEquals(0.5, t.getDouble(0, "lambda"));
	}

	@Test
	void defaultsApplyForMissingOptionalKeys(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("e.txt");
		runner.run("echo test", "output=" + out);
		assertEquals("lambda=0.001 count=3 fit=Re+Im inductance=false\n", new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
	}

	@Test
	void unknownKeyNamesTheKeyAndListsTheValidOnes(@TempDir Path dir) {
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "output=" + dir.resolve("x") + " lamda=2"));
		assertTrue(e.getMessage().contains("lamda") && e.getMessage().contains("lambda"), e.getMessage());
	}

	@Test
	void badValuesAreClearErrors(@TempDir Path dir) {
		CommandFailedException e1 = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "output=[" + dir.resolve("x") + "] count=many"));
		assertTrue(e1.getMessage().contains("count") && e1.getMessage().contains("many"), e1.getMessage());
		CommandFailedException e2 = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "output=[" + dir.resolve("x") + "] fit=Both"));
		assertTrue(e2.getMessage().contains("Re+Im"), e2.getMessage());
		CommandFailedException e3 = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "output=[" + dir.resolve("x") + "] inductance=maybe"));
		assertTrue(e3.getMessage().contains("true or false"), e3.getMessage());
	}

	@Test
	void missingRequiredOptionIsNamed() {
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "lambda=1"));
		assertTrue(e.getMessage().contains("output"), e.getMessage());
	}

	@Test
	void unknownLabelListsTheCommands() {
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Ekko", ""));
		assertTrue(e.getMessage().contains("Echo Test"), e.getMessage());
	}

	@Test
	void libraryFailureReachesTheUserWithItsMessage(@TempDir Path dir) {
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "output=" + dir.resolve("z") + " fail=true"));
		assertTrue(e.getMessage().startsWith("Echo Test") && e.getMessage().contains("asked to fail"), e.getMessage());
	}

	@Test
	void hostStopRequestCancelsLongWork(@TempDir Path dir) {
		TomolyteCommand.setHostStopRequest(() -> true);
		try {
			CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Echo Test", "output=" + dir.resolve("s") + " spin=true"));
			assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
		} finally {
			TomolyteCommand.setHostStopRequest(null);
		}
	}
}
