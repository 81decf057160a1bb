package org.tomolyte.align;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * An immutable 3D affine transform held as the 3×4 matrix {@code [m00 m01 m02 m03; m10 … m13; m20 … m23]}
 * acting on column vectors (x, y, z, 1) in µm, with the centre of voxel (0,0,0) as origin, x along image
 * columns, y along rows and z along slices. In the alignment package a transform always maps a point of a
 * scan into the reference frame.
 *
 * <p>Readable decomposition: the rotation part is written R = Rz(rz)·Ry(ry)·Rx(rx) (rotate about the fixed
 * x axis first, then y, then z; right-handed, positive angles counter-clockwise when looking down the axis
 * towards the origin), angles in degrees, and (tx, ty, tz) = (m03, m13, m23) is where the origin goes. For a
 * non-rigid affine the angles are those of the nearest rotation (polar decomposition).
 */
public final class Affine3D {
	private final double[] m;

	private Affine3D(double[] m) {
		this.m = m;
	}

	/** From the 12 row-major values m00..m23; throws if any is not finite or the matrix is singular. */
	public static Affine3D of(double... rowMajor) {
		if (rowMajor.length != 12)
			throw new AlignException("An affine transform needs 12 values (3 rows of 4), got " + rowMajor.length);
		for (double v : rowMajor)
			if (!Double.isFinite(v)) throw new AlignException("Affine transform has a non-finite value: " + Arrays.toString(rowMajor));
		Affine3D a = new Affine3D(rowMajor.clone());
		if (Math.abs(a.determinant()) < 1e-12) throw new AlignException("Affine transform is singular: " + a);
		return a;
	}

	public static Affine3D identity() {
		return new Affine3D(new double[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 });
	}

	public static Affine3D translation(double txUm, double tyUm, double tzUm) {
		return new Affine3D(new double[] { 1, 0, 0, txUm, 0, 1, 0, tyUm, 0, 0, 1, tzUm });
	}

	public static Affine3D scaling(double sx, double sy, double sz) {
		return of(sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0);
	}

	/** The rotation Rz(rz)·Ry(ry)·Rx(rx) about the origin (see the class comment for the convention). */
	public static Affine3D rotationDegrees(double rxDeg, double ryDeg, double rzDeg) {
		double a = Math.toRadians(rxDeg), b = Math.toRadians(ryDeg), g = Math.toRadians(rzDeg);
		double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cg = Math.cos(g), sg = Math.sin(g);
		return new Affine3D(new double[] {
				cg * cb, cg * sb * sa - sg * ca, cg * sb * ca + sg * sa, 0,
				sg * cb, sg * sb * sa + cg * ca, sg * sb * ca - cg * sa, 0,
				-sb, cb * sa, cb * ca, 0 });
	}

	/** Rotation (as {@link #rotationDegrees}) followed by the translation (tx, ty, tz). */
	public static Affine3D rigid(double rxDeg, double ryDeg, double rzDeg, double txUm, double tyUm, double tzUm) {
		return translation(txUm, tyUm, tzUm).concatenate(rotationDegrees(rxDeg, ryDeg, rzDeg));
	}

	/** The rotation (as {@link #rotationDegrees}) about the given centre (µm). */
	public static Affine3D rotationAbout(double cxUm, double cyUm, double czUm, double rxDeg, double ryDeg, double rzDeg) {
		return translation(cxUm, cyUm, czUm).concatenate(rotationDegrees(rxDeg, ryDeg, rzDeg)).concatenate(translation(-cxUm, -cyUm, -czUm));
	}

	/** A rigid transform from a 3×3 rotation matrix (row-major) and a translation. */
	public static Affine3D fromRotation(double[][] r, double txUm, double tyUm, double tzUm) {
		return of(r[0][0], r[0][1], r[0][2], txUm, r[1][0], r[1][1], r[1][2], tyUm, r[2][0], r[2][1], r[2][2], tzUm);
	}

	/** The element at row 0..2, column 0..3. */
	public double get(int row, int column) {
		return m[row * 4 + column];
	}

	/** The 12 values, row-major (a copy). */
	public double[] toArray() {
		return m.clone();
	}

	/** The 4×4 homogeneous matrix (a copy). */
	public double[][] toMatrix4() {
		return new double[][] { { m[0], m[1], m[2], m[3] }, { m[4], m[5], m[6], m[7] }, { m[8], m[9], m[10], m[11] }, { 0, 0, 0, 1 } };
	}

	/** Maps a point; {@code out} may be {@code p}. */
	public double[] apply(double[] p, double[] out) {
		double x = p[0], y = p[1], z = p[2];
		out[0] = m[0] * x + m[1] * y + m[2] * z + m[3];
		out[1] = m[4] * x + m[5] * y + m[6] * z + m[7];
		out[2] = m[8] * x + m[9] * y + m[10] * z + m[11];
		return out;
	}

	public double[] apply(double x, double y, double z) {
		return apply(new double[] { x, y, z }, new double[3]);
	}

	/** this ∘ other: the transform that applies {@code other} first, then this. */
	public Affine3D concatenate(Affine3D other) {
		double[] a = m, b = other.m, c = new double[12];
		for (int r = 0; r < 3; r++) {
			for (int col = 0; col < 4; col++) {
				double s = a[r * 4] * b[col] + a[r * 4 + 1] * b[4 + col] + a[r * 4 + 2] * b[8 + col];
				if (col == 3) s += a[r * 4 + 3];
				c[r * 4 + col] = s;
			}
		}
		return new Affine3D(c);
	}

	/** other ∘ this: applies this first, then {@code other}. */
	public Affine3D then(Affine3D other) {
		return other.concatenate(this);
	}

	public double determinant() {
		return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8]) + m[2] * (m[4] * m[9] - m[5] * m[8]);
	}

	public Affine3D inverse() {
		double det = determinant();
		if (Math.abs(det) < 1e-12) throw new AlignException("Cannot invert a singular affine transform: " + this);
		double[] i = new double[12];
		i[0] = (m[5] * m[10] - m[6] * m[9]) / det;
		i[1] = (m[2] * m[9] - m[1] * m[10]) / det;
		i[2] = (m[1] * m[6] - m[2] * m[5]) / det;
		i[4] = (m[6] * m[8] - m[4] * m[10]) / det;
		i[5] = (m[0] * m[10] - m[2] * m[8]) / det;
		i[6] = (m[2] * m[4] - m[0] * m[6]) / det;
		i[8] = (m[4] * m[9] - m[5] * m[8]) / det;
		i[9] = (m[1] * m[8] - m[0] * m[9]) / det;
		i[10] = (m[0] * m[5] - m[1] * m[4]) / det;
		for (int r = 0; r < 3; r++)
			i[r * 4 + 3] = -(i[r * 4] * m[3] + i[r * 4 + 1] * m[7] + i[r * 4 + 2] * m[11]);
		return new Affine3D(i);
	}

	/** (tx, ty, tz) in µm: the image of the origin. */
	public double[] translationUm() {
		return new double[] { m[3], m[7], m[11] };
	}

	/** The nearest rotation to the linear part (equal to it for a rigid transform), row-major 3×3. */
	public double[][] rotationMatrix() {
		RealMatrix a = new Array2DRowRealMatrix(new double[][] { { m[0], m[1], m[2] }, { m[4], m[5], m[6] }, { m[8], m[9], m[10] } });
		SingularValueDecomposition svd = new SingularValueDecomposition(a);
		RealMatrix r = svd.getU().multiply(svd.getVT());
		if (new org.apache.commons.math3.linear.LUDecomposition(r).getDeterminant() < 0) {
			RealMatrix d = new Array2DRowRealMatrix(new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, -1 } });
			r = svd.getU().multiply(d).multiply(svd.getVT());
		}
		return r.getData();
	}

	/** (rx, ry, rz) in degrees with R = Rz(rz)·Ry(ry)·Rx(rx); ry is kept in [-90°, 90°]. */
	public double[] rotationDegrees() {
		double[][] r = rotationMatrix();
		double ry = Math.asin(Math.max(-1, Math.min(1, -r[2][0])));
		double rx, rz;
		if (Math.abs(r[2][0]) < 1 - 1e-12) {
			rx = Math.atan2(r[2][1], r[2][2]);
			rz = Math.atan2(r[1][0], r[0][0]);
		} else { // gimbal lock: only rx ± rz is defined, put it all in rx
			rz = 0;
			rx = Math.atan2(-r[1][2], r[1][1]);
		}
		return new double[] { Math.toDegrees(rx), Math.toDegrees(ry), Math.toDegrees(rz) };
	}

	/** Total rotation angle (degrees) of the nearest rotation, whatever the axis. */
	public double rotationAngleDegrees() {
		double[][] r = rotationMatrix();
		double c = (r[0][0] + r[1][1] + r[2][2] - 1) / 2;
		return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
	}

	/** True when the linear part is a rotation to within {@code tolerance} (orthonormal, det +1). */
	public boolean isRigid(double tolerance) {
		double[][] r = rotationMatrix();
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++)
				if (Math.abs(r[i][j] - m[i * 4 + j]) > tolerance) return false;
		return true;
	}

	/**
	 * The largest distance (µm) between the images of the eight corners of the box [0, size] under this and
	 * {@code other}: a convergence and accuracy measure that weighs rotation by the lever arm it acts on.
	 */
	public double maxDifferenceUm(Affine3D other, double sizeXUm, double sizeYUm, double sizeZUm) {
		double worst = 0;
		for (int c = 0; c < 8; c++) {
			double[] p = { (c & 1) * sizeXUm, ((c >> 1) & 1) * sizeYUm, ((c >> 2) & 1) * sizeZUm };
			double[] a = apply(p, new double[3]), b = other.apply(p, new double[3]);
			worst = Math.max(worst, Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2])));
		}
		return worst;
	}

	private static double sq(double v) {
		return v * v;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Affine3D && Arrays.equals(m, ((Affine3D) o).m);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(m);
	}

	@Override
	public String toString() {
		double[] r = rotationDegrees();
		return String.format(java.util.Locale.ROOT, "Affine3D[t=(%.4f, %.4f, %.4f) µm, r=(%.4f, %.4f, %.4f)°]", m[3], m[7], m[11], r[0], r[1], r[2]);
	}
}
