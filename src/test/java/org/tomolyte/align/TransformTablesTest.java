package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringTokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

class TransformTablesTest {
	@TempDir
	Path dir;

	@Test
	void csvHasTheMacroApiColumnsAndRoundTrips() throws Exception {
		List<Affine3D> ts = Arrays.asList(Affine3D.identity(), Affine3D.rigid(0.5, -1.25, 2, 10.5, -3.25, 7));
		Table t = TransformTables.toTable(Arrays.asList("t00", "t01"), ts, new double[] { 0, 0.12 });
		assertEquals("scan,m00,m01,m02,m03,m10,m11,m12,m13,m20,m21,m22,m23,tx_um,ty_um,tz_um,rx_deg,ry_deg,rz_deg,residual_um", String.join(",", t.columns()));
		assertEquals(10.5, t.getDouble(1, "tx_um"), 1e-12);
		assertEquals(10.5, t.getDouble(1, "m03"), 1e-12);
		assertEquals(-1.25, t.getDouble(1, "ry_deg"), 1e-9);
		Path f = dir.resolve("transforms.csv");
		CsvTables.write(t, f);
		String header = Files.readAllLines(f).get(0);
		assertEquals(String.join(",", TransformTables.COLUMNS), header);
		List<Affine3D> back = TransformTables.fromTable(CsvTables.read(f));
		for (int i = 0; i < 2; i++)
			assertEquals(0, back.get(i).maxDifferenceUm(ts.get(i), 1000, 1000, 1000), 1e-9);
	}

	@Test
	void editedDecompositionIsRefused() {
		Table t = TransformTables.toTable(Arrays.asList("t00"), Arrays.asList(Affine3D.translation(1, 2, 3)), new double[] { 0 });
		Table bad = new Table("x", t.columns());
		Object[] row = t.row(0).values().toArray();
		row[t.columnIndex("ty_um")] = 5.0;
		bad.addRow(row);
		AlignException e = assertThrows(AlignException.class, () -> TransformTables.fromTable(bad));
		assertTrue(e.getMessage().contains("ty_um"), e.getMessage());
	}

	@Test
	void transformJMatrixIsCentredAndRoundTrips() {
		Volume v = new Volume(11, 21, 5, 2.0);
		Affine3D a = Affine3D.rigid(1, 2, 3, 4, 5, 6);
		String text = TransformTables.toTransformJ(a, v);
		String[] lines = text.trim().split("\n");
		assertEquals(4, lines.length);
		assertEquals("0.0\t0.0\t0.0\t1.0", lines[3]);
		assertEquals(0, TransformTables.fromTransformJ(text, v).maxDifferenceUm(a, 100, 100, 100), 1e-9);
		// a rotation about the volume centre has no translation in the centred form
		Affine3D aboutCentre = Affine3D.rotationAbout(10, 20, 4, 0, 0, 30);
		String[] row0 = TransformTables.toTransformJ(aboutCentre, v).split("\n")[0].split("\t");
		assertEquals(0, Double.parseDouble(row0[3]), 1e-9);
	}

	// TransformJ "Affine" as read in its source (TransformJ TJ_Matrix.load and TJ_Affine, imagescience
	// transform.Affine and transform.Transform), re-stated here independently of TransformTables: the file is
	// exactly 4 non-blank lines of 4 numbers, one delimiter chosen from the first line (comma, else space, else
	// tab), rows 0..2 used; the matrix is the forward map input → output, applied to calibrated positions
	// (pixel width/height/voxel depth) relative to the image centre (n - 1)/2 voxels; with "Adjust bounds"
	// and "Resample isotropically" unticked the output grid is the input grid, and output voxel o is filled by
	// sampling the input at continuous index (c + B·(o·v - c))/v, B the inverse of the matrix.

	/** 40 × 27 × 9 voxels of 0.65 × 0.8 × 2.6 µm: anisotropic, so µm and voxel units differ under rotation. */
	private static final int[] N = { 40, 27, 9 };
	private static final double[] V = { 0.65, 0.8, 2.6 };

	private static final SliceSource ANISOTROPIC_SCAN = new SliceSource() {
		@Override public int width() { return N[0]; }
		@Override public int height() { return N[1]; }
		@Override public int depth() { return N[2]; }
		@Override public double voxelXUm() { return V[0]; }
		@Override public double voxelYUm() { return V[1]; }
		@Override public double voxelZUm() { return V[2]; }
		@Override public float[] slice(int z) { throw new UnsupportedOperationException("only the geometry is used"); }
	};

	private static final List<Affine3D> TRANSFORMS = Arrays.asList(Affine3D.rigid(4, -7, 23, 12.5, -8.25, 5.5),
			Affine3D.of(1.02, 0.05, -0.03, 3, -0.04, 0.97, 0.06, -2, 0.02, -0.05, 1.01, 1.5));

	/** How a tool might interpret the file: TransformJ's is {@code (false, false, false)}. */
	private static final class Convention {
		final boolean centreHalfN, voxelUnits, matrixIsBackward;

		Convention(boolean centreHalfN, boolean voxelUnits, boolean matrixIsBackward) {
			this.centreHalfN = centreHalfN;
			this.voxelUnits = voxelUnits;
			this.matrixIsBackward = matrixIsBackward;
		}
	}

	private static final Convention TRANSFORMJ = new Convention(false, false, false);
	private static final List<Convention> WRONG = Arrays.asList(new Convention(true, false, false), new Convention(false, true, false),
			new Convention(false, false, true));

	/** The 3 × 4 matrix TransformJ uses, read by its rules; fails when TransformJ would refuse the file. */
	private static double[][] readAsTransformJ(String text) {
		List<String> lines = new ArrayList<>();
		for (String l : text.split("\r\n|\r|\n")) {
			String t = l.trim();
			if (!t.isEmpty()) lines.add(t);
		}
		assertEquals(4, lines.size(), "TransformJ needs exactly 4 non-blank lines");
		String first = lines.get(0);
		String delim = first.indexOf(',') >= 0 ? "," : first.indexOf(' ') >= 0 ? " " : "\t";
		double[][] m = new double[3][4];
		for (int r = 0; r < 4; r++) {
			StringTokenizer st = new StringTokenizer(lines.get(r), delim);
			assertEquals(4, st.countTokens(), "TransformJ needs 4 numbers on line " + r + ": " + lines.get(r));
			for (int c = 0; c < 4; c++) {
				double d = Double.parseDouble(st.nextToken());
				if (r < 3) m[r][c] = d;
			}
		}
		return m;
	}

	/** Inverse of the affine map y = L·x + t given as 3 × 4 rows (cofactors; independent of Affine3D). */
	private static double[][] invert(double[][] f) {
		double a = f[0][0], b = f[0][1], c = f[0][2], d = f[1][0], e = f[1][1], g = f[1][2], h = f[2][0], k = f[2][1], l = f[2][2];
		double det = a * (e * l - g * k) - b * (d * l - g * h) + c * (d * k - e * h);
		double[][] r = { { (e * l - g * k) / det, (c * k - b * l) / det, (b * g - c * e) / det, 0 },
				{ (g * h - d * l) / det, (a * l - c * h) / det, (c * d - a * g) / det, 0 },
				{ (d * k - e * h) / det, (b * h - a * k) / det, (a * e - b * d) / det, 0 } };
		for (int i = 0; i < 3; i++)
			r[i][3] = -(r[i][0] * f[0][3] + r[i][1] * f[1][3] + r[i][2] * f[2][3]);
		return r;
	}

	private static double[] unit(Convention c) {
		return c.voxelUnits ? new double[] { 1, 1, 1 } : V;
	}

	private static double[] centre(Convention c) {
		double[] u = unit(c), ctr = new double[3];
		for (int a = 0; a < 3; a++)
			ctr[a] = (c.centreHalfN ? N[a] / 2.0 : (N[a] - 1) / 2.0) * u[a];
		return ctr;
	}

	/** The scan voxel index (continuous) that output voxel {@code o} samples (TransformJ's backward loop). */
	private static double[] sampledScanIndex(double[][] file, int[] o, Convention c) {
		double[] u = unit(c), ctr = centre(c), d = new double[3], s = new double[3];
		double[][] bwd = c.matrixIsBackward ? file : invert(file);
		for (int a = 0; a < 3; a++)
			d[a] = o[a] * u[a] - ctr[a]; // output grid = input grid (bounds not adjusted, not resampled)
		for (int a = 0; a < 3; a++)
			s[a] = (ctr[a] + bwd[a][0] * d[0] + bwd[a][1] * d[1] + bwd[a][2] * d[2] + bwd[a][3]) / u[a];
		return s;
	}

	/** Where (continuous output voxel index) the content of scan voxel {@code i} ends up. */
	private static double[] outputIndexOf(double[][] file, double[] i, Convention c) {
		double[] u = unit(c), ctr = centre(c), d = new double[3], o = new double[3];
		double[][] fwd = c.matrixIsBackward ? invert(file) : file;
		for (int a = 0; a < 3; a++)
			d[a] = i[a] * u[a] - ctr[a];
		for (int a = 0; a < 3; a++)
			o[a] = (ctr[a] + fwd[a][0] * d[0] + fwd[a][1] * d[1] + fwd[a][2] * d[2] + fwd[a][3]) / u[a];
		return o;
	}

	/** Corners and a few inner voxels of the scan grid. */
	private static List<int[]> probes() {
		List<int[]> p = new ArrayList<>();
		for (int k = 0; k < 8; k++)
			p.add(new int[] { (k & 1) * (N[0] - 1), ((k >> 1) & 1) * (N[1] - 1), ((k >> 2) & 1) * (N[2] - 1) });
		p.add(new int[] { 3, 20, 7 });
		p.add(new int[] { 17, 13, 4 });
		p.add(new int[] { 39, 0, 5 });
		return p;
	}

	/**
	 * Largest distance (µm, reference frame) between where TransformJ, read with convention {@code c}, puts
	 * scan content and where {@code scanToRef} says it belongs, over the probes, both ways: the scan point an
	 * output voxel o shows must map to o's position o·v, and scan voxel i must land at scanToRef(i·v).
	 */
	private static double transformJErrorUm(String file, Affine3D scanToRef, Convention c) {
		double[][] m = readAsTransformJ(file);
		double worst = 0;
		for (int[] o : probes()) {
			double[] s = sampledScanIndex(m, o, c);
			double[] shown = scanToRef.apply(s[0] * V[0], s[1] * V[1], s[2] * V[2]);
			double[] i = { o[0], o[1], o[2] };
			double[] landed = outputIndexOf(m, i, c);
			double[] expected = scanToRef.apply(i[0] * V[0], i[1] * V[1], i[2] * V[2]);
			for (int a = 0; a < 3; a++) {
				worst = Math.max(worst, Math.abs(shown[a] - o[a] * V[a]));
				worst = Math.max(worst, Math.abs(landed[a] * V[a] - expected[a]));
			}
		}
		return worst;
	}

	private static String fileOf(Affine3D centred) {
		double[][] m = centred.toMatrix4();
		StringBuilder sb = new StringBuilder();
		for (double[] row : m)
			sb.append(row[0]).append('\t').append(row[1]).append('\t').append(row[2]).append('\t').append(row[3]).append('\n');
		return sb.toString();
	}

	@Test
	void transformJFileIsAFourLineTabMatrixTransformJAccepts() {
		String text = TransformTables.toTransformJ(TRANSFORMS.get(0), ANISOTROPIC_SCAN);
		String[] lines = text.split("\n");
		assertEquals(4, lines.length, "exactly 4 lines, no comment lines (TransformJ counts every non-blank line)");
		for (String l : lines) {
			assertEquals(4, l.split("\t").length, l);
			assertFalse(l.contains(" ") || l.contains(","), "tab is TransformJ's delimiter only when the first line has no comma or space: " + l);
		}
		assertArrayEquals(new double[] { 0, 0, 0, 1 }, Arrays.stream(lines[3].split("\t")).mapToDouble(Double::parseDouble).toArray(), 0);
		readAsTransformJ(text);
		assertThrows(AlignException.class, () -> TransformTables.fromTransformJ(String.join("\n", lines[0], lines[1], lines[2]), ANISOTROPIC_SCAN),
				"TransformJ refuses a 3 × 4 matrix, so do we");
	}

	@Test
	void transformJAppliedToTheScanPutsEveryVoxelWhereTheTransformSays() {
		for (Affine3D a : TRANSFORMS) {
			String text = TransformTables.toTransformJ(a, ANISOTROPIC_SCAN);
			assertEquals(0, transformJErrorUm(text, a, TRANSFORMJ), 1e-9, text);
		}
		// the Volume overload writes the same file for the same geometry
		Volume v = new Volume(N[0], N[1], new float[N[2]][N[0] * N[1]], V[0], V[1], V[2]);
		assertEquals(TransformTables.toTransformJ(TRANSFORMS.get(1), ANISOTROPIC_SCAN), TransformTables.toTransformJ(TRANSFORMS.get(1), v));
	}

	@Test
	void theTransformJCheckTellsTheWrongConventionsApart() {
		Affine3D a = TRANSFORMS.get(0);
		String ours = TransformTables.toTransformJ(a, ANISOTROPIC_SCAN);
		// our file read with a wrong convention (centre n/2, voxel units, matrix as backward map) misplaces voxels
		for (Convention wrong : WRONG)
			assertTrue(transformJErrorUm(ours, a, wrong) > 0.05, "convention " + wrong.centreHalfN + "/" + wrong.voxelUnits + "/" + wrong.matrixIsBackward);
		// and files written under those conventions fail under TransformJ's
		double[] c = new double[3], cHalfN = new double[3], cVox = new double[3];
		for (int k = 0; k < 3; k++) {
			c[k] = (N[k] - 1) / 2.0 * V[k];
			cHalfN[k] = N[k] / 2.0 * V[k];
			cVox[k] = (N[k] - 1) / 2.0;
		}
		Affine3D centred = Affine3D.translation(-c[0], -c[1], -c[2]).concatenate(a).concatenate(Affine3D.translation(c[0], c[1], c[2]));
		assertEquals(0, transformJErrorUm(fileOf(centred), a, TRANSFORMJ), 1e-9, "the independent construction agrees with TransformJ");
		Affine3D halfN = Affine3D.translation(-cHalfN[0], -cHalfN[1], -cHalfN[2]).concatenate(a).concatenate(Affine3D.translation(cHalfN[0], cHalfN[1], cHalfN[2]));
		Affine3D voxels = Affine3D.translation(-cVox[0], -cVox[1], -cVox[2]).concatenate(Affine3D.scaling(1 / V[0], 1 / V[1], 1 / V[2])).concatenate(a)
				.concatenate(Affine3D.scaling(V[0], V[1], V[2])).concatenate(Affine3D.translation(cVox[0], cVox[1], cVox[2]));
		for (Affine3D wrongFile : Arrays.asList(halfN, voxels, centred.inverse()))
			assertTrue(transformJErrorUm(fileOf(wrongFile), a, TRANSFORMJ) > 0.05, wrongFile.toString());
	}

	@Test
	void transformJFilesWithTheOtherDelimitersReadBack() {
		Affine3D a = TRANSFORMS.get(1);
		String text = TransformTables.toTransformJ(a, ANISOTROPIC_SCAN);
		for (String sep : Arrays.asList(",", " ", ", ")) {
			String other = text.replace("\t", sep).replace("\n", "\r\n");
			readAsTransformJ(other);
			assertEquals(0, TransformTables.fromTransformJ(other, ANISOTROPIC_SCAN).maxDifferenceUm(a, 30, 30, 30), 1e-9, sep);
		}
	}
}
