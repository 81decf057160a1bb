package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;

import ij.ImagePlus;
import ij.io.Opener;

class ReconstructorTest {
	@TempDir
	Path tmp;

	/** A raw-count scan of a phantom whose attenuation changes with the row: rows × angles × width. */
	private static ProjectionSet phantomScan(int width, int rows, int angles, double center, double pixelUm) {
		double[] a = Sinograms.evenAnglesRad(angles, 0, 180);
		float[][] proj = new float[angles][width * rows];
		for (int r = 0; r < rows; r++) {
			float[][] s = new Phantoms(new Phantoms.Disc(5, -3, 20 + r, 0.02)).sinogram(a, width, center);
			for (int i = 0; i < angles; i++)
				for (int x = 0; x < width; x++)
					proj[i][r * width + x] = (float) (20 + 1000 * Math.exp(-s[i][x]));
		}
		float[][] flats = { filled(width * rows, 1020) };
		float[][] darks = { filled(width * rows, 20) };
		return new ProjectionSet(width, rows, 0, proj, a, flats, null, darks, pixelUm, ProjectionSet.Kind.COUNTS, "phantom scan");
	}

	private static float[] filled(int n, float v) {
		float[] f = new float[n];
		java.util.Arrays.fill(f, v);
		return f;
	}

	@Test
	void streamsACalibratedStackWithAutoCentreAndPerUmValues() throws Exception {
		ProjectionSet scan = phantomScan(96, 5, 120, 49.3, 1.3);
		Path out = tmp.resolve("rec.tif");
		AtomicInteger reports = new AtomicInteger();
		Progress p = new Progress() {
			@Override
			public void report(double fraction, String message) {
				reports.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		Reconstructor.Result r = Reconstructor.run(scan, new Reconstructor.Settings().rows(1, 4).unit(Reconstructor.Unit.PER_UM).bandRows(3), out, p);
		assertEquals(49.3, r.centerPx, 0.25);
		assertTrue(reports.get() >= 4);
		ImagePlus imp = new Opener().openImage(out.toString());
		assertEquals(4, imp.getStackSize());
		assertEquals(96, imp.getWidth());
		assertEquals(1.3, imp.getCalibration().pixelWidth, 1e-9);
		assertEquals("micron", imp.getCalibration().getUnit());
		// disc of 0.02 / px = 0.02/1.3 per µm; the centre of the disc lies at (h + 5, h − 3)
		double h = 47.5;
		float v = imp.getStack().getProcessor(2).getf((int) Math.round(h + 5), (int) Math.round(h - 3));
		assertEquals(0.02 / 1.3, v, 0.02 / 1.3 * 0.03);
		assertTrue(String.valueOf(imp.getProperty("Info")).contains("center_px"));
	}

	@Test
	void sixteenBitAutoScalingIsStatedAndFolderOutputWorks() throws Exception {
		ProjectionSet scan = phantomScan(64, 2, 90, 32.0, Double.NaN);
		Path dir = tmp.resolve("slices");
		Reconstructor.Result r = Reconstructor.run(scan, new Reconstructor.Settings().center(32.0).output(16, Double.NaN, Double.NaN).filter(FilterWindow.HANN),
				dir, Progress.NONE);
		assertTrue(r.max > 0.015 && r.min < 0, "auto range " + r.min + " … " + r.max);
		ImagePlus imp = new Opener().openImage(dir.resolve("slice_00001.tif").toString());
		assertEquals(16, imp.getBitDepth());
		assertTrue(String.valueOf(imp.getProperty("Info")).contains("16-bit scaling"));
		double c = imp.getCalibration().getCValue(imp.getProcessor().get(32 + 5, 32 - 3));
		assertEquals(0.02, c, 0.002);
	}

	@Test
	void cancelLeavesNothingAndErrorsAreClear() throws Exception {
		ProjectionSet scan = phantomScan(48, 4, 60, 24.0, 1.0);
		Path out = tmp.resolve("cancelled.tif");
		AtomicInteger n = new AtomicInteger();
		Progress cancelAfterTwo = new Progress() {
			@Override
			public void report(double fraction, String message) {
				n.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return n.get() > 3;
			}
		};
		assertThrows(CancelledException.class, () -> Reconstructor.run(scan, new Reconstructor.Settings().center(24), out, cancelAfterTwo));
		try (Stream<Path> l = Files.list(tmp)) {
			assertEquals(0, l.count(), "no partial or temporary file");
		}
		TomoException e = assertThrows(TomoException.class, () -> Reconstructor.run(scan, new Reconstructor.Settings().center(60), out, Progress.NONE));
		assertTrue(e.getMessage().contains("outside the detector"), e.getMessage());
		e = assertThrows(TomoException.class, () -> Reconstructor.run(scan, new Reconstructor.Settings().rows(2, 9), out, Progress.NONE));
		assertTrue(e.getMessage().contains("rows"), e.getMessage());
		ProjectionSet noPixel = phantomScan(48, 1, 60, 24.0, Double.NaN);
		e = assertThrows(TomoException.class,
				() -> Reconstructor.run(noPixel, new Reconstructor.Settings().center(24).unit(Reconstructor.Unit.PER_UM), out, Progress.NONE));
		assertTrue(e.getMessage().contains("pixel size"), e.getMessage());
		assertTrue(!Files.exists(out));
	}

	@Test
	void preprocessingHookSeesEverySinogram() {
		ProjectionSet scan = phantomScan(48, 3, 60, 24.0, 1.0);
		AtomicInteger calls = new AtomicInteger();
		Reconstructor.Slice a = Reconstructor.preview(scan, 1, new Reconstructor.Settings().center(24));
		Reconstructor.Slice b = Reconstructor.preview(scan, 1, new Reconstructor.Settings().center(24).preprocess(s -> {
			calls.incrementAndGet();
			return s;
		}));
		assertEquals(1, calls.get());
		assertArrayEquals(a.pixels, b.pixels);
	}

	@Test
	void realToothSliceHasSampleInsideAndAirOutside() {
		ProjectionSource src = TomoInput.open(new TomoInput.Spec(TestData.file("tomo/tomopy_tooth.h5")));
		Reconstructor.Slice s = Reconstructor.preview(src, 0, new Reconstructor.Settings().filter(FilterWindow.SHEPP_LOGAN));
		int n = s.size;
		double centre = 0, edge = 0;
		int nc = 0, ne = 0;
		double h = (n - 1) / 2.0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				double r = Math.hypot(x - h, y - h);
				if (r < 0.1 * n) {
					centre += s.pixels[y * n + x];
					nc++;
				} else if (r > 0.45 * n && r < 0.49 * n) {
					edge += s.pixels[y * n + x];
					ne++;
				}
			}
		System.out.printf("tooth slice: centre mean %.4g /px, rim mean %.4g /px, centre %.3f px%n", centre / nc, edge / ne, s.centerPx);
		assertTrue(centre / nc > 5 * Math.abs(edge / ne), "tooth (attenuating) in the middle, air at the rim");
	}

	@Test
	void savuSeriesStreamsToAStack() throws Exception {
		ProjectionSource src = TomoInput.open(new TomoInput.Spec(TestData.file("tomo/savu_i13_24737_image_test/tiffs")));
		Path out = tmp.resolve("savu.tif");
		Reconstructor.Result r = Reconstructor.run(src, new Reconstructor.Settings().rows(80, 84).filter(FilterWindow.HANN), out, Progress.NONE);
		ImagePlus imp = new Opener().openImage(out.toString());
		assertEquals(5, imp.getStackSize());
		assertEquals(160, imp.getWidth());
		assertEquals(85.8, r.centerPx, 0.5);
	}

	@Test
	void halfAcquisitionScanReconstructsTheWholeSample() {
		// a disc twice as wide as half the detector, the axis 6.6 px from the right edge, 360°
		int w = 120;
		double c = 113.4;
		double[] a = Sinograms.evenAnglesRad(480, 0, 360);
		float[][] s = new Phantoms(new Phantoms.Disc(-20, 10, 60, 0.01)).sinogram(a, w, c);
		Reconstructor.Slice sl = Reconstructor.reconstruct(s, a, 1.0, new Reconstructor.Settings().halfAcquisition(true).filter(FilterWindow.SHEPP_LOGAN));
		assertEquals(c, sl.centerPx, 0.25);
		int n = sl.size;
		assertTrue(n > 2 * (c - 1), "stitched width " + n);
		double h = (n - 1) / 2.0;
		double mean = 0;
		int k = 0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				if (Math.hypot(x - h + 20, y - h - 10) < 50) {
					mean += sl.pixels[y * n + x];
					k++;
				}
		assertEquals(0.01, mean / k, 0.0003);
	}

	@Test
	void inputErrorsNameWhatIsMissing() throws Exception {
		Path empty = tmp.resolve("proj");
		Files.createDirectories(empty);
		TomoException e = assertThrows(TomoException.class, () -> TomoInput.open(new TomoInput.Spec(empty)));
		assertTrue(e.getMessage().contains("No TIFF files"), e.getMessage());
		Path sino = TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif");
		e = assertThrows(TomoException.class, () -> TomoInput.open(new TomoInput.Spec(sino)));
		assertTrue(e.getMessage().contains("No angles") && e.getMessage().contains("459"), e.getMessage());
		e = assertThrows(TomoException.class, () -> TomoInput.open(new TomoInput.Spec(tmp.resolve("missing.h5"))));
		assertTrue(e.getMessage().contains("not found"), e.getMessage());
	}

	@Test
	void userSpecsForRowsAndCentre() {
		Reconstructor.Settings s = new Reconstructor.Settings().rows("100-200").center("auto");
		assertEquals(100, s.firstRow);
		assertEquals(200, s.lastRow);
		assertTrue(Double.isNaN(s.centerPx));
		assertEquals(12.5, new Reconstructor.Settings().center("12.5").centerPx);
		assertEquals(-1, new Reconstructor.Settings().rows("all").firstRow);
		assertThrows(TomoException.class, () -> new Reconstructor.Settings().rows("a-b"));
		assertThrows(TomoException.class, () -> new Reconstructor.Settings().center("left"));
	}

	@Test
	void autoCentredPreviewIsBitIdenticalForAnyThreadCount() {
		ProjectionSet scan = phantomScan(80, 1, 100, 41.7, 1.0);
		Reconstructor.Slice one = Reconstructor.preview(scan, 0, new Reconstructor.Settings().threads(1).filter(FilterWindow.COSINE));
		Reconstructor.Slice three = Reconstructor.preview(scan, 0, new Reconstructor.Settings().threads(3).filter(FilterWindow.COSINE));
		assertEquals(one.centerPx, three.centerPx);
		assertArrayEquals(one.pixels, three.pixels);
	}

	@Test
	void realSarepy360SinogramReconstructsWithAutoCentre() {
		ProjectionSource src = TomoInput.open(new TomoInput.Spec(TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif")).angles("0-360"));
		Reconstructor.Slice s = Reconstructor.preview(src, 0, new Reconstructor.Settings().filter(FilterWindow.HANN));
		// independent check of the centre used: phase correlation of all opposite projections
		ProjectionSet li = FlatField.defaults().apply(src.readRows(0, 1)).projections();
		double pc = CenterPhaseCorrelation.find(li.anglesRad(), li.sinogram(0)).centerPx;
		assertEquals(pc, s.centerPx, 0.5);
		double inside = 0, rim = 0;
		int ni = 0, nr = 0;
		int n = s.size;
		double h = (n - 1) / 2.0;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				float v = s.pixels[y * n + x];
				assertTrue(Float.isFinite(v));
				double r = Math.hypot(x - h, y - h);
				if (r < 0.25 * n) {
					inside += v;
					ni++;
				} else if (r > 0.47 * n && r < 0.495 * n) {
					rim += v;
					nr++;
				}
			}
		System.out.printf("sarepy 360 slice: centre %.3f px, inner mean %.4g, rim mean %.4g%n", s.centerPx, inside / ni, rim / nr);
		assertTrue(inside / ni > 3 * Math.abs(rim / nr));
	}
}
