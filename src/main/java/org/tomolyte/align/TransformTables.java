package org.tomolyte.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/**
 * Writes and reads per-scan transforms: the {@code transforms.csv} table of the macro API (the 3×4 matrix
 * m00..m23 mapping scan µm to reference µm, then the readable decomposition tx,ty,tz in µm and rx,ry,rz in
 * degrees with R = Rz·Ry·Rx, and the registration residual), and a matrix file for Fiji's "TransformJ Affine"
 * (E. Meijering's TransformJ on the imagescience library) so ImageJ users can re-apply a transform without
 * Tomolyte; see {@link #toTransformJ(Affine3D, SliceSource)} for what TransformJ does with it and the options
 * it needs.
 */
public final class TransformTables {
	/** The exact columns of {@code transforms.csv}. */
	public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList("scan", "m00", "m01", "m02", "m03", "m10", "m11", "m12",
			"m13", "m20", "m21", "m22", "m23", "tx_um", "ty_um", "tz_um", "rx_deg", "ry_deg", "rz_deg", "residual_um"));

	private TransformTables() {}

	/** One row per scan; {@code residualsUm} may hold NaN (e.g. for the reference, which is not registered). */
	public static Table toTable(List<String> scanNames, List<Affine3D> transforms, double[] residualsUm) {
		if (scanNames.size() != transforms.size() || residualsUm.length != transforms.size())
			throw new AlignException("transforms table needs one name, transform and residual per scan; got " + scanNames.size() + ", "
					+ transforms.size() + ", " + residualsUm.length);
		Table t = new Table("transforms", COLUMNS);
		for (int i = 0; i < transforms.size(); i++) {
			Affine3D a = transforms.get(i);
			double[] m = a.toArray(), tr = a.translationUm(), r = a.rotationDegrees();
			Object[] row = new Object[COLUMNS.size()];
			row[0] = scanNames.get(i);
			for (int k = 0; k < 12; k++)
				row[1 + k] = m[k];
			row[13] = tr[0];
			row[14] = tr[1];
			row[15] = tr[2];
			row[16] = r[0];
			row[17] = r[1];
			row[18] = r[2];
			row[19] = residualsUm[i];
			t.addRow(row);
		}
		return t;
	}

	/** Reads the matrices back (the decomposition columns are checked against them, not used). */
	public static List<Affine3D> fromTable(Table t) {
		List<Affine3D> out = new ArrayList<>();
		for (int r = 0; r < t.rowCount(); r++) {
			double[] m = new double[12];
			for (int k = 0; k < 12; k++) {
				m[k] = t.getDouble(r, COLUMNS.get(1 + k));
				if (Double.isNaN(m[k])) throw new AlignException("Transforms table row " + (r + 1) + " (scan " + t.get(r, "scan") + ") has no number in column " + COLUMNS.get(1 + k));
			}
			Affine3D a = Affine3D.of(m);
			double[] tr = a.translationUm();
			double[] given = { t.getDouble(r, "tx_um"), t.getDouble(r, "ty_um"), t.getDouble(r, "tz_um") };
			for (int k = 0; k < 3; k++)
				if (!Double.isNaN(given[k]) && Math.abs(given[k] - tr[k]) > 1e-6 * Math.max(1, Math.abs(tr[k])))
					throw new AlignException(String.format(Locale.ROOT, "Transforms table row %d (scan %s): %s = %g disagrees with the matrix (%g); edit the matrix columns, not the decomposition",
							r + 1, t.get(r, "scan"), COLUMNS.get(13 + k), given[k], tr[k]));
			out.add(a);
		}
		return out;
	}

	/**
	 * The "TransformJ Affine" matrix file of a scan → reference transform for {@code scan}; see
	 * {@link #toTransformJ(Affine3D, SliceSource)}.
	 */
	public static String toTransformJ(Affine3D scanToRef, Volume scan) {
		return toTransformJ(scanToRef, SliceSource.of(scan));
	}

	/**
	 * The "TransformJ Affine" matrix file of a scan → reference transform, for a scan given by its size and
	 * voxel sizes (µm) only.
	 * <p>
	 * What TransformJ does with it (read in its source: TransformJ {@code TJ_Matrix.load}, {@code TJ_Affine},
	 * imagescience {@code transform.Affine}): the file is exactly four non-blank lines of four numbers (no comment
	 * lines, no 3×4 form; only the first three rows are used), the delimiter being a comma if the first line holds
	 * one, else a space if it holds one, else a tab. The matrix is the forward map, input position → output
	 * position; TransformJ fills each output voxel by sampling the input through its inverse. Positions are in the
	 * image's ImageJ calibration units (pixel width, height and voxel depth, per axis) relative to the image
	 * centre, which is (n − 1)/2 voxels along each axis, in both input and output. We therefore write
	 * {@code scanToRef} re-centred: M(q) = scanToRef(q + c) − c with c the scan's centre ((n − 1)/2 · voxel size per
	 * axis, µm), four tab-separated rows, the last 0 0 0 1.
	 * <p>
	 * Use: open the scan in Fiji as one x-y-z stack (for a hyperstack, duplicate its time frame first: TransformJ
	 * applies the one matrix to every x-y-z sub-image) whose calibration (Image › Properties) is the voxel size in
	 * µm that Tomolyte used (unit micron; a file calibrated in nm or mm, or whose z spacing Fiji reads
	 * differently, must be set to those µm values first: TransformJ takes positions from the calibration, so other
	 * numbers misplace the result). Run Plugins › ImageScience › TransformJ › TransformJ Affine with this file,
	 * and untick "Adjust bounds to fit result" (ticked by default: it then discards the translation column and
	 * resizes the output) and "Resample isotropically"; in a macro, leave the {@code adjust} and {@code resample}
	 * keys out: {@code run("TransformJ Affine", "matrix=[...] interpolation=Linear background=0")}. The result has
	 * the scan's size and calibration, and its voxel (i, j, k) shows what lies at (i·vx, j·vy, k·vz) µm in the
	 * reference frame: the reference grid itself when the reference has the scan's size and voxel size (Tomolyte's
	 * own aligned output may be a crop of it).
	 */
	public static String toTransformJ(Affine3D scanToRef, SliceSource scan) {
		double cx = (scan.width() - 1) / 2.0 * scan.voxelXUm(), cy = (scan.height() - 1) / 2.0 * scan.voxelYUm(),
				cz = (scan.depth() - 1) / 2.0 * scan.voxelZUm();
		Affine3D centred = Affine3D.translation(-cx, -cy, -cz).concatenate(scanToRef).concatenate(Affine3D.translation(cx, cy, cz));
		double[][] m = centred.toMatrix4();
		StringBuilder sb = new StringBuilder();
		for (double[] row : m) {
			for (int c = 0; c < 4; c++) {
				if (c > 0) sb.append('\t');
				sb.append(Double.toString(row[c]));
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	/**
	 * Reads a TransformJ matrix file (as {@link #toTransformJ} or TransformJ's own Matrix dialog writes it: four
	 * rows of four numbers separated by tabs, spaces or commas) back into a scan → reference transform of
	 * {@code scan}. As in TransformJ, the fourth row is not used.
	 */
	public static Affine3D fromTransformJ(String text, Volume scan) {
		return fromTransformJ(text, SliceSource.of(scan));
	}

	/** As {@link #fromTransformJ(String, Volume)}, for a scan read slice by slice. */
	public static Affine3D fromTransformJ(String text, SliceSource scan) {
		List<double[]> rows = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String l = line.trim();
			if (l.isEmpty()) continue;
			String[] parts = l.split("[\\s,]+");
			if (parts.length != 4) throw new AlignException("TransformJ matrix line '" + l + "' must hold 4 numbers");
			double[] row = new double[4];
			for (int c = 0; c < 4; c++) {
				try {
					row[c] = Double.parseDouble(parts[c]);
				} catch (NumberFormatException e) {
					throw new AlignException("TransformJ matrix line '" + l + "' holds a non-number: " + parts[c]);
				}
			}
			rows.add(row);
		}
		if (rows.size() != 4) throw new AlignException("A TransformJ matrix file has exactly 4 rows, got " + rows.size());
		double[] m = new double[12];
		for (int r = 0; r < 3; r++)
			System.arraycopy(rows.get(r), 0, m, r * 4, 4);
		double cx = (scan.width() - 1) / 2.0 * scan.voxelXUm(), cy = (scan.height() - 1) / 2.0 * scan.voxelYUm(),
				cz = (scan.depth() - 1) / 2.0 * scan.voxelZUm();
		return Affine3D.translation(cx, cy, cz).concatenate(Affine3D.of(m)).concatenate(Affine3D.translation(-cx, -cy, -cz));
	}
}
