package org.tomolyte.synth.cell;

import java.util.Arrays;

/**
 * A rigid 3D transform in µm stored as a 3 × 4 affine [R | t]: p' = R p + t, with the alignment convention of
 * Tomolyte (issue 6): a scan's transform maps a point of the scan to the reference frame, the origin is the
 * centre of voxel (0,0,0), x along image columns, y along rows, z along slices. It is also readable as a
 * rotation by (rxDeg, ryDeg, rzDeg) about a centre c followed by a translation: p' = Rz Ry Rx (p − c) + c + d.
 */
public final class RigidTransform {
	private final double[][] m; // 3 × 4

	private RigidTransform(double[][] m) {
		this.m = m;
	}

	public static RigidTransform identity() {
		return new RigidTransform(new double[][] { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 } });
	}

	/** From a 3 × 4 matrix (rows; the last column is the translation in µm); it must be a rotation. */
	public static RigidTransform ofMatrix(double[][] matrix) {
		if (matrix.length != 3) throw new SyntheticCellException("Transform matrix must have 3 rows, got " + matrix.length);
		double[][] c = new double[3][];
		for (int r = 0; r < 3; r++) {
			if (matrix[r].length != 4) throw new SyntheticCellException("Transform matrix row " + r + " must have 4 values, got " + matrix[r].length);
			c[r] = matrix[r].clone();
		}
		RigidTransform t = new RigidTransform(c);
		double err = 0;
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) {
				double d = 0;
				for (int k = 0; k < 3; k++) d += c[k][i] * c[k][j];
				err = Math.max(err, Math.abs(d - (i == j ? 1 : 0)));
			}
		if (err > 1e-6) throw new SyntheticCellException("Transform matrix is not a rotation (RᵀR deviates from I by " + err + ")");
		return t;
	}

	/**
	 * p' = Rz(rz) Ry(ry) Rx(rx) (p − centre) + centre + translation; angles in degrees, right-handed about the
	 * axes, lengths in µm.
	 */
	public static RigidTransform of(double rxDeg, double ryDeg, double rzDeg, double[] centreUm, double[] translationUm) {
		double a = Math.toRadians(rxDeg), b = Math.toRadians(ryDeg), g = Math.toRadians(rzDeg);
		double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cg = Math.cos(g), sg = Math.sin(g);
		double[][] r = {
				{ cg * cb, cg * sb * sa - sg * ca, cg * sb * ca + sg * sa },
				{ sg * cb, sg * sb * sa + cg * ca, sg * sb * ca - cg * sa },
				{ -sb, cb * sa, cb * ca } };
		double[][] mm = new double[3][4];
		for (int i = 0; i < 3; i++) {
			double rc = 0;
			for (int k = 0; k < 3; k++) {
				mm[i][k] = r[i][k];
				rc += r[i][k] * centreUm[k];
			}
			mm[i][3] = centreUm[i] - rc + translationUm[i];
		}
		return new RigidTransform(mm);
	}

	/** The 3 × 4 matrix (a copy). */
	public double[][] matrix() {
		double[][] c = new double[3][];
		for (int r = 0; r < 3; r++) c[r] = m[r].clone();
		return c;
	}

	/** Row-major 12 values m00..m23, the column order of {@code transforms.csv}. */
	public double[] toRowMajor() {
		double[] v = new double[12];
		for (int r = 0; r < 3; r++)
			System.arraycopy(m[r], 0, v, 4 * r, 4);
		return v;
	}

	public double get(int row, int col) {
		return m[row][col];
	}

	/** Applies the transform to (x, y, z) µm, writing into out (length ≥ 3). */
	public void apply(double x, double y, double z, double[] out) {
		out[0] = m[0][0] * x + m[0][1] * y + m[0][2] * z + m[0][3];
		out[1] = m[1][0] * x + m[1][1] * y + m[1][2] * z + m[1][3];
		out[2] = m[2][0] * x + m[2][1] * y + m[2][2] * z + m[2][3];
	}

	public double[] apply(double[] p) {
		double[] o = new double[3];
		apply(p[0], p[1], p[2], o);
		return o;
	}

	/** Rotates a direction (no translation). */
	public double[] applyToVector(double[] v) {
		double[] o = new double[3];
		for (int i = 0; i < 3; i++)
			o[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
		return o;
	}

	/** The inverse: Rᵀ, −Rᵀ t. */
	public RigidTransform inverse() {
		double[][] c = new double[3][4];
		for (int i = 0; i < 3; i++) {
			double t = 0;
			for (int k = 0; k < 3; k++) {
				c[i][k] = m[k][i];
				t -= m[k][i] * m[k][3];
			}
			c[i][3] = t;
		}
		return new RigidTransform(c);
	}

	/** this ∘ other: first other, then this. */
	public RigidTransform compose(RigidTransform other) {
		double[][] c = new double[3][4];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 4; j++) {
				double s = j == 3 ? m[i][3] : 0;
				for (int k = 0; k < 3; k++) s += m[i][k] * other.m[k][j];
				c[i][j] = s;
			}
		}
		return new RigidTransform(c);
	}

	/** Angles (rx, ry, rz) in degrees of R = Rz Ry Rx. */
	public double[] anglesDeg() {
		double ry = Math.asin(Math.max(-1, Math.min(1, -m[2][0])));
		double rx = Math.atan2(m[2][1], m[2][2]);
		double rz = Math.atan2(m[1][0], m[0][0]);
		return new double[] { Math.toDegrees(rx), Math.toDegrees(ry), Math.toDegrees(rz) };
	}

	/** The translation d of the decomposition about {@code centreUm}: d = R c + t − c. */
	public double[] translationAboutUm(double[] centreUm) {
		double[] d = new double[3];
		for (int i = 0; i < 3; i++) {
			double s = m[i][3] - centreUm[i];
			for (int k = 0; k < 3; k++) s += m[i][k] * centreUm[k];
			d[i] = s;
		}
		return d;
	}

	/** Rotation angle of R in degrees (0 for a pure translation). */
	public double rotationAngleDeg() {
		double tr = m[0][0] + m[1][1] + m[2][2];
		return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (tr - 1) / 2))));
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof RigidTransform && Arrays.deepEquals(m, ((RigidTransform) o).m);
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(m);
	}

	@Override
	public String toString() {
		return "RigidTransform" + Arrays.deepToString(m);
	}
}
