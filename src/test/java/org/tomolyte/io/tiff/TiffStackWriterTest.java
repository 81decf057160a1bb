package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.model.Volume;
import org.tomolyte.tomo.TomoException;

import ij.ImagePlus;
import ij.io.Opener;

/**
 * The stack writer's anisotropic calibration and its sized-on-commit form (for streams that learn their size
 * last): ImageJ must not be able to tell its files from the sized writer's.
 */
class TiffStackWriterTest {
	@TempDir
	Path tmp;

	private static float[] slice(int w, int h, int z) {
		float[] s = new float[w * h];
		for (int i = 0; i < s.length; i++)
			s[i] = (float) (0.5 + 0.01 * i + 0.3 * z);
		return s;
	}

	@Test
	void aStackSizedOnCommitReadsExactlyLikeASizedOne() throws Exception {
		int w = 9, h = 6;
		for (int bits : new int[] { 32, 16 })
			for (int n : new int[] { 1, 4 }) {
				Path sized = tmp.resolve("sized" + bits + "_" + n + ".tif"), late = tmp.resolve("late" + bits + "_" + n + ".tif");
				double min = bits == 16 ? 0 : Double.NaN, max = bits == 16 ? 2 : Double.NaN;
				String info = "aligned scan t0" + n + " (reference t00) µm";
				try (TiffStackWriter a = new TiffStackWriter(sized, w, h, n, bits, 1.25, 0.8, 2.5, min, max, bits == 16 ? "1/µm" : null, info);
						TiffStackWriter b = TiffStackWriter.sizedOnCommit(late, bits, 1.25, 0.8, 2.5, min, max, bits == 16 ? "1/µm" : null, info)) {
					for (int z = 0; z < n; z++) {
						a.write(slice(w, h, z));
						b.write(slice(w, h, z));
					}
					a.commit();
					assertFalse(Files.exists(late), "nothing at the destination before commit");
					b.commit(w, h);
				}
				ImagePlus x = new Opener().openImage(sized.toString()), y = new Opener().openImage(late.toString());
				assertNotNull(y, "ImageJ opens " + late);
				String what = bits + "-bit, " + n + " slice(s): ";
				assertEquals(w, y.getWidth(), what + "width");
				assertEquals(h, y.getHeight(), what + "height");
				assertEquals(n, y.getStackSize(), what + "slices");
				assertEquals(bits, y.getBitDepth(), what + "bit depth");
				assertEquals(1.25, y.getCalibration().pixelWidth, 1e-9, what + "pixel width");
				assertEquals(0.8, y.getCalibration().pixelHeight, 1e-9, what + "pixel height");
				assertEquals(2.5, y.getCalibration().pixelDepth, 1e-9, what + "slice spacing");
				assertEquals("micron", y.getCalibration().getUnit(), what + "unit");
				assertEquals(x.getCalibration().pixelDepth, y.getCalibration().pixelDepth, 0, what + "spacing as the sized writer's");
				assertEquals(String.valueOf(x.getProperty("Info")), String.valueOf(y.getProperty("Info")), what + "info");
				assertTrue(String.valueOf(y.getProperty("Info")).contains("reference t00"), what + y.getProperty("Info"));
				assertEquals(x.getCalibration().getCValue(1000), y.getCalibration().getCValue(1000), 0, what + "value calibration");
				for (int z = 1; z <= n; z++)
					assertArrayEquals((float[]) x.getStack().getProcessor(z).convertToFloatProcessor().getPixels(),
							(float[]) y.getStack().getProcessor(z).convertToFloatProcessor().getPixels(), what + "slice " + z);
				// our own readers too, the hyperstack reader with all three voxel sizes
				HyperstackTiff hs = HyperstackTiff.open(late);
				assertEquals(1.25, hs.voxelXUm(), 1e-9);
				assertEquals(0.8, hs.voxelYUm(), 1e-9);
				assertEquals(2.5, hs.voxelZUm(), 1e-9);
				assertEquals(n, hs.slices());
			}
		try (Stream<Path> l = Files.list(tmp)) {
			assertTrue(l.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files left");
		}
	}

	@Test
	void aStackSizedOnCommitRefusesWhatDoesNotAddUp() throws Exception {
		Path f = tmp.resolve("bad.tif");
		try (TiffStackWriter w = TiffStackWriter.sizedOnCommit(f, 32, 1, 1, 1, Double.NaN, Double.NaN, null, null)) {
			assertThrows(TomoException.class, () -> w.commit(3, 4), "no slice written");
			w.write(new float[12]);
			assertThrows(TomoException.class, () -> w.write(new float[13]), "slices of another length");
			assertThrows(IllegalStateException.class, w::commit, "the size is needed");
			TomoException e = assertThrows(TomoException.class, () -> w.commit(5, 2));
			assertTrue(e.getMessage().contains("12 values") && e.getMessage().contains(f.toString()), e.getMessage());
		}
		try (Stream<Path> l = Files.list(tmp)) {
			assertEquals(0, l.count(), "closing without commit leaves nothing");
		}
	}

	@Test
	void volumeTiffWritesAllThreeVoxelSizes() throws Exception {
		Volume v = new Volume(5, 4, new float[][] { new float[20], new float[20], new float[20] }, 1.3, 1.1, 2.6);
		Path f = tmp.resolve("aniso.tif");
		VolumeTiff.write(v, f, "anisotropic");
		ImagePlus imp = new Opener().openImage(f.toString());
		assertEquals(1.3, imp.getCalibration().pixelWidth, 1e-9);
		assertEquals(1.1, imp.getCalibration().pixelHeight, 1e-9);
		assertEquals(2.6, imp.getCalibration().pixelDepth, 1e-9);
		// and reads them back, lazily and whole (it used to take all three equal to the pixel width)
		org.tomolyte.align.SliceSource s = VolumeTiff.slices(f);
		assertEquals(1.3, s.voxelXUm(), 1e-9);
		assertEquals(1.1, s.voxelYUm(), 1e-9);
		assertEquals(2.6, s.voxelZUm(), 1e-9);
		Volume back = VolumeTiff.read(f);
		assertEquals(1.1, back.voxelYUm(), 1e-9);
		assertEquals(2.6, back.voxelZUm(), 1e-9);
	}

	@Test
	void aTruncatedStackFailsOnOpeningNamingTheFile() throws Exception {
		Volume v = new Volume(16, 16, 8, 1.0);
		Path f = tmp.resolve("cut.tif");
		VolumeTiff.write(v, f, null);
		byte[] b = Files.readAllBytes(f);
		Files.write(f, Arrays.copyOf(b, b.length / 2));
		IOException e = assertThrows(IOException.class, () -> VolumeTiff.slices(f));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("truncated"), e.getMessage());
		assertFalse(e.getMessage().substring(f.toString().length()).contains(f.toString()), "the file is named once: " + e.getMessage());
		assertThrows(IOException.class, () -> VolumeTiff.read(f));
	}
}
