package org.tomolyte.align;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Table;

/**
 * What an alignment leaves besides its transforms, so that it can be re-applied later to other channels or
 * label images of the same scans: the output grid as the one-row {@code grid.csv} table, and the check that a
 * volume has the calibration the transforms (in µm) were measured for.
 * <p>
 * {@code grid.csv} holds the {@link OutputGrid}: its size in voxels, its voxel sizes (µm) and where the
 * centre of its voxel (0,0,0) lies in the aligned frame (µm; the frame of {@code transforms.csv}, i.e. the
 * reference scan's own frame, levelled when levelling was on, whose origin is the centre of the reference's
 * voxel (0,0,0)). The origin is a voxel centre, not a corner: output voxel (i,j,k) is at
 * {@code first_voxel_centre + (i·voxel_x, j·voxel_y, k·voxel_z)}.
 */
public final class AlignmentFiles {
	/** The exact columns of {@code grid.csv}. */
	public static final List<String> GRID_COLUMNS = Collections.unmodifiableList(Arrays.asList("width", "height", "depth", "voxel_x_um", "voxel_y_um",
			"voxel_z_um", "first_voxel_centre_x_um", "first_voxel_centre_y_um", "first_voxel_centre_z_um"));
	/** Relative voxel-size difference tolerated between a volume and the grid, as the aligner tolerates between scans. */
	public static final double VOXEL_TOLERANCE = 0.01;

	private AlignmentFiles() {}

	/** The one-row {@code grid.csv} table of an output grid. */
	public static Table gridTable(OutputGrid g) {
		Table t = new Table("grid", GRID_COLUMNS);
		t.addRow(g.width(), g.height(), g.depth(), g.voxelXUm(), g.voxelYUm(), g.voxelZUm(), g.originXUm(), g.originYUm(), g.originZUm());
		return t;
	}

	/** Reads the grid back from a {@code grid.csv} table, refusing anything but one row of whole sizes and positive voxel sizes. */
	public static OutputGrid gridFromTable(Table t) {
		for (String c : GRID_COLUMNS)
			if (!t.columns().contains(c)) throw new AlignException("Grid table " + t.title() + " has no column " + c + "; expected " + String.join(",", GRID_COLUMNS));
		if (t.rowCount() != 1) throw new AlignException("Grid table " + t.title() + " has " + t.rowCount() + " rows; expected exactly one");
		int[] n = new int[3];
		for (int k = 0; k < 3; k++) {
			double v = t.getDouble(0, GRID_COLUMNS.get(k));
			if (!(v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v)))
				throw new AlignException("Grid table " + t.title() + ": " + GRID_COLUMNS.get(k) + " is " + t.get(0, GRID_COLUMNS.get(k)) + ", not a positive whole number");
			n[k] = (int) v;
		}
		double[] x = new double[6];
		for (int k = 0; k < 6; k++) {
			String c = GRID_COLUMNS.get(3 + k);
			x[k] = t.getDouble(0, c);
			if (!Double.isFinite(x[k]) || (k < 3 && !(x[k] > 0)))
				throw new AlignException("Grid table " + t.title() + ": " + c + " is " + t.get(0, c) + ", not " + (k < 3 ? "a positive number" : "a number"));
		}
		return new OutputGrid(n[0], n[1], n[2], x[0], x[1], x[2], x[3], x[4], x[5]);
	}

	/**
	 * Refuses a volume ({@code what} names it in the message) whose voxel sizes differ from the grid's by more than
	 * {@link #VOXEL_TOLERANCE}: the transforms are in µm and map positions of a scan with the grid's calibration,
	 * so another calibration would place every voxel wrongly.
	 */
	public static void checkVoxelSize(SliceSource volume, OutputGrid grid, String what) {
		double[] a = { grid.voxelXUm(), grid.voxelYUm(), grid.voxelZUm() }, b = { volume.voxelXUm(), volume.voxelYUm(), volume.voxelZUm() };
		for (int k = 0; k < 3; k++)
			if (!(Math.abs(a[k] - b[k]) <= VOXEL_TOLERANCE * a[k]))
				throw new AlignException(String.format(Locale.ROOT,
						"%s has voxels of %s µm but the alignment's grid has %s µm (more than 1 %% apart); the transforms are in µm for scans of that "
								+ "calibration: resample it to that calibration first, or correct its calibration",
						what, Arrays.toString(b), Arrays.toString(a)));
	}
}
