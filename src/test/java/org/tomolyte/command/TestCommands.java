package org.tomolyte.command;

import org.scijava.Context;

/**
 * One SciJava context for all command tests in the JVM (creating one takes most of a second), and a
 * runner on it: tests run commands by label with macro options, as users do.
 */
public final class TestCommands {
	private static Context context;
	private static CommandRunner runner;

	private TestCommands() {}

	public static synchronized CommandRunner runner() {
		if (runner == null) {
			context = new Context();
			runner = new CommandRunner(context);
			Runtime.getRuntime().addShutdownHook(new Thread(context::dispose));
		}
		return runner;
	}
}
