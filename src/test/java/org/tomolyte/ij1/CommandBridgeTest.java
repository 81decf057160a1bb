package org.tomolyte.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.command.EchoTestCommand;

import ij.Macro;

/** The ImageJ 1.x bridge reads Macro.getOptions() of its thread exactly as ImageJ passes them to a plugin. */
class CommandBridgeTest {

	private static void runInMacroThread(String options) throws InterruptedException {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread t = new Thread(() -> {
			try {
				Macro.setOptions(Thread.currentThread(), options);
				new CommandBridge().run(EchoTestCommand.class.getName());
			} catch (Throwable e) {
				failure.set(e);
			} finally {
				Macro.setOptions(Thread.currentThread(), null);
			}
		}, "Run$_bridge-test");
		t.start();
		t.join();
		if (failure.get() != null) throw new AssertionError(failure.get());
	}

	@Test
	void macroOptionsReachTheCommand(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("with space.txt");
		runInMacroThread("output=[" + out + "] lambda=0.25 count=2 fit=Re inductance=true");
		assertEquals("lambda=0.25 count=2 fit=Re inductance=true\n", new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
	}

	@Test
	void emptyValuesAsTheRecorderWritesThemForEmptyFieldsMeanTheDefault(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("defaults.txt");
		// ImageJ's recorder writes an emptied dialog field as key=[] (or key=); the dialog reads it as the default
		runInMacroThread("output=[" + out + "] lambda=[] count= fit=Re");
		assertEquals("lambda=0.001 count=3 fit=Re inductance=false\n", new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
	}

	@Test
	void failureIsCountedWithAMessageNamingTheCommand(@TempDir Path dir) throws Exception {
		int before = CommandBridge.failureCount();
		runInMacroThread("output=[" + dir.resolve("f.txt") + "] fail=true");
		assertEquals(before + 1, CommandBridge.failureCount());
		assertTrue(CommandBridge.lastFailure().startsWith("Echo Test") && CommandBridge.lastFailure().contains("asked to fail"), CommandBridge.lastFailure());
	}
}
