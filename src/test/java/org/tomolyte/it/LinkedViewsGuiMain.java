package org.tomolyte.it;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.tomolyte.ij1.TomogramView;
import org.tomolyte.task.Progress;
import org.tomolyte.view.linked.LinkedViewsWindow;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionFile;
import org.tomolyte.view.session.SessionState;

/**
 * Run by {@link LinkedViewsIT} under Xvfb: opens the linked-view window on a session, moves the cursor
 * programmatically between two spectra (and scans), takes real screenshots with {@link Robot}, and writes
 * what it saw to {@code result.properties} for the test to check.
 * Arguments: session path, output folder, prefix, spectrum a, spectrum b.
 */
public final class LinkedViewsGuiMain {
	private LinkedViewsGuiMain() {}

	public static void main(String[] args) throws Exception {
		Path session = Paths.get(args[0]);
		Path out = Files.createDirectories(Paths.get(args[1]));
		String prefix = args[2];
		int a = Integer.parseInt(args[3]), b = Integer.parseInt(args[4]);
		SessionData data = SessionFile.open(session, Progress.NONE);
		data.computeKk(2, Progress.NONE);
		SessionState state = new SessionState();
		LinkedViewsWindow w = LinkedViewsWindow.show(data, state);
		TomogramView tomo = data.scans().isEmpty() ? null : new TomogramView(data, state, true, false);
		Robot robot = new Robot();
		Properties p = new Properties();
		p.setProperty("spectra", "" + data.spectrumCount());
		p.setProperty("scans", "" + data.scans().size());

		onEdt(() -> state.selectSpectrum(a));
		settle(robot);
		BufferedImage shotA = robot.createScreenCapture(w.getBounds());
		int scanA = state.scan();
		int sliceA = -1;
		if (tomo != null) {
			final int[] z = new int[1];
			onEdt(() -> {
				tomo.image().setSlice(Math.max(1, tomo.image().getStackSize() / 3));
				z[0] = tomo.image().getCurrentSlice();
			});
			sliceA = z[0];
		}
		onEdt(() -> state.selectSpectrum(b));
		settle(robot);
		BufferedImage shotB = robot.createScreenCapture(w.getBounds());
		ImageIO.write(shotA, "png", out.resolve(prefix + "_a.png").toFile());
		ImageIO.write(shotB, "png", out.resolve(prefix + "_b.png").toFile());
		ImageIO.write(w.snapshot(), "png", out.resolve(prefix + "_painted.png").toFile());

		Rectangle nyquist = bounds(w, "nyquist");
		p.setProperty("nyquist_bounds", nyquist.x + "," + nyquist.y + "," + nyquist.width + "," + nyquist.height);
		p.setProperty("nyquist_changed_pixels", "" + differing(shotA, shotB, nyquist));
		p.setProperty("nyquist_pixels", "" + nyquist.width * nyquist.height);
		Rectangle trace = bounds(w, "trace");
		p.setProperty("trace_changed_pixels", "" + differing(shotA, shotB, trace));
		p.setProperty("spectrum", "" + state.spectrum());
		p.setProperty("screen_width", "" + shotA.getWidth());
		if (tomo != null) {
			int next = (scanA + 1) % data.scans().size();
			onEdt(() -> state.selectScan(next));
			settle(robot);
			p.setProperty("scan_a", "" + scanA);
			p.setProperty("scan_b", "" + state.scan());
			p.setProperty("tomogram_scan_shown", "" + tomo.shownScan());
			p.setProperty("tomogram_slice_before", "" + sliceA);
			p.setProperty("tomogram_slice_after", "" + tomo.image().getCurrentSlice());
			p.setProperty("tomogram_overlay_rois", "" + (tomo.image().getOverlay() == null ? 0 : tomo.image().getOverlay().size()));
			p.setProperty("tomogram_window", "" + (tomo.image().getWindow() != null));
			BufferedImage all = robot.createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
			ImageIO.write(all, "png", out.resolve(prefix + "_screen.png").toFile());
		}
		// real input: a click on the DRT map picks the spectrum under it, → steps to the next spectrum
		if (w.panel("drt_map") != null) {
			java.awt.Point[] at = new java.awt.Point[1];
			int[] expected = new int[1];
			onEdt(() -> {
				org.jfree.chart.ChartPanel mp = w.panel("drt_map");
				Rectangle2DHolder.area = mp.getScreenDataArea();
				double x = Rectangle2DHolder.area.getCenterX(), y = Rectangle2DHolder.area.getY() + 0.25 * Rectangle2DHolder.area.getHeight();
				org.jfree.chart.plot.XYPlot plot = mp.getChart().getXYPlot();
				double time = plot.getRangeAxis().java2DToValue(y, Rectangle2DHolder.area, plot.getRangeAxisEdge());
				expected[0] = w.views().map().spectrumAt(time);
				java.awt.Point sp = mp.getLocationOnScreen();
				at[0] = new java.awt.Point(sp.x + (int) x, sp.y + (int) y);
			});
			robot.mouseMove(at[0].x, at[0].y);
			robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
			robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
			settle(robot);
			p.setProperty("map_click_expected_spectrum", "" + expected[0]);
			p.setProperty("map_click_spectrum", "" + state.spectrum());
			onEdt(() -> {
				w.toFront();
				w.requestFocus();
			});
			settle(robot);
			int before = state.spectrum();
			robot.keyPress(java.awt.event.KeyEvent.VK_RIGHT);
			robot.keyRelease(java.awt.event.KeyEvent.VK_RIGHT);
			settle(robot);
			p.setProperty("right_arrow_from", "" + before);
			p.setProperty("right_arrow_to", "" + state.spectrum());
		}
		// the export menu's action: every panel, the layout and the cursor data
		Path export = out.resolve(prefix + "_export");
		onEdt(() -> {
			try {
				org.tomolyte.view.linked.LinkedViewsRenderer.writeAll(w.views(), export, "", org.tomolyte.view.linked.FigureSize.SINGLE_COLUMN);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		p.setProperty("exported_files", "" + export.toFile().list().length);
		try (Writer wr = Files.newBufferedWriter(out.resolve(prefix + "_result.properties"), StandardCharsets.UTF_8)) {
			p.store(wr, "linked views under Xvfb");
		}
		System.exit(0);
	}

	private static final class Rectangle2DHolder {
		static java.awt.geom.Rectangle2D area;
	}

	private static Rectangle bounds(LinkedViewsWindow w, String panel) throws Exception {
		Rectangle[] r = new Rectangle[1];
		onEdt(() -> {
			java.awt.Point origin = SwingUtilities.convertPoint(w.panel(panel), 0, 0, w);
			r[0] = new Rectangle(origin.x, origin.y, w.panel(panel).getWidth(), w.panel(panel).getHeight());
		});
		return r[0];
	}

	private static void onEdt(Runnable r) throws Exception {
		SwingUtilities.invokeAndWait(r);
	}

	/** Lets Swing repaint and the X server catch up before a screenshot. */
	private static void settle(Robot robot) throws Exception {
		for (int i = 0; i < 3; i++) {
			onEdt(() -> {});
			robot.waitForIdle();
			Thread.sleep(400);
		}
	}

	static int differing(BufferedImage a, BufferedImage b, Rectangle r) {
		int n = 0;
		for (int y = Math.max(0, r.y); y < Math.min(a.getHeight(), r.y + r.height); y++)
			for (int x = Math.max(0, r.x); x < Math.min(a.getWidth(), r.x + r.width); x++)
				if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
		return n;
	}
}
