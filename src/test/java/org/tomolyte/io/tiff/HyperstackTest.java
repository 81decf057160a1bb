package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.align.SliceSource;
import org.tomolyte.model.Volume;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * ImageJ hyperstacks (one TIFF, several time frames) written by ImageJ's own saver read back frame by frame:
 * layout, µm calibration (anisotropic, so x/y/z cannot be confused), exact voxels, and clear refusals.
 */
class HyperstackTest {
	private static final int W = 7, H = 5;

	/** A channels × slices × frames float hyperstack, pages in ImageJ's czt order, every voxel distinct. */
	private static ImagePlus hyperstack(int channels, int slices, int frames) {
		return hyperstack(W, H, channels, slices, frames);
	}

	private static ImagePlus hyperstack(int width, int height, int channels, int slices, int frames) {
		ImageStack st = new ImageStack(width, height);
		for (int t = 0; t < frames; t++)
			for (int z = 0; z < slices; z++)
				for (int c = 0; c < channels; c++) {
					float[] px = new float[width * height];
					for (int i = 0; i < px.length; i++)
						px[i] = 10000 * t + 1000 * z + 100 * c + i + 0.25f;
					st.addSlice(new FloatProcessor(width, height, px));
				}
		ImagePlus imp = new ImagePlus("hs", st);
		imp.setDimensions(channels, slices, frames);
		imp.setOpenAsHyperStack(true);
		imp.getCalibration().pixelWidth = 0.65;
		imp.getCalibration().pixelHeight = 0.8;
		imp.getCalibration().pixelDepth = 2.5;
		imp.getCalibration().setUnit("micron");
		return imp;
	}

	private static Path save(ImagePlus imp, Path file) {
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()), "ImageJ saved " + file);
		return file;
	}

	@Test
	void framesSlicesCalibrationAndVoxelsOfAnImageJHyperstack(@TempDir Path dir) throws Exception {
		ImagePlus imp = hyperstack(1, 4, 3);
		imp.getCalibration().frameInterval = 30;
		Path f = save(imp, dir.resolve("series.tif"));

		HyperstackTiff h = HyperstackTiff.open(f);
		assertEquals(3, h.frames());
		assertEquals(4, h.slices());
		assertEquals(W, h.width());
		assertEquals(H, h.height());
		assertTrue(h.calibrated());
		assertEquals(0.65, h.voxelXUm(), 1e-5, "pixel width from the TIFF resolution");
		assertEquals(0.8, h.voxelYUm(), 1e-5, "pixel height from the TIFF resolution");
		assertEquals(2.5, h.voxelZUm(), 1e-9, "slice spacing from spacing=");
		assertEquals(30, h.frameIntervalS(), 1e-9, "finterval=");

		ImageStack st = imp.getStack();
		Volume frame2 = h.readFrame(2);
		assertEquals(4, frame2.depth());
		assertEquals(0.65, frame2.voxelXUm(), 1e-5);
		assertEquals(2.5, frame2.voxelZUm(), 1e-9);
		// frame 2 (0-based), slice 3 is ImageJ's stack index 2·4 + 3 + 1 (czt order, 1-based)
		assertArrayEquals((float[]) st.getPixels(imp.getStackIndex(1, 4, 3)), frame2.slice(3), "frame 2 slice 3");
		assertEquals(st.getProcessor(2 * 4 + 3 + 1).getf(2, 4), frame2.get(2, 4, 3));
		SliceSource lazy = h.frame(1);
		for (int z = 0; z < 4; z++)
			assertArrayEquals((float[]) st.getPixels(imp.getStackIndex(1, z + 1, 2)), lazy.slice(z), "lazy frame 1 slice " + z);
		assertThrows(IndexOutOfBoundsException.class, () -> h.frame(3));
	}

	@Test
	void sixteenBitFramesAndAPlainStack(@TempDir Path dir) throws Exception {
		ImageStack st = new ImageStack(W, H);
		for (int k = 0; k < 6; k++) {
			ShortProcessor sp = new ShortProcessor(W, H);
			for (int i = 0; i < W * H; i++)
				sp.set(i, 40000 + 1000 * k + i); // above 32767: unsigned values must stay unsigned
			st.addSlice(sp);
		}
		ImagePlus imp = new ImagePlus("hs16", st);
		imp.setDimensions(1, 2, 3);
		imp.setOpenAsHyperStack(true);
		Path f = save(imp, dir.resolve("hs16.tif"));
		HyperstackTiff h = HyperstackTiff.open(f);
		assertEquals(3, h.frames());
		assertEquals(2, h.slices());
		assertFalse(h.calibrated(), "no unit: uncalibrated");
		assertEquals(1, h.voxelXUm());
		assertTrue(Double.isNaN(h.frameIntervalS()), "no finterval=: no time invented");
		ImageProcessor want = st.getProcessor(imp.getStackIndex(1, 2, 3));
		float[] got = h.readFrame(2).slice(1);
		for (int i = 0; i < W * H; i++)
			assertEquals(want.get(i), got[i], 0, "pixel " + i);

		// a plain z-stack is one frame of all its pages
		ImagePlus plain = new ImagePlus("z", hyperstack(1, 5, 1).getStack());
		plain.getCalibration().pixelWidth = plain.getCalibration().pixelHeight = 1.3;
		plain.getCalibration().pixelDepth = 1.3;
		plain.getCalibration().setUnit("micron");
		HyperstackTiff z = HyperstackTiff.open(save(plain, dir.resolve("z.tif")));
		assertEquals(1, z.frames());
		assertEquals(5, z.slices());
		assertEquals(1.3, z.voxelZUm(), 1e-9);
	}

	@Test
	void multiChannelHyperstackIsRefused(@TempDir Path dir) {
		Path f = save(hyperstack(2, 3, 2), dir.resolve("twochannels.tif"));
		IOException e = assertThrows(IOException.class, () -> HyperstackTiff.open(f));
		assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
	}

	@Test
	void missingCorruptTruncatedAndInconsistentFilesGiveClearErrors(@TempDir Path dir) throws Exception {
		Path missing = dir.resolve("missing.tif");
		assertThrows(NoSuchFileException.class, () -> HyperstackTiff.open(missing));

		Path text = Files.write(dir.resolve("notes.tif"), "these are notes, not an image\n".getBytes(StandardCharsets.US_ASCII));
		IOException notTiff = assertThrows(IOException.class, () -> HyperstackTiff.open(text));
		assertTrue(notTiff.getMessage().contains(text.toString()) && notTiff.getMessage().contains("not a TIFF"), notTiff.getMessage());

		// cut in the middle of the pixel data (64 × 64 floats × 12 pages = 196 kB, against ~2 kB of TIFF directories)
		byte[] big = Files.readAllBytes(save(hyperstack(64, 64, 1, 4, 3), dir.resolve("big.tif")));
		Path cut = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(big, big.length / 2));
		IOException truncated = assertThrows(IOException.class, () -> HyperstackTiff.open(cut));
		assertTrue(truncated.getMessage().contains(cut.toString()) && truncated.getMessage().contains("truncated"), truncated.getMessage());

		Path good = save(hyperstack(1, 4, 3), dir.resolve("good.tif"));
		byte[] bytes = Files.readAllBytes(good);
		// the description claims 2 frames but the file holds 12 pages (4 slices × 3 frames)
		String latin = new String(bytes, StandardCharsets.ISO_8859_1);
		int at = latin.indexOf("frames=3\n");
		assertTrue(at > 0, "ImageJ wrote frames=3");
		bytes[at + "frames=".length()] = '2';
		Path lying = Files.write(dir.resolve("lying.tif"), bytes);
		IOException mismatch = assertThrows(IOException.class, () -> HyperstackTiff.open(lying));
		assertTrue(mismatch.getMessage().contains(lying.toString()) && mismatch.getMessage().contains("holds 12"), mismatch.getMessage());
	}
}
