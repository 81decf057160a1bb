package org.tomolyte.command.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;

import ij.IJ;
import ij.ImagePlus;

/** "Generate Synthetic Cell" through SciJava's CommandService: files, calibration, determinism. */
class GenerateSyntheticCellCommandTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void writesScansTruthAndElectrochemistryDeterministically(@TempDir Path dir) throws Exception {
		Path a = dir.resolve("a"), b = dir.resolve("b");
		runner.run("Generate Synthetic Cell", "output=[" + a + "] seed=5 scans=2 projections=false");
		runner.run("Generate Synthetic Cell", "output=[" + b + "] seed=5 scans=2 projections=false");
		for (String f : new String[] { "scans.csv", "cell/truth.json", "cell/scans/t01.tif", "echem/ccd.csv", "echem/ccd_spectra.csv", "truth/ccd.json" }) {
			assertTrue(Files.isRegularFile(a.resolve(f)), f);
			assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), "same seed, same bytes: " + f);
		}
		assertFalse(Files.exists(a.resolve("cell/projections")), "projections=false honoured");
		Table scans = CsvTables.read(a.resolve("scans.csv"));
		assertEquals(2, scans.rowCount());
		assertEquals(600.0, scans.getDouble(1, "start_s"));
		ImagePlus scan = IJ.openImage(a.resolve(scans.get(1, "file").toString()).toString());
		assertEquals("µm", scan.getCalibration().getUnit().replace("micron", "µm"));
		assertEquals(1.3, scan.getCalibration().pixelWidth, 1e-5, "TIFF stores the voxel size as a rational");
		assertEquals(64, scan.getStackSize());
		Trace plating = TraceFiles.read(a.resolve("echem/xct_plating.csv"));
		assertTrue(plating.rowCount() > 100);
		double[] i = plating.currentMa();
		assertTrue(i[10] < 0, "plating current is negative (EC-Lab sign)");
	}

	@Test
	void otherSeedGivesOtherNoise(@TempDir Path dir) throws Exception {
		runner.run("Generate Synthetic Cell", "output=[" + dir.resolve("a") + "] seed=1 scans=1 projections=false");
		runner.run("Generate Synthetic Cell", "output=[" + dir.resolve("b") + "] seed=2 scans=1 projections=false");
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/cell/scans/t00.tif")), Files.readAllBytes(dir.resolve("b/cell/scans/t00.tif"))));
	}
}
