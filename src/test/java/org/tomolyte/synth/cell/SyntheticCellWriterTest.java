package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.task.Progress;

import ij.ImagePlus;
import ij.io.Opener;

/** The written folder holds calibrated stacks, the scan table, the truth and the projections, as documented. */
class SyntheticCellWriterTest {
	@Test
	void writesTheDocumentedLayoutWithCalibration(@TempDir Path tmp) throws Exception {
		CellParameters p = CellParameters.builder().sizeVoxels(40, 36, 24).voxelUm(3.0).scanCount(3).capacitiesMahCm2(0, 0.35, 0.45)
				.projections(ProjectionParameters.builder().angleCount(50).sliceIndices(8, 12).build()).build();
		SyntheticCellData d = SyntheticCell.generate(p, Progress.NONE);
		Path dir = tmp.resolve("cell");
		SyntheticCellWriter.write(d, dir, new double[] { 10, 700, 1300 }, Progress.NONE);

		for (int s = 0; s < 3; s++) {
			ImagePlus scan = new Opener().openImage(dir.resolve(String.format("scans/t%02d.tif", s)).toString());
			assertEquals(40, scan.getWidth());
			assertEquals(36, scan.getHeight());
			assertEquals(24, scan.getStackSize());
			assertEquals(ImagePlus.GRAY32, scan.getType());
			assertEquals(3.0, scan.getCalibration().pixelWidth, 1e-5); // TIFF resolution is a rational
			assertEquals(3.0, scan.getCalibration().pixelDepth, 1e-9);
			assertTrue(scan.getCalibration().getUnit().matches("µm|micron|um"), scan.getCalibration().getUnit());
			assertArrayEquals(d.scans().get(s).slice(7), (float[]) scan.getStack().getPixels(8));
			ImagePlus lab = new Opener().openImage(dir.resolve(String.format("labels/t%02d.tif", s)).toString());
			assertEquals(ImagePlus.GRAY8, lab.getType());
			assertEquals(24, lab.getStackSize());
			assertEquals(3.0, lab.getCalibration().pixelHeight, 1e-5);
			byte[] b = (byte[]) lab.getStack().getPixels(5);
			for (int i = 0; i < b.length; i++) assertEquals(d.labels().get(s).slice(4)[i], b[i], 0);
		}
		Table scans = CsvTables.read(dir.resolve("scans.csv"));
		assertEquals(List.of("scan", "file", "start_s", "capacity_mah_cm2"), scans.columns());
		assertEquals(3, scans.rowCount());
		assertEquals("scans/t01.tif", scans.get(1, "file"));
		assertEquals(700.0, scans.get(1, "start_s"));
		assertEquals(0.35, (Double) scans.get(1, "capacity_mah_cm2"), 1e-12);

		Table tr = CsvTables.read(dir.resolve("transforms_truth.csv"));
		double[][] m = d.truth().scans.get(2).transform;
		assertEquals(m[1][3], tr.column("m13")[2], 1e-12);
		assertEquals(m[2][0], tr.column("m20")[2], 1e-12);

		CellTruth back = TruthJson.fromJson(new String(Files.readAllBytes(dir.resolve("truth.json")), StandardCharsets.UTF_8));
		assertEquals(d.truth().scans.get(2).crack.volumeUm3, back.scans.get(2).crack.volumeUm3, 0);
		assertEquals(d.truth().scans.get(1).chip.detached, back.scans.get(1).chip.detached);
		assertEquals(d.truth().scans.get(1).contactFraction, back.scans.get(1).contactFraction, 0);
		assertEquals(2, back.projections.size());

		for (int slice : new int[] { 8, 12 }) {
			String base = String.format("projections/slice_%03d_", slice);
			ImagePlus sino = new Opener().openImage(dir.resolve(base + "sino.tif").toString());
			assertEquals(50, sino.getHeight());
			assertEquals(d.projections().get(0).detectorWidth(), sino.getWidth());
			assertEquals(10, new Opener().openImage(dir.resolve(base + "flats.tif").toString()).getHeight());
			assertEquals(5, new Opener().openImage(dir.resolve(base + "darks.tif").toString()).getHeight());
			assertEquals(40, new Opener().openImage(dir.resolve(base + "exact.tif").toString()).getWidth());
		}
		List<String> angles = Files.readAllLines(dir.resolve("projections/angles.txt"));
		assertEquals(50, angles.size());
		assertEquals(3.6, Double.parseDouble(angles.get(1)), 1e-12);

		Table tracks = CsvTables.read(dir.resolve("tracks_truth.csv"));
		assertEquals(List.of("scan", "time_s", "capacity_mah_cm2", "track_id", "kind", "event", "depth_um", "length_um", "area_um2", "volume_um3", "opening_um",
				"infiltrated"), tracks.columns());
		// scan 1 (0.35 mAh cm⁻²): crack initiated, chip detached; scan 2 (0.45): both infiltrated
		assertEquals(4, tracks.rowCount());
		assertEquals("crack", tracks.get(0, "kind"));
		assertEquals("initiation", tracks.get(0, "event"));
		assertEquals(700.0, tracks.get(0, "time_s"));
		assertEquals("chip", tracks.get(1, "kind"));
		assertEquals("detachment", tracks.get(1, "event"));
		assertEquals("infiltration", tracks.get(2, "event"));
		assertEquals("true", tracks.get(3, "infiltrated"));
		assertEquals(d.truth().scans.get(2).crack.volumeUm3, tracks.column("volume_um3")[2], 1e-9);
		Table iface = CsvTables.read(dir.resolve("interface_truth.csv"));
		assertEquals(d.truth().scans.get(1).contactFraction, iface.column("contact_fraction")[1], 1e-12);
	}

	@Test
	void streamingWriteGivesTheSameFilesAsWritingFromMemory(@TempDir Path tmp) throws Exception {
		CellParameters p = CellParameters.builder().sizeVoxels(32, 32, 20).voxelUm(4).scanCount(2).capacitiesMahCm2(0.0, 0.45)
				.projections(ProjectionParameters.builder().angleCount(30).build()).build();
		SyntheticCellWriter.write(SyntheticCell.generate(p, Progress.NONE), tmp.resolve("memory"));
		SyntheticCellWriter.write(SyntheticCell.open(p, Progress.NONE), tmp.resolve("stream"), null, Progress.NONE);
		for (String f : new String[] { "scans/t00.tif", "scans/t01.tif", "labels/t01.tif", "truth.json", "scans.csv", "tracks_truth.csv" })
			assertArrayEquals(Files.readAllBytes(tmp.resolve("memory").resolve(f)), Files.readAllBytes(tmp.resolve("stream").resolve(f)), f);
	}

	@Test
	void refusesStartTimesThatDoNotMatchTheScans(@TempDir Path tmp) {
		SyntheticCellData d = SyntheticCell.generate(CellParameters.builder().sizeVoxels(24, 24, 16).voxelUm(5).scanCount(2).projections(null).build(), Progress.NONE);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticCellWriter.write(d, tmp, new double[] { 0 }, Progress.NONE));
		assertTrue(e.getMessage().contains("scanStartS"));
	}
}
