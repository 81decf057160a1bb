package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.tomo.AngleList;
import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.TomoException;

import ij.ImagePlus;
import ij.io.Opener;

class TiffIoTest {
	@TempDir
	Path tmp;

	@Test
	void readsSavuSeriesWithFlatDarkAndImageKeyOrderedAngles() {
		Path dir = TestData.file("tomo/savu_i13_24737_image_test");
		List<Path> proj = TiffProjectionSeries.list(dir.resolve("tiffs"));
		assertEquals(91, proj.size());
		double[] a = AngleList.fromFile(dir.resolve("angles.txt"), 91);
		// angles.txt[10:101]: −88.2° to 91.8° in 2° steps
		assertEquals(Math.toRadians(-88.2), a[0], 1e-5);
		assertEquals(Math.toRadians(91.8), a[90], 1e-5);
		assertEquals(Math.toRadians(2), a[1] - a[0], 1e-5);
		TiffProjectionSeries s = TiffProjectionSeries.open(proj, List.of(dir.resolve("flat_00001.tiff")), List.of(dir.resolve("dark_00001.tiff")), a,
				Double.NaN, ProjectionSet.Kind.COUNTS);
		assertEquals(160, s.width());
		assertEquals(135, s.height());
		ProjectionSet band = s.readRows(60, 3);
		ProjectionSet whole = s.readRows(0, 135);
		for (int i = 0; i < 91; i += 30)
			for (int x = 0; x < 160; x++)
				assertEquals(whole.projections()[i][61 * 160 + x], band.projections()[i][160 + x]);
		assertEquals(1, band.flats().length);
		assertEquals(1, band.darks().length);
		// cross-check against ImageJ's own reader
		ImagePlus imp = new Opener().openImage(proj.get(45).toString());
		assertEquals(imp.getProcessor().getPixelValue(17, 61), band.projections()[45][160 + 17], 0);
	}

	@Test
	void readsTheSarepySinogram() {
		Path f = TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif");
		assertEquals(459, TiffSinogram.angleCount(f));
		ProjectionSet s = TiffSinogram.read(f, AngleList.parse("0-360", 459), Double.NaN, ProjectionSet.Kind.COUNTS);
		assertEquals(503, s.width());
		ImagePlus imp = new Opener().openImage(f.toString());
		assertEquals(imp.getProcessor().getPixelValue(200, 100), s.sinogram(0)[100][200], 0);
		TomoException e = assertThrows(TomoException.class, () -> TiffSinogram.read(f, AngleList.parse("0-180", 400), Double.NaN, ProjectionSet.Kind.COUNTS));
		assertTrue(e.getMessage().contains("459"), e.getMessage());
	}

	@Test
	void mismatchedFlatIsRejected() {
		Path dir = TestData.file("tomo/savu_i13_24737_image_test");
		List<Path> proj = TiffProjectionSeries.list(dir.resolve("tiffs"));
		Path sino = TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif");
		TomoException e = assertThrows(TomoException.class, () -> TiffProjectionSeries.open(proj, List.of(sino), List.of(), AngleList.parse("0-180", 91),
				Double.NaN, ProjectionSet.Kind.COUNTS));
		assertTrue(e.getMessage().contains("flat") && e.getMessage().contains("503"), e.getMessage());
		TomoException e2 = assertThrows(TomoException.class,
				() -> TiffProjectionSeries.open(proj, List.of(), List.of(), AngleList.parse("0-180", 90), Double.NaN, ProjectionSet.Kind.COUNTS));
		assertTrue(e2.getMessage().contains("91 projections"), e2.getMessage());
	}

	@Test
	void writesA16BitStackThatImageJReadsWithCalibrationAndScaling() throws Exception {
		Path out = tmp.resolve("rec.tif");
		int w = 7, h = 5, n = 3;
		try (TiffStackWriter wr = new TiffStackWriter(out, w, h, n, 16, 1.3, -0.01, 0.05, "1/um", "scaling: min -0.01 max 0.05")) {
			for (int z = 0; z < n; z++) {
				float[] s = new float[w * h];
				for (int i = 0; i < s.length; i++)
					s[i] = -0.01f + 0.06f * i / (s.length - 1) + (z == 2 && i == 0 ? -1 : 0);
				wr.write(s);
			}
			assertFalse(Files.exists(out), "nothing at the destination before commit");
			wr.commit();
			assertEquals(1, wr.clippedCount());
		}
		ImagePlus imp = new Opener().openImage(out.toString());
		assertEquals(n, imp.getStackSize());
		assertEquals(16, imp.getBitDepth());
		assertEquals(1.3, imp.getCalibration().pixelWidth, 1e-9);
		assertEquals(1.3, imp.getCalibration().pixelDepth, 1e-9);
		assertEquals("micron", imp.getCalibration().getUnit());
		imp.setSlice(2);
		// calibrated value of the last pixel = max
		assertEquals(0.05, imp.getCalibration().getCValue(imp.getStack().getProcessor(2).get(w * h - 1)), 1e-6);
		assertEquals(0, imp.getStack().getProcessor(3).get(0));
		assertTrue(String.valueOf(imp.getProperty("Info")).contains("scaling: min -0.01"), "Info: " + imp.getProperty("Info"));
		try (Stream<Path> l = Files.list(tmp)) {
			assertEquals(Collections.singletonList(out), l.collect(java.util.stream.Collectors.toList()), "no temporary files left");
		}
	}

	@Test
	void uncommittedStackLeavesNothing() throws Exception {
		Path out = tmp.resolve("partial.tif");
		try (TiffStackWriter wr = new TiffStackWriter(out, 4, 4, 3, 32, Double.NaN, 0, 0, null, null)) {
			wr.write(new float[16]);
			assertThrows(TomoException.class, wr::commit);
		}
		try (Stream<Path> l = Files.list(tmp)) {
			assertEquals(0, l.count());
		}
	}
}
