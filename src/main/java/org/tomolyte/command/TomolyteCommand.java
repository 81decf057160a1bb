package org.tomolyte.command;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;

/**
 * Base of every Tomolyte command: runs {@link #execute()}, turns library progress into SciJava status
 * events (ImageJ's progress bar in Fiji), honours cancellation (SciJava's {@code cancel}, or the host's
 * stop request such as ImageJ's Esc key), and turns failures into {@link CommandFailedException}s whose
 * message is meant for the user. Subclasses stay thin: parameters in, one library call, outputs out.
 */
public abstract class TomolyteCommand extends ContextCommand {

	/** Extra stop request from the host (the ImageJ 1.x bridge maps the Esc key here); may be null. */
	private static volatile BooleanSupplier hostStopRequest;

	@Parameter(required = false)
	private StatusService statusService;

	@Parameter(required = false)
	private LogService logService;

	/** Called by host bridges to let users stop long work (e.g. ImageJ's Esc key). */
	public static void setHostStopRequest(BooleanSupplier stop) {
		hostStopRequest = stop;
	}

	/** The command's work: one library call and writing its results. */
	protected abstract void execute() throws Exception;

	private CommandFailedException failure;

	/**
	 * Runs the command. A failure is kept (see {@link #failure()}) rather than thrown, so SciJava does not
	 * print a stack trace: the host reports the message, which names the file and the problem.
	 */
	@Override
	public final void run() {
		failure = null;
		try {
			execute();
		} catch (CancelledException e) {
			cancel(e.getMessage());
		} catch (CommandFailedException e) {
			failure = e;
		} catch (Exception | OutOfMemoryError e) {
			if (logService != null) logService.debug(e);
			failure = new CommandFailedException(userMessage(e), e);
		} finally {
			if (statusService != null) statusService.clearStatus();
		}
	}

	/** The failure of the last run, or null if it succeeded or was cancelled. */
	public CommandFailedException failure() {
		return failure;
	}

	/** A message a user can act on for exceptions whose own message is terse (a bare path, null). */
	static String userMessage(Throwable e) {
		String msg = e.getMessage();
		if (e instanceof java.nio.file.NoSuchFileException) return "File not found: " + msg;
		if (e instanceof java.io.FileNotFoundException) return "File not found: " + msg;
		if (e instanceof java.nio.file.AccessDeniedException) return "Permission denied: " + msg;
		if (e instanceof java.nio.file.FileAlreadyExistsException) return "Already exists: " + msg;
		if (e instanceof OutOfMemoryError) return "Out of memory (" + msg + "): give Java more memory (Edit > Options > Memory in Fiji, TOMOLYTE_JAVA_OPTS=-Xmx16g for ./tomolyte) or process a smaller region";
		if (msg == null || msg.isEmpty()) return e.getClass().getSimpleName();
		return msg;
	}

	/** A progress callback that reports to SciJava's status bar and stops when the user cancels. */
	protected Progress progress() {
		return new Progress() {
			private int lastPermille = -1;

			@Override
			public void report(double fraction, String message) {
				if (statusService == null) return;
				int permille = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
				if (permille == lastPermille && message == null) return;
				lastPermille = permille;
				if (message != null) statusService.showStatus(permille, 1000, message);
				else statusService.showProgress(permille, 1000);
			}

			@Override
			public boolean isCancelled() {
				BooleanSupplier host = hostStopRequest;
				return isCanceled() || (host != null && host.getAsBoolean());
			}
		};
	}

	/** Logs an informative line (shown in Fiji's console / printed headless). */
	protected void info(String message) {
		if (logService != null) logService.info(message);
	}

	/** Logs a warning the user should see. */
	protected void warn(String message) {
		if (logService != null) logService.warn(message);
	}
}
