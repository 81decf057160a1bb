package org.tomolyte.command.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.view.linked.FigureSize;
import org.tomolyte.view.linked.LinkedViewsRenderer;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionFile;

/**
 * Renders every linked-view panel and the whole layout as PNG and SVG, with the data under the cursor as
 * CSV, for one cursor time or (without {@code time_s}) for every scan time — no display needed.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Views>Render Linked Views", attrs = @Attr(name = "no-legacy"))
public class RenderLinkedViewsCommand extends TomolyteCommand {
	@Parameter(label = "session", description = "Saved session (.json), EC-Lab .mpr/.mpt, spectra or trace CSV, or a synthetic-cell folder", style = "open")
	private File session;
	@Parameter(label = "time_s", required = false, description = "Cursor time (s); empty or NaN = every scan time, one folder each")
	private double time_s = Double.NaN;
	@Parameter(label = "size", required = false, choices = { "screen", "single_column", "double_column" })
	private String size = "screen";
	@Parameter(label = "output", description = "Folder for the PNG, SVG and CSV files", style = "directory")
	private File output;

	@Override
	protected void execute() throws Exception {
		SessionData data = SessionFile.open(session.toPath(), progress().sub(0, 0.6));
		FigureSize fs = FigureSize.parse(size);
		List<Path> files = Double.isNaN(time_s) ? LinkedViewsRenderer.renderEveryScan(data, output.toPath(), fs, progress().sub(0.6, 1))
				: LinkedViewsRenderer.render(data, time_s, output.toPath(), fs);
		info(files.size() + " files -> " + output);
	}
}
