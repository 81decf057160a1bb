package org.tomolyte.view.linked;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.task.Progress;
import org.tomolyte.view.FigureExport;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;

/**
 * Renders the linked views to files without a display (works with {@code java.awt.headless=true}): every
 * panel and the whole layout as PNG and SVG, plus the data under the cursor as CSV, for one cursor time or
 * for every scan time (one sub-folder per scan, for reports and headless servers). The charts are the
 * window's own, so files and screen agree.
 */
public final class LinkedViewsRenderer {
	private LinkedViewsRenderer() {}

	/** Renders at cursor time {@code timeS} into {@code output} (written completely or not at all); returns the files written. */
	public static List<Path> render(SessionData data, double timeS, Path output, FigureSize size) throws IOException {
		try (OutputFolder out = OutputFolder.open(output)) {
			List<String> names = renderInto(data, timeS, out, "", size);
			out.commit();
			return resolve(output, names);
		}
	}

	/** Renders at every scan time into {@code output/scan_NN/}; without scans, at every spectrum time would be too many, so it renders the first spectrum. */
	public static List<Path> renderEveryScan(SessionData data, Path output, FigureSize size, Progress progress) throws IOException {
		double[] times = data.scanTimesS();
		if (times.length == 0) times = data.spectrumCount() > 0 ? new double[] { data.spectrumTimeS(0) } : new double[] { Double.NaN };
		List<String> names = new ArrayList<>();
		try (OutputFolder out = OutputFolder.open(output)) {
			StringBuilder index = new StringBuilder("scan,time_s,folder\n");
			for (int i = 0; i < times.length; i++) {
				progress.checkCancelled();
				String dir = String.format(Locale.ROOT, "scan_%02d/", i);
				names.addAll(renderInto(data, times[i], out, dir, size));
				index.append(i).append(',').append(times[i]).append(',').append(dir).append('\n');
				progress.report((i + 1.0) / times.length, "Linked views at scan " + i);
			}
			Files.write(out.file("scans.csv"), index.toString().getBytes(StandardCharsets.UTF_8));
			names.add("scans.csv");
			out.commit();
		}
		return resolve(output, names);
	}

	private static List<Path> resolve(Path dir, List<String> names) {
		List<Path> p = new ArrayList<>();
		for (String n : names)
			p.add(dir.resolve(n));
		return p;
	}

	private static List<String> renderInto(SessionData data, double timeS, OutputFolder out, String prefix, FigureSize size) throws IOException {
		SessionState state = new SessionState();
		LinkedViews views = new LinkedViews(data, state);
		state.setCursor(Double.isNaN(timeS) ? views.trace().timeSpanS()[0] : timeS);
		return writeAll(views, out.file(prefix + "layout.png").getParent(), prefix, size);
	}

	/**
	 * Writes each panel ({@code name.png}, {@code name.svg}), the layout ({@code layout.png/svg}) and the
	 * cursor tables into {@code dir}; used by the renderer and the window's export menu.
	 */
	public static List<String> writeAll(LinkedViews views, Path dir, String prefix, FigureSize size) throws IOException {
		Files.createDirectories(dir);
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, JFreeChart> e : views.charts().entrySet()) {
			FigureExport.both(e.getValue(), dir, e.getKey(), size.panelWidth, size.panelHeight);
			names.add(prefix + e.getKey() + ".png");
			names.add(prefix + e.getKey() + ".svg");
		}
		writeLayoutPng(views, dir.resolve("layout.png"), size);
		writeLayoutSvg(views, dir.resolve("layout.svg"), size);
		names.add(prefix + "layout.png");
		names.add(prefix + "layout.svg");
		CursorData.write(views.data(), views.state(), dir);
		for (String c : new String[] { "cursor.csv", "spectrum.csv", "drt.csv", "peaks.csv", "tracks_at_scan.csv" })
			names.add(prefix + c);
		return names;
	}

	/** The layout as an image (also the window's screenshot-free "what you see"). */
	public static BufferedImage layoutImage(LinkedViews views, int width, int height, int columns) {
		BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		views.drawLayout(g, width, height, columns);
		g.dispose();
		return img;
	}

	public static void writeLayoutPng(LinkedViews views, Path file, FigureSize size) throws IOException {
		BufferedImage img = layoutImage(views, size.layoutWidth, size.layoutHeight, size.layoutColumns);
		OutputFolder.writeAtomically(file, tmp -> ImageIO.write(img, "png", tmp.toFile()));
	}

	public static void writeLayoutSvg(LinkedViews views, Path file, FigureSize size) throws IOException {
		SVGGraphics2D g = FigureExport.svgCanvas(size.layoutWidth, size.layoutHeight);
		views.drawLayout(g, size.layoutWidth, size.layoutHeight, size.layoutColumns);
		FigureExport.writeSvg(g, file);
	}
}
