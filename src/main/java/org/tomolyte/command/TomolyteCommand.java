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
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	/** Called by host bridges to let users stop long work (e.g. ImageJ's Esc key). */
	public static void setHostStopRequest(BooleanSupplier stop) {
		hostStopRequest = stop;
	}

	/** The command's work: one library call and writing its results. */
	protected abstract void execute() throws Exception;

	@Override
	public final void run() {
		try {
			execute();
		} catch (CancelledException e) {
			cancel(e.getMessage());
		} catch (CommandFailedException e) {
			throw e;
		} catch (Exception e) {
			String msg = e.getMessage() == null ? e.toString() : e.getMessage();
			if (log != null) log.debug(e);
			throw new CommandFailedException(msg, e);
		} finally {
			if (status != null) status.clearStatus();
		}
	}

	/** A progress callback that reports to SciJava's status bar and stops when the user cancels. */
	protected Progress progress() {
		return new Progress() {
			private int lastPermille = -1;

			@Override
			public void report(double fraction, String message) {
				if (status == null) return;
				int permille = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
				if (permille == lastPermille && message == null) return;
				lastPermille = permille;
				if (message != null) status.showStatus(permille, 1000, message);
				else status.showProgress(permille, 1000);
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
		if (log != null) log.info(message);
	}

	/** Logs a warning the user should see. */
	protected void warn(String message) {
		if (log != null) log.warn(message);
	}
}
