package org.tomolyte.command.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.synth.SyntheticCellGenerator;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.task.Progress;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

/**
 * "Align Time Series" on the synthetic cell's TIFF scans: output files, the transforms.csv contract, interface tilt;
 * the same scans as one ImageJ hyperstack give the same results as the folder.
 */
class AlignTimeSeriesCommandTest {

	@Test
	void writesContractFilesAndLevelsTheInterface(@TempDir Path dir) throws Exception {
		SyntheticCellGenerator.Options o = new SyntheticCellGenerator.Options();
		o.seed = 1;
		o.scans = 3;
		o.projections = false;
		Path cell = dir.resolve("cell");
		SyntheticCellGenerator.write(o, cell, Progress.NONE);
		Path out = dir.resolve("out");
		TestCommands.runner().run("Align Time Series", "input=[" + cell.resolve("cell/scans") + "] level_interface=true output=[" + out + "]");

		List<String> lines = Files.readAllLines(out.resolve("transforms.csv"));
		assertEquals("scan,m00,m01,m02,m03,m10,m11,m12,m13,m20,m21,m22,m23,tx_um,ty_um,tz_um,rx_deg,ry_deg,rz_deg,residual_um", lines.get(0));
		assertEquals(1 + o.scans, lines.size(), "one row per scan");
		for (int i = 0; i < o.scans; i++)
			assertTrue(Files.isRegularFile(out.resolve(String.format("t%02d.tif", i))), "t0" + i + ".tif written");

		// the generator's interface plane has slopes dz/dx = tan(tiltX), dz/dy = tan(tiltY) in the reference frame
		CellParameters p = CellParameters.defaults();
		Table iface = CsvTables.read(out.resolve("interface.csv"));
		assertEquals(p.tiltXDeg(), Math.abs(iface.getDouble(0, "tilt_u_deg")), 0.05, "tilt along x");
		assertEquals(p.tiltYDeg(), Math.abs(iface.getDouble(0, "tilt_v_deg")), 0.05, "tilt along y");
		double total = Math.toDegrees(Math.atan(Math.hypot(Math.tan(Math.toRadians(p.tiltXDeg())), Math.tan(Math.toRadians(p.tiltYDeg())))));
		assertEquals(total, iface.getDouble(0, "tilt_deg"), 0.05, "total tilt");
	}

	/** Saves scans as one ImageJ hyperstack (1 channel, slices per scan, one frame per scan) with ImageJ's own writer. */
	private static Path saveHyperstack(List<Volume> scans, Path file) {
		Volume v0 = scans.get(0);
		ImageStack st = new ImageStack(v0.width(), v0.height());
		for (Volume v : scans)
			for (int z = 0; z < v.depth(); z++)
				st.addSlice(new FloatProcessor(v.width(), v.height(), v.slice(z).clone()));
		ImagePlus imp = new ImagePlus("series", st);
		imp.setDimensions(1, v0.depth(), scans.size());
		imp.setOpenAsHyperStack(true);
		imp.getCalibration().pixelWidth = v0.voxelXUm();
		imp.getCalibration().pixelHeight = v0.voxelYUm();
		imp.getCalibration().pixelDepth = v0.voxelZUm();
		imp.getCalibration().setUnit("micron");
		imp.getCalibration().frameInterval = 600;
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()), "ImageJ saved " + file);
		return file;
	}

	@Test
	void hyperstackInputGivesTheSameTransformsAsTheFolder(@TempDir Path dir) throws Exception {
		// 1.25 µm voxels: exact in ImageJ's TIFF resolution (1/1.25 = 0.8 pixels per µm), so both inputs carry the
		// very same calibration and any difference in the transforms comes from reading the frames
		CellParameters p = CellParameters.defaults().toBuilder().seed(7).scanStartS(0, 600, 1200).voxelUm(1.25).projections(null).build();
		List<Volume> scans = SyntheticCell.generate(p, Progress.NONE).scans();
		Path folder = dir.resolve("scans");
		Files.createDirectories(folder);
		for (int i = 0; i < scans.size(); i++)
			VolumeTiff.write(scans.get(i), folder.resolve(String.format(Locale.ROOT, "t%02d.tif", i)), "scan " + i);
		Path hyperstack = saveHyperstack(scans, dir.resolve("series.tif"));

		Path outFolder = dir.resolve("out_folder"), outHyper = dir.resolve("out_hyperstack");
		TestCommands.runner().run("Align Time Series", "input=[" + folder + "] reference=0 mask=auto level_interface=true output=[" + outFolder + "]");
		TestCommands.runner().run("Align Time Series", "input=[" + hyperstack + "] reference=0 mask=auto level_interface=true output=[" + outHyper + "]");

		for (int i = 0; i < scans.size(); i++)
			assertTrue(Files.isRegularFile(outHyper.resolve(String.format(Locale.ROOT, "t%02d.tif", i))), "t0" + i + ".tif written");
		assertEquals(Files.readAllLines(outFolder.resolve("transforms.csv")).get(0), Files.readAllLines(outHyper.resolve("transforms.csv")).get(0),
				"same transforms.csv columns");
		Table a = CsvTables.read(outFolder.resolve("transforms.csv")), b = CsvTables.read(outHyper.resolve("transforms.csv"));
		assertEquals(scans.size(), b.rowCount(), "one row per frame");
		double maxShift = 0;
		for (int r = 0; r < scans.size(); r++) {
			assertEquals(String.format(Locale.ROOT, "t%02d", r), String.valueOf(b.get(r, "scan")), "frames are named by index");
			for (String c : new String[] { "m00", "m01", "m02", "m03", "m10", "m11", "m12", "m13", "m20", "m21", "m22", "m23", "tx_um", "ty_um", "tz_um", "rx_deg",
					"ry_deg", "rz_deg", "residual_um" })
				assertEquals(a.getDouble(r, c), b.getDouble(r, c), 1e-6, "scan " + r + " " + c);
			maxShift = Math.max(maxShift, Math.abs(b.getDouble(r, "tx_um")) + Math.abs(b.getDouble(r, "ty_um")) + Math.abs(b.getDouble(r, "tz_um")));
		}
		assertTrue(maxShift > 0.5, "the synthetic drift makes the comparison non-trivial (largest |t| sum " + maxShift + " µm)");
		assertEquals(Files.readAllLines(outFolder.resolve("interface.csv")), Files.readAllLines(outHyper.resolve("interface.csv")), "same interface");
		assertTrue(Files.isRegularFile(outHyper.resolve("transforms/t02_transformj.txt")), "TransformJ matrices named by frame");
		assertEquals(VolumeTiff.read(outFolder.resolve("t02.tif")).slice(10)[500], VolumeTiff.read(outHyper.resolve("t02.tif")).slice(10)[500], 1e-6,
				"same aligned voxels");

		// a plain z-stack (one frame) is refused, naming the file, and nothing is written
		ImagePlus one = new ImagePlus("one", stackOf(scans.get(0)));
		one.getCalibration().pixelWidth = one.getCalibration().pixelHeight = one.getCalibration().pixelDepth = 1.25;
		one.getCalibration().setUnit("micron");
		Path zstack = dir.resolve("one_scan.tif");
		assertTrue(new FileSaver(one).saveAsTiffStack(zstack.toString()));
		Path outOne = dir.resolve("out_one");
		Files.createDirectories(outOne);
		CommandFailedException e = assertThrows(CommandFailedException.class,
				() -> TestCommands.runner().run("Align Time Series", "input=[" + zstack + "] output=[" + outOne + "]"));
		assertTrue(e.getMessage().contains(zstack.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("holds one time frame; a time series needs at least 2"), e.getMessage());
		try (Stream<Path> left = Files.list(outOne)) {
			assertEquals(0, left.count(), "nothing written into the output folder");
		}
	}

	private static ImageStack stackOf(Volume v) {
		ImageStack st = new ImageStack(v.width(), v.height());
		for (int z = 0; z < v.depth(); z++)
			st.addSlice(new FloatProcessor(v.width(), v.height(), v.slice(z).clone()));
		return st;
	}
}
