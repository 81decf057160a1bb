package org.tomolyte.command.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.synth.SyntheticCellGenerator;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.task.Progress;

/** "Align Time Series" on the synthetic cell's TIFF scans: output files, the transforms.csv contract, interface tilt. */
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
}
