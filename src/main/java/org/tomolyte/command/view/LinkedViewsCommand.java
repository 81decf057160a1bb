package org.tomolyte.command.view;

import java.awt.GraphicsEnvironment;
import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.ij1.TomogramView;
import org.tomolyte.view.linked.LinkedViewsWindow;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionFile;
import org.tomolyte.view.session.SessionState;

/**
 * Opens the linked-view window (voltage trace, DRT map, spectrum, crack metrics) on one time cursor, and
 * the scan nearest the cursor in an ImageJ window when the session has scans.
 */
@Plugin(type = Command.class, headless = false, menuPath = "Plugins>Tomolyte>Views>Linked Views", attrs = @Attr(name = "no-legacy"))
public class LinkedViewsCommand extends TomolyteCommand {
	@Parameter(label = "session", description = "Saved session (.json), EC-Lab .mpr/.mpt, spectra or trace CSV, or a synthetic-cell folder", style = "open")
	private File session;

	@Override
	protected void execute() throws Exception {
		if (GraphicsEnvironment.isHeadless())
			throw new CommandFailedException("Linked Views needs a display; without one use \"Render Linked Views\" (session=... output=...)");
		SessionData data = SessionFile.open(session.toPath(), progress().sub(0, 0.7));
		data.computeKk(Runtime.getRuntime().availableProcessors(), progress().sub(0.7, 1));
		SessionState state = new SessionState();
		LinkedViewsWindow.show(data, state);
		if (!data.scans().isEmpty()) TomogramView.open(data, state);
		info("Linked views: " + data.spectrumCount() + " spectra, " + data.scans().size() + " scans from " + session);
	}
}
