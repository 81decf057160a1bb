package org.tomolyte.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.tomolyte.ij1.CommandBridge;

import ij.macro.Interpreter;
import ij.plugin.PlugIn;

/**
 * Runs an ImageJ macro file inside the (headless, patched) ImageJ 1.x that {@link Main} starts, and keeps
 * the macro's error, or the first failed Tomolyte command, so the launcher can exit non-zero. Loaded by
 * ImageJ's class loader, never by {@link Main} directly.
 */
public class MacroRunner implements PlugIn {
	private String error;

	/** @param arg the macro file path, a newline, and the macro's argument */
	@Override
	public void run(String arg) {
		int nl = arg.indexOf('\n');
		String file = nl < 0 ? arg : arg.substring(0, nl);
		String macroArg = nl < 0 ? "" : arg.substring(nl + 1);
		String code;
		try {
			code = new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
		} catch (IOException e) {
			error = "Cannot read macro " + file + ": " + e.getMessage();
			return;
		}
		int before = CommandBridge.failureCount();
		Interpreter interp = new Interpreter();
		interp.setIgnoreErrors(true);
		try {
			interp.run(code, macroArg);
		} catch (RuntimeException e) {
			error = "Macro " + file + " stopped: " + e.getMessage();
		}
		if (error == null && CommandBridge.failureCount() > before) error = CommandBridge.lastFailure();
		if (error == null && interp.getErrorMessage() != null) error = "Macro " + file + ": " + interp.getErrorMessage();
	}

	/** The failure, or null when the macro ran to its end. */
	public String getError() {
		return error;
	}
}
