package org.tomolyte.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.tomolyte.io.OutputFolder;

/**
 * Writes charts as PNG (raster, for reports) and SVG (vector, for papers), without a display and
 * atomically. Sizes are in pixels at 96 dpi; {@link #PAPER_SINGLE_COLUMN} and
 * {@link #PAPER_DOUBLE_COLUMN} are journal figure widths.
 */
public final class FigureExport {
	/** 8.5 cm at 96 dpi. */
	public static final int PAPER_SINGLE_COLUMN = 321;
	/** 17.8 cm at 96 dpi. */
	public static final int PAPER_DOUBLE_COLUMN = 673;

	private FigureExport() {}

	public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
		OutputFolder.writeAtomically(file, tmp -> {
			try (OutputStream os = Files.newOutputStream(tmp)) {
				ChartUtils.writeChartAsPNG(os, chart, width, height);
			}
		});
	}

	public static void svg(JFreeChart chart, Path file, int width, int height) throws IOException {
		SVGGraphics2D g = svgCanvas(width, height);
		chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
		writeSvg(g, file);
	}

	/**
	 * An SVG canvas whose definitions are named deterministically: JFreeSVG names clip paths after the
	 * clock by default, which would make the same figure differ from run to run.
	 */
	public static SVGGraphics2D svgCanvas(int width, int height) {
		SVGGraphics2D g = new SVGGraphics2D(width, height);
		g.setDefsKeyPrefix("tomolyte");
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		return g;
	}

	/** Writes what was drawn on an {@link #svgCanvas} atomically. */
	public static void writeSvg(SVGGraphics2D g, Path file) throws IOException {
		byte[] bytes = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
		OutputFolder.writeAtomically(file, tmp -> Files.write(tmp, bytes));
	}

	/** Writes {@code base.png} and {@code base.svg}. */
	public static void both(JFreeChart chart, Path dir, String base, int width, int height) throws IOException {
		png(chart, dir.resolve(base + ".png"), width, height);
		svg(chart, dir.resolve(base + ".svg"), width, height);
	}

	/** Draws onto any Graphics2D (used by the linked-view window's export of the whole layout). */
	public static void draw(JFreeChart chart, Graphics2D g, double x, double y, double width, double height) {
		chart.draw(g, new Rectangle2D.Double(x, y, width, height));
	}
}
