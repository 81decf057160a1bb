package org.tomolyte.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures render without a display, to PNG of the requested size and to valid SVG. */
class FigureExportTest {

	@Test
	void lineChartToPngAndSvg(@TempDir Path dir) throws Exception {
		double[] t = { 0, 1, 2, 3, 4 };
		double[] v = { 0.1, 0.12, 0.15, 0.11, 0.02 };
		JFreeChart chart = Charts.lines("Voltage", "time / s", "Ewe / V", true, Charts.series("Ewe", t, v));
		Charts.addRightAxis(chart, "I / mA", false, Charts.series("I", t, new double[] { 1, 1, 2, 2, 2 }));
		FigureExport.both(chart, dir, "trace", 400, 300);
		BufferedImage img = ImageIO.read(dir.resolve("trace.png").toFile());
		assertEquals(400, img.getWidth());
		assertEquals(300, img.getHeight());
		String svg = new String(Files.readAllBytes(dir.resolve("trace.svg")), StandardCharsets.UTF_8);
		assertTrue(svg.contains("<svg") && svg.contains("time / s"), "SVG holds the x-axis label as text");
	}

	@Test
	void heatMapColoursFollowTheValues(@TempDir Path dir) throws Exception {
		double[] x = { 0, 1, 2, 3 };
		double[] y = { 0, 1 };
		double[][] values = { { 0.001, 0.01, 0.1, 1 }, { 1, 0.1, 0.01, 0.001 } };
		JFreeChart chart = HeatMaps.heatMap("map", "log10 tau", "time", "gamma", x, y, values, true);
		FigureExport.png(chart, dir.resolve("map.png"), 300, 200);
		BufferedImage img = ImageIO.read(dir.resolve("map.png").toFile());
		// the colour scale maps low and high values to different colours
		assertNotEquals(HeatMaps.viridis(0, 1).getPaint(0.0), HeatMaps.viridis(0, 1).getPaint(0.99));
		int distinct = (int) java.util.stream.IntStream.range(0, img.getWidth()).map(i -> img.getRGB(i, img.getHeight() / 2)).distinct().count();
		assertTrue(distinct > 4, "the map row shows several colours, got " + distinct);
	}

	@Test
	void sameFigureGivesTheSameSvgBytes(@TempDir Path dir) throws Exception {
		double[] t = { 0, 1, 2 }, v = { 1, 3, 2 };
		FigureExport.svg(Charts.lines("a", "x", "y", false, Charts.series("s", t, v)), dir.resolve("a.svg"), 300, 200);
		Thread.sleep(5);
		FigureExport.svg(Charts.lines("a", "x", "y", false, Charts.series("s", t, v)), dir.resolve("b.svg"), 300, 200);
		assertEquals(new String(Files.readAllBytes(dir.resolve("a.svg")), StandardCharsets.UTF_8),
				new String(Files.readAllBytes(dir.resolve("b.svg")), StandardCharsets.UTF_8), "no clock-based ids in the SVG");
	}
}
