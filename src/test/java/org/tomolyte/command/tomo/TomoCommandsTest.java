package org.tomolyte.command.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/** The tomography commands run by label with macro options, as a macro would, on the real and synthetic scans. */
class TomoCommandsTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void findRotationCenterOnTheToothHdf5(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("c.csv");
		runner.run("Find Rotation Center", "input=[" + TestData.file("tomo/tomopy_tooth.h5") + "] row=-1 output=[" + csv + "]");
		Table t = CsvTables.read(csv);
		assertEquals(1, t.rowCount());
		assertEquals(1, t.getDouble(0, "row"), "middle of the 2 detector rows");
		double c = t.getDouble(0, "center_px");
		System.out.printf("tooth centre %.3f (phase correlation %.3f)%n", c, t.getDouble(0, "phase_correlation_px"));
		assertTrue(c > 0 && c < 639, "inside the 640-pixel detector");
		assertEquals(c, t.getDouble(0, "phase_correlation_px"), 0.5, "the independent method agrees");
	}

	@Test
	void reconstructTwoToothRowsIntoAStack(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("tooth.tif");
		runner.run("Reconstruct Slices", "input=[" + TestData.file("tomo/tomopy_tooth.h5") + "] center=auto rows=[0-1] output=[" + out + "]");
		ImagePlus imp = IJ.openImage(out.toString());
		assertEquals(2, imp.getStackSize());
		assertEquals(640, imp.getWidth());
		assertEquals(32, imp.getBitDepth());
		// the tooth file gives no pixel size: the slice is in attenuation per pixel, uncalibrated, and says so
		String info = String.valueOf(imp.getProperty("Info"));
		System.out.println("tooth stack: unit '" + imp.getCalibration().getUnit() + "', info: " + info.replace('\n', ' '));
		assertEquals(1.0, imp.getCalibration().pixelWidth, 1e-9);
		assertTrue(info.contains("1/pixel"), "value unit stated: " + info);
		// detector rows 0 and 1 are adjacent cuts through the same tooth: the two slices must be nearly the same image
		float[] a = (float[]) imp.getStack().getPixels(1), b = (float[]) imp.getStack().getPixels(2);
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		for (int i = 0; i < a.length; i++) {
			assertTrue(Float.isFinite(a[i]) && Float.isFinite(b[i]));
			sa += a[i];
			sb += b[i];
			saa += a[i] * a[i];
			sbb += b[i] * b[i];
			sab += a[i] * b[i];
		}
		int n = a.length;
		double r = (sab / n - sa / n * sb / n) / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
		System.out.printf("tooth slices 0 and 1: correlation %.4f%n", r);
		assertTrue(r > 0.9, "adjacent slices alike, r = " + r);
	}

	@Test
	void reconstructTheSavuTiffSeries(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("savu");
		// folder of raw TIFFs; flat_/dark_ TIFFs and angles.txt (image_key order) found in the parent folder
		runner.run("Reconstruct Slices", "input=[" + TestData.file("tomo/savu_i13_24737_image_test/tiffs") + "] rows=[90-91] output=[" + out + "]");
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(2, files.filter(p -> p.getFileName().toString().endsWith(".tif")).count(), "one TIFF per slice in a folder output");
		}
		ImagePlus imp = IJ.openImage(out.resolve("slice_00090.tif").toString());
		assertEquals(160, imp.getWidth());
		float[] px = (float[]) imp.getProcessor().getPixels();
		for (float v : px)
			assertTrue(Float.isFinite(v));
	}

	/** The synthetic cell's projections (raw counts, flats, darks, angles, exact slice) in {@code dir/cell/projections}. */
	private static Path synthetic(Path dir) throws Exception {
		runner.run("Generate Synthetic Cell", "output=[" + dir + "] seed=3 scans=1");
		try (Stream<Path> s = Files.list(dir.resolve("cell/projections"))) {
			return s.filter(p -> p.getFileName().toString().endsWith("_sino.tif")).findFirst().orElseThrow();
		}
	}

	@Test
	void reconstructTheSyntheticSinogramWithItsFlatsAndDarks(@TempDir Path dir) throws Exception {
		Path sino = synthetic(dir.resolve("cell"));
		Path out = dir.resolve("slice.tif");
		Path angles = sino.resolveSibling("angles.txt");
		runner.run("Reconstruct Slices", "input=[" + sino + "] angles=[" + angles + "] center=auto rings=none output=[" + out + "]");
		ImagePlus rec = IJ.openImage(out.toString());
		ImagePlus exact = IJ.openImage(sino.toString().replace("_sino.tif", "_exact.tif"));
		assertEquals(1, rec.getStackSize());
		// the exact slice sits centred in the detector-wide reconstruction; compare by correlation (unit-free)
		int n = rec.getWidth(), w = exact.getWidth(), h = exact.getHeight();
		int ox = (n - w) / 2, oy = (n - h) / 2;
		float[] r = (float[]) rec.getProcessor().getPixels();
		float[] e = (float[]) exact.getProcessor().convertToFloat().getPixels();
		double sr = 0, se = 0, srr = 0, see = 0, sre = 0;
		int count = 0;
		double half = (n - 1) / 2.0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int xr = x + ox, yr = y + oy;
				if (Math.hypot(xr - half, yr - half) > half - 2) continue;
				double a = r[yr * n + xr], b = e[y * w + x];
				sr += a;
				se += b;
				srr += a * a;
				see += b * b;
				sre += a * b;
				count++;
			}
		double cov = sre / count - sr / count * se / count;
		double corr = cov / Math.sqrt((srr / count - sr * sr / count / count) * (see / count - se * se / count / count));
		System.out.printf("synthetic slice: correlation with the exact µ slice %.4f%n", corr);
		// Poisson noise at 20000 counts over 180 views leaves an RMS error of about 8 % of the µ range (see
		// SyntheticCellTomoTest), which caps r near 0.95; a wrong centre or a lost dead column drops it well below 0.9
		assertTrue(corr > 0.9, "reconstruction matches the exact slice, r = " + corr);
	}

	@Test
	void removeStripesOnTheNeutronSinogram(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("stripes");
		runner.run("Remove Stripes", "input=[" + TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif") + "] angles=[0-360] rings=[all] output=[" + out + "]");
		Table t = CsvTables.read(out.resolve("stripes.csv"));
		double before = t.getDouble(0, "stripe_energy_before"), after = t.getDouble(0, "stripe_energy_after");
		System.out.printf("neutron sinogram: stripe energy %.4g -> %.4g, sharpness %.4g -> %.4g%n", before, after, t.getDouble(0, "sharpness_before"),
				t.getDouble(0, "sharpness_after"));
		assertTrue(after < before / 5, "stripe energy reduced at least fivefold");
		assertTrue(t.getDouble(0, "sharpness_after") > 0.95 * t.getDouble(0, "sharpness_before"));
		assertTrue(Files.isRegularFile(out.resolve("before.tif")) && Files.isRegularFile(out.resolve("after.tif")));
	}

	@Test
	void fileWithoutTheExpectedDatasetsListsWhatItHolds(@TempDir Path dir) throws Exception {
		Path h5 = dir.resolve("other.h5");
		try (WritableHdfFile f = HdfFile.write(h5)) {
			f.putGroup("measurement").putDataset("temperature", new float[] { 20, 21, 22 });
		}
		Path out = dir.resolve("rec.tif");
		CommandFailedException e = assertThrows(CommandFailedException.class,
				() -> runner.run("Reconstruct Slices", "input=[" + h5 + "] angles=[0-180] output=[" + out + "]"));
		System.out.println(e.getMessage());
		assertTrue(e.getMessage().contains("temperature"), "names what the file does contain: " + e.getMessage());
		assertFalse(Files.exists(out), "nothing written");
	}

	@Test
	void mismatchedFlatSizeIsAClearError(@TempDir Path dir) throws Exception {
		Path sino = dir.resolve("x_sino.tif");
		ImagePlus counts = new ImagePlus("x", new FloatProcessor(64, 90));
		counts.getProcessor().set(1000);
		IJ.saveAsTiff(counts, sino.toString());
		FloatProcessor flat = new FloatProcessor(60, 4);
		flat.set(2000);
		IJ.saveAsTiff(new ImagePlus("f", flat), dir.resolve("x_flats.tif").toString());
		Path out = dir.resolve("rec.tif");
		CommandFailedException e = assertThrows(CommandFailedException.class,
				() -> runner.run("Reconstruct Slices", "input=[" + sino + "] angles=[0-180] center=32 output=[" + out + "]"));
		System.out.println(e.getMessage());
		assertTrue(e.getMessage().contains("60") && e.getMessage().contains("64"), "states both widths: " + e.getMessage());
		assertFalse(Files.exists(out), "nothing written");
	}

	@Test
	void centreOutsideTheDetectorIsAClearError(@TempDir Path dir) throws Exception {
		Path sino = synthetic(dir.resolve("cell"));
		Path out = dir.resolve("rec.tif");
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Reconstruct Slices",
				"input=[" + sino + "] angles=[" + sino.resolveSibling("angles.txt") + "] center=500 output=[" + out + "]"));
		System.out.println(e.getMessage());
		assertTrue(e.getMessage().contains("500") && e.getMessage().toLowerCase().contains("outside"), e.getMessage());
		assertFalse(Files.exists(out), "nothing written");
	}
}
