package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/** grid.csv round-trips exactly through CSV; malformed grids and mismatched calibrations are refused with a reason. */
class AlignmentFilesTest {

	@Test
	void gridRoundTripsThroughCsvExactly(@TempDir Path dir) throws Exception {
		OutputGrid g = new OutputGrid(91, 90, 58, 1.25, 1.3, 0.7, 5.0, -2.5000000000000004, 1 / 3.0);
		Path f = dir.resolve("grid.csv");
		CsvTables.write(AlignmentFiles.gridTable(g), f);
		OutputGrid r = AlignmentFiles.gridFromTable(CsvTables.read(f));
		assertEquals(Arrays.asList(91, 90, 58), Arrays.asList(r.width(), r.height(), r.depth()));
		assertEquals(Arrays.asList(1.25, 1.3, 0.7, 5.0, -2.5000000000000004, 1 / 3.0),
				Arrays.asList(r.voxelXUm(), r.voxelYUm(), r.voxelZUm(), r.originXUm(), r.originYUm(), r.originZUm()), "every double exactly");
	}

	@Test
	void malformedGridsAreRefused() {
		Object[] good = { 10, 10, 10, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0 };
		assertRefused(table(row(good, 0, 10.5)), "width is 10.5, not a positive whole number");
		assertRefused(table(row(good, 2, 0)), "depth is 0");
		assertRefused(table(row(good, 4, -1.0)), "voxel_y_um is -1.0, not a positive number");
		assertRefused(table(row(good, 6, Double.NaN)), "first_voxel_centre_x_um is NaN, not a number");
		assertRefused(table(good, good), "has 2 rows; expected exactly one");
		assertRefused(new Table("grid.csv", "width", "height", "depth"), "has no column voxel_x_um");
	}

	@Test
	void voxelSizesMoreThanOnePercentOffAreRefused() {
		OutputGrid g = new OutputGrid(4, 4, 4, 1.0, 1.0, 2.0, 0, 0, 0);
		AlignmentFiles.checkVoxelSize(SliceSource.of(volume(1.0, 1.0, 2.0)), g, "same");
		AlignmentFiles.checkVoxelSize(SliceSource.of(volume(1.009, 1.0, 1.99)), g, "within 1 %");
		AlignException e = assertThrows(AlignException.class,
				() -> AlignmentFiles.checkVoxelSize(SliceSource.of(volume(1.0, 1.0, 1.0)), g, "Scan t02 (/x/t02.tif)"));
		assertTrue(e.getMessage().startsWith("Scan t02 (/x/t02.tif) has voxels of [1.0, 1.0, 1.0] µm but the alignment's grid has [1.0, 1.0, 2.0] µm"), e.getMessage());
	}

	private static Volume volume(double vx, double vy, double vz) {
		return new Volume(4, 4, new float[4][16], vx, vy, vz);
	}

	private static Object[] row(Object[] base, int column, Object value) {
		Object[] r = base.clone();
		r[column] = value;
		return r;
	}

	private static Table table(Object[]... rows) {
		Table t = new Table("grid.csv", AlignmentFiles.GRID_COLUMNS);
		for (Object[] r : rows)
			t.addRow(r);
		return t;
	}

	private static void assertRefused(Table t, String part) {
		AlignException e = assertThrows(AlignException.class, () -> AlignmentFiles.gridFromTable(t));
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
