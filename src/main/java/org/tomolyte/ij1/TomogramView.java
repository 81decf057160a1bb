package org.tomolyte.ij1;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.SwingUtilities;

import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * The tomogram view of the linked views: the XCT scan nearest the time cursor in one ImageJ image window.
 * When the cursor reaches another scan the stack is replaced in place, keeping the slice, the zoom and
 * the display range, so the same region can be followed through the operando series; crack (red) and
 * chip (yellow) voxels of the scan's label stack (labels 5 and 6 of the synthetic cell) are overlaid when
 * one exists. Like every linked view it only listens to the session state.
 */
public final class TomogramView implements SessionState.Listener, AutoCloseable {
	/** Label values of cracks and chips in label stacks (see synth.cell.SyntheticCellWriter). */
	public static final int CRACK = 5, CHIP = 6;
	private final SessionData data;
	private final SessionState state;
	private final boolean display;
	private final ExecutorService loader;
	private final AtomicInteger wanted = new AtomicInteger(-1);
	private volatile ImagePlus image;
	private volatile int shown = -1;

	/**
	 * @param display show the image in a window (false: keep it only in memory, e.g. headless tests)
	 * @param background load scans on a background thread (true in the window, so the cursor never waits)
	 */
	public TomogramView(SessionData data, SessionState state, boolean display, boolean background) {
		this.data = data;
		this.state = state;
		this.display = display && !GraphicsEnvironment.isHeadless();
		this.loader = background ? Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "Tomolyte tomogram loader");
			t.setDaemon(true);
			return t;
		}) : null;
		state.addListener(this);
		request(state.scan());
	}

	/** Opens the view in a window for a session with scans. */
	public static TomogramView open(SessionData data, SessionState state) {
		return new TomogramView(data, state, true, true);
	}

	@Override
	public void changed(SessionState s, Set<SessionState.Change> changes) {
		if (changes.contains(SessionState.Change.SCAN)) request(s.scan());
	}

	private void request(int scan) {
		if (scan < 0 || scan >= data.scans().size()) return;
		wanted.set(scan);
		if (loader == null) load(scan);
		else loader.submit(() -> {
			if (wanted.get() == scan) load(scan); // a newer request supersedes this one
		});
	}

	private void load(int scan) {
		SessionData.Scan s = data.scans().get(scan);
		ImagePlus next = IJ.openImage(s.file.toString());
		if (next == null) {
			IJ.log("Tomolyte linked views: cannot open scan " + scan + ": " + s.file);
			return;
		}
		Overlay overlay = null;
		if (s.labels != null) {
			ImagePlus labels = IJ.openImage(s.labels.toString());
			if (labels != null && labels.getWidth() == next.getWidth() && labels.getHeight() == next.getHeight()) overlay = overlay(labels.getStack());
		}
		String title = String.format(java.util.Locale.ROOT, "scan %d at %.0f s — %s", scan, s.timeS, s.file.getFileName());
		Overlay ov = overlay;
		Runnable show = () -> replace(next, ov, title, scan);
		if (display && !SwingUtilities.isEventDispatchThread()) SwingUtilities.invokeLater(show);
		else show.run();
	}

	private void replace(ImagePlus next, Overlay overlay, String title, int scan) {
		if (wanted.get() != scan && loader != null) return;
		ImagePlus imp = image;
		if (imp == null || (display && imp.getWindow() == null)) {
			imp = new ImagePlus(title, next.getStack());
			imp.setCalibration(next.getCalibration());
			imp.setSlice(Math.max(1, (imp.getStackSize() + 1) / 2));
			imp.resetDisplayRange();
			imp.setOverlay(overlay);
			image = imp;
			if (display) {
				imp.show();
				ij.gui.ImageCanvas ic = imp.getCanvas();
				// small scans (the synthetic cell is 48–96 px wide) open zoomed to a usable size
				for (int k = 0; ic != null && k < 4 && ic.getMagnification() * Math.max(imp.getWidth(), imp.getHeight()) < 300; k++)
					ic.zoomIn(imp.getWidth() / 2, imp.getHeight() / 2);
			}
		} else {
			int z = imp.getCurrentSlice();
			double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
			Calibration cal = next.getCalibration();
			imp.setStack(title, next.getStack());
			imp.setCalibration(cal);
			imp.setSlice(Math.min(Math.max(1, z), imp.getStackSize()));
			imp.setDisplayRange(min, max);
			imp.setOverlay(overlay);
			imp.updateAndDraw();
		}
		shown = scan;
	}

	/** Crack and chip voxels as one translucent image overlay per slice. */
	static Overlay overlay(ImageStack labels) {
		Overlay o = new Overlay();
		for (int z = 1; z <= labels.getSize(); z++) {
			ImageProcessor ip = labels.getProcessor(z);
			ColorProcessor cp = null;
			for (int y = 0; y < ip.getHeight(); y++)
				for (int x = 0; x < ip.getWidth(); x++) {
					int v = (int) ip.getf(x, y);
					if (v != CRACK && v != CHIP) continue;
					if (cp == null) cp = new ColorProcessor(ip.getWidth(), ip.getHeight());
					cp.set(x, y, (v == CRACK ? Color.RED : Color.YELLOW).getRGB() & 0xFFFFFF);
				}
			if (cp == null) continue;
			ImageRoi roi = new ImageRoi(0, 0, cp);
			roi.setZeroTransparent(true);
			roi.setOpacity(0.6);
			roi.setPosition(z);
			o.add(roi);
		}
		return o;
	}

	/** The image (null before the first scan loaded). */
	public ImagePlus image() {
		return image;
	}

	/** The scan shown, −1 for none. */
	public int shownScan() {
		return shown;
	}

	@Override
	public void close() {
		state.removeListener(this);
		if (loader != null) loader.shutdownNow();
	}
}
