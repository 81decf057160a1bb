package org.tomolyte.view.linked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.task.Progress;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionFile;

/** Rendering the linked views to files without a display, on the real operando GEIS run. */
class LinkedViewsRendererTest {
	private static SessionData geis;

	@BeforeAll
	static void open() throws Exception {
		geis = SessionFile.open(TestData.file("biologic/geis.mpr"), Progress.NONE);
	}

	@Test
	void rendersEveryPanelWithoutADisplayAndTheSpectrumPanelFollowsTheCursor(@TempDir Path dir) throws Exception {
		assertTrue(GraphicsEnvironment.isHeadless(), "surefire runs with java.awt.headless=true");
		double t3 = geis.spectrumTimeS(3), t40 = geis.spectrumTimeS(40);
		List<Path> a = LinkedViewsRenderer.render(geis, t3, dir.resolve("a"), FigureSize.SCREEN);
		LinkedViewsRenderer.render(geis, t40, dir.resolve("b"), FigureSize.SCREEN);
		LinkedViewsRenderer.render(geis, t3 + 1, dir.resolve("c"), FigureSize.SCREEN); // same spectrum, cursor 1 s later
		for (String panel : LinkedViews.LAYOUT) {
			for (String ext : new String[] { ".png", ".svg" }) {
				Path f = dir.resolve("a").resolve(panel + ext);
				assertTrue(a.contains(f) && Files.size(f) > 1000, panel + ext + " written");
			}
			assertTrue(new String(Files.readAllBytes(dir.resolve("a").resolve(panel + ".svg")), StandardCharsets.UTF_8).contains("<svg"));
		}
		BufferedImage layout = ImageIO.read(dir.resolve("a/layout.png").toFile());
		assertEquals(FigureSize.SCREEN.layoutWidth, layout.getWidth());
		int[] n3 = pixels(dir.resolve("a/nyquist.png")), n40 = pixels(dir.resolve("b/nyquist.png")), n3b = pixels(dir.resolve("c/nyquist.png"));
		assertFalse(java.util.Arrays.equals(n3, n40), "another spectrum draws another Nyquist panel");
		assertArrayEquals(n3, n3b, "the same spectrum draws the same Nyquist panel");
		assertNotEquals(0, differing(pixels(dir.resolve("a/drt.png")), pixels(dir.resolve("b/drt.png"))));
		// the cursor table holds what the panels show: the selected spectrum and the trace at the cursor
		Table cursor = CsvTables.read(dir.resolve("b/cursor.csv"));
		assertEquals(40, cursor.getDouble(0, "spectrum"), 0);
		assertEquals(t40, cursor.getDouble(0, "time_s"), 1e-9);
		Table spectrum = CsvTables.read(dir.resolve("b/spectrum.csv"));
		assertEquals(geis.spectra().get(40).size(), spectrum.rowCount());
		assertEquals(geis.spectra().get(40).zReOhm(0), spectrum.getDouble(0, "zre_ohm"), 1e-9);
	}

	@Test
	void rendersOneFolderPerScanAndPaperSizes(@TempDir Path dir) throws Exception {
		SessionData small = SmallSessions.session();
		List<Path> files = LinkedViewsRenderer.renderEveryScan(small, dir, FigureSize.DOUBLE_COLUMN, Progress.NONE);
		assertTrue(files.contains(dir.resolve("scan_00/layout.svg")) && files.contains(dir.resolve("scan_01/nyquist.png")));
		Table c0 = CsvTables.read(dir.resolve("scan_00/cursor.csv")), c1 = CsvTables.read(dir.resolve("scan_01/cursor.csv"));
		assertEquals(0, c0.getDouble(0, "time_s"), 0);
		assertEquals(100, c1.getDouble(0, "time_s"), 0);
		assertEquals(2, CsvTables.read(dir.resolve("scan_01/tracks_at_scan.csv")).rowCount(), "both tracks at scan 1");
		assertEquals(FigureSize.DOUBLE_COLUMN.layoutWidth, ImageIO.read(dir.resolve("scan_00/layout.png").toFile()).getWidth());
		assertEquals(FigureSize.DOUBLE_COLUMN.panelWidth, ImageIO.read(dir.resolve("scan_00/trace.png").toFile()).getWidth());
	}

	static int[] pixels(Path png) throws Exception {
		BufferedImage img = ImageIO.read(png.toFile());
		return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
	}

	static int differing(int[] a, int[] b) {
		int n = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++)
			if (a[i] != b[i]) n++;
		return n;
	}
}
