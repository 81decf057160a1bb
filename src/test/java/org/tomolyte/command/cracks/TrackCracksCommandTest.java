package org.tomolyte.command.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.synth.cell.SyntheticCellWriter;
import org.tomolyte.task.Progress;

/** "Track Cracks" through the command path on a synthetic cell whose scans need no alignment. */
class TrackCracksCommandTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void tracksMatchTheGeneratorsTruthAndFilesFollowTheContract(@TempDir Path dir) throws Exception {
		CellParameters p = CellParameters.defaults().toBuilder().seed(3).noDrift().projections(null).build();
		Path cell = dir.resolve("cell");
		SyntheticCellWriter.write(SyntheticCell.generate(p, Progress.NONE), cell);
		Path out = dir.resolve("cracks out");
		runner.run("Track Cracks", "input=[" + cell.resolve("scans") + "] scans=[" + cell.resolve("scans.csv") + "] area_cm2=0.126 slab_um=80 output=[" + out + "]");

		Table tracks = CsvTables.read(out.resolve("tracks.csv"));
		assertEquals(Arrays.asList("scan", "time_s", "capacity_mah_cm2", "track_id", "kind", "event", "depth_um", "length_um", "area_um2", "volume_um3",
				"opening_um", "infiltrated"), tracks.columns());
		assertEquals(Arrays.asList("scan", "contact_fraction", "roughness_rms_um", "tilt_deg"), CsvTables.read(out.resolve("interface.csv")).columns());
		Table truth = CsvTables.read(cell.resolve("tracks_truth.csv"));
		assertEquals(truth.rowCount(), tracks.rowCount(), "one row per object per scan");
		for (int r = 0; r < truth.rowCount(); r++) {
			assertEquals(truth.getDouble(r, "scan"), tracks.getDouble(r, "scan"), "row " + r);
			assertEquals(truth.getDouble(r, "track_id"), tracks.getDouble(r, "track_id"), "row " + r);
			assertEquals(truth.get(r, "kind"), tracks.get(r, "kind"), "row " + r);
			assertEquals(truth.get(r, "event"), tracks.get(r, "event"), "row " + r);
			assertEquals("true".equals(String.valueOf(truth.get(r, "infiltrated"))), tracks.getDouble(r, "infiltrated") == 1, "row " + r);
			assertEquals(truth.getDouble(r, "time_s"), tracks.getDouble(r, "time_s"), 1e-9, "scan start times from scans.csv");
		}
		Volume kinds = VolumeTiff.read(out.resolve("kinds/t04.tif"));
		boolean crack = false, chip = false;
		for (int z = 0; z < kinds.depth(); z++)
			for (float v : kinds.slice(z)) {
				crack |= v == 5;
				chip |= v == 6;
				assertTrue(v == 0 || v == 5 || v == 6, "kind labels are 0, 5 or 6");
			}
		assertTrue(crack && chip, "the last scan holds the crack and the detached chip");
		assertTrue(java.nio.file.Files.size(out.resolve("depth_vs_charge.png")) > 1000);
		ij.ImagePlus overlay = ij.IJ.openImage(out.resolve("overlays/t04.tif").toString());
		assertEquals(ij.ImagePlus.COLOR_RGB, overlay.getType(), "outlines over the slices as an RGB stack");
		assertEquals(kinds.depth(), overlay.getStackSize());
	}

	@Test
	void wholeChainOnADriftingCellMeetsTheAccuracyTargets(@TempDir Path dir) throws Exception {
		// generate (drift, rotation, tilt, noise, rings) -> Align Time Series (with levelling) -> Track Cracks
		Path cell = dir.resolve("cell");
		runner.run("Generate Synthetic Cell", "output=[" + cell + "] seed=1 projections=false");
		runner.run("Align Time Series", "input=[" + cell.resolve("cell/scans") + "] reference=0 mask=auto level_interface=true output=[" + dir.resolve("aligned") + "]");
		Path out = dir.resolve("cracks");
		runner.run("Track Cracks", "input=[" + dir.resolve("aligned") + "] scans=[" + cell.resolve("scans.csv") + "] echem=[" + cell.resolve("echem/xct_plating.csv")
				+ "] area_cm2=" + org.tomolyte.synth.SyntheticCellGenerator.AREA_CM2 + " output=[" + out + "]");
		Table tracks = CsvTables.read(out.resolve("tracks.csv"));
		Table truth = CsvTables.read(cell.resolve("cell/tracks_truth.csv"));
		double voxel = 1.3;
		assertEquals(truth.rowCount(), tracks.rowCount());
		for (int r = 0; r < truth.rowCount(); r++) {
			String row = "row " + r + " (" + truth.get(r, "kind") + " in scan " + truth.get(r, "scan") + ")";
			assertEquals(truth.get(r, "event"), tracks.get(r, "event"), row);
			assertEquals(truth.getDouble(r, "track_id"), tracks.getDouble(r, "track_id"), row);
			assertEquals(truth.getDouble(r, "capacity_mah_cm2"), tracks.getDouble(r, "capacity_mah_cm2"), 0.005, row + ": charge axis");
			assertEquals(truth.getDouble(r, "depth_um"), tracks.getDouble(r, "depth_um"), 2 * voxel, row + ": depth within 2 voxels");
			assertEquals(truth.getDouble(r, "volume_um3"), tracks.getDouble(r, "volume_um3"), 0.15 * truth.getDouble(r, "volume_um3"), row + ": volume within 15 %");
			if ("crack".equals(truth.get(r, "kind"))) {
				assertEquals(truth.getDouble(r, "area_um2"), tracks.getDouble(r, "area_um2"), 0.15 * truth.getDouble(r, "area_um2"), row + ": face area within 15 %");
				assertEquals(truth.getDouble(r, "opening_um"), tracks.getDouble(r, "opening_um"), voxel, row + ": opening within 1 voxel");
			}
		}
	}
}
