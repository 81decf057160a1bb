package org.tomolyte.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.view.session.SessionData;
import org.tomolyte.view.session.SessionState;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/** The tomogram view follows the scan under the cursor in one image, keeping the slice, with label overlays. */
class TomogramViewTest {

	/** A 16×16×6 scan whose voxels all equal {@code value}, so the shown scan can be told by a pixel. */
	private static Path scan(Path dir, String name, float value) {
		ImageStack s = new ImageStack(16, 16);
		for (int z = 0; z < 6; z++) {
			FloatProcessor fp = new FloatProcessor(16, 16);
			fp.set(value);
			s.addSlice(fp);
		}
		Path p = dir.resolve(name);
		IJ.saveAsTiff(new ImagePlus(name, s), p.toString());
		return p;
	}

	/** Labels: a crack (5) of 3 voxels on slice 2 and a chip (6) of 1 voxel on slice 4; the rest electrolyte. */
	private static Path labels(Path dir) {
		ImageStack s = new ImageStack(16, 16);
		for (int z = 0; z < 6; z++) {
			ByteProcessor bp = new ByteProcessor(16, 16);
			bp.set(2);
			if (z == 1) for (int x = 3; x < 6; x++) bp.set(x, 7, TomogramView.CRACK);
			if (z == 3) bp.set(9, 9, TomogramView.CHIP);
			s.addSlice(bp);
		}
		Path p = dir.resolve("labels1.tif");
		IJ.saveAsTiff(new ImagePlus("labels", s), p.toString());
		return p;
	}

	@Test
	void followsTheScanNearestTheCursorInOneImageAndKeepsTheSlice(@TempDir Path dir) {
		SessionData data = SessionData.builder().scan(0, scan(dir, "t0.tif", 1), null).scan(600, scan(dir, "t1.tif", 2), labels(dir)).build();
		SessionState state = new SessionState();
		state.setTimeline(null, data.scanTimesS());
		state.setCursor(100);
		try (TomogramView view = new TomogramView(data, state, false, false)) {
			ImagePlus imp = view.image();
			assertEquals(0, view.shownScan());
			assertEquals(1f, imp.getProcessor().getf(0, 0), 0);
			assertNull(imp.getOverlay(), "scan 0 has no label stack");
			imp.setSlice(5);
			state.setCursor(500); // nearer to the scan at 600 s
			assertEquals(1, view.shownScan());
			assertSame(imp, view.image(), "the stack is replaced in the same image");
			assertEquals(5, imp.getCurrentSlice(), "slice kept");
			assertEquals(2f, imp.getStack().getProcessor(5).getf(0, 0), 0, "scan 1's voxels shown");
			Roi[] rois = imp.getOverlay().toArray();
			assertEquals(2, rois.length, "one overlay image per slice with cracks or chips");
			assertEquals(2, rois[0].getPosition());
			assertEquals(4, rois[1].getPosition());
			state.setCursor(550); // same scan: nothing reloads
			assertSame(imp, view.image());
		}
		state.setCursor(0); // closed: no longer follows
	}

	@Test
	void overlayMarksCracksRedAndChipsYellow() {
		ImageStack s = new ImageStack(4, 4);
		ByteProcessor bp = new ByteProcessor(4, 4);
		bp.set(1, 1, TomogramView.CRACK);
		bp.set(2, 2, TomogramView.CHIP);
		s.addSlice(bp);
		Roi[] rois = TomogramView.overlay(s).toArray();
		assertEquals(1, rois.length);
		ij.process.ImageProcessor ip = ((ij.gui.ImageRoi) rois[0]).getProcessor();
		assertEquals(0xFF0000, ip.get(1, 1) & 0xFFFFFF);
		assertEquals(0xFFFF00, ip.get(2, 2) & 0xFFFFFF);
		assertTrue((ip.get(0, 0) & 0xFFFFFF) == 0, "other voxels transparent");
	}
}
