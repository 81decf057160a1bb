package org.tomolyte.cracks;

import org.tomolyte.model.Volume;

/**
 * A virtual cross-section: a 2D image sampled by trilinear interpolation on a plane through a volume, as in the
 * paper's Fig. 2c–f where the same cut through the crack is shown at every scan. The plane through a crack is
 * vertical and across the crack's trace (spanned by the horizontal part of the sheet normal and +z), so the
 * crack appears as a line running down from the interface.
 */
public final class CrossSection {
	private final double[] centreUm, axisU, axisV;
	private final int widthPx, heightPx;
	private final double stepUm;

	/**
	 * @param centreUm plane centre, µm from the centre of voxel (0,0,0)
	 * @param axisU unit vector of the image's x axis
	 * @param axisV unit vector of the image's y axis (image rows run along −axisV, so +axisV is up in the image)
	 */
	public CrossSection(double[] centreUm, double[] axisU, double[] axisV, int widthPx, int heightPx, double stepUm) {
		if (widthPx < 1 || heightPx < 1 || !(stepUm > 0)) throw new CrackException("Cross-section needs a positive size and step, got " + widthPx + "×" + heightPx + " step " + stepUm);
		this.centreUm = centreUm.clone();
		this.axisU = unit(axisU);
		this.axisV = unit(axisV);
		this.widthPx = widthPx;
		this.heightPx = heightPx;
		this.stepUm = stepUm;
	}

	/** The vertical section across a crack, centred on its deficit centre. */
	public static CrossSection acrossCrack(ObjectMeasurement m, int widthPx, int heightPx, double stepUm) {
		double[] n = m.normal();
		double h = Math.hypot(n[0], n[1]);
		double[] u = h > 1e-6 ? new double[] { n[0] / h, n[1] / h, 0 } : new double[] { 1, 0, 0 };
		return new CrossSection(m.centroidUm(), u, new double[] { 0, 0, 1 }, widthPx, heightPx, stepUm);
	}

	private static double[] unit(double[] a) {
		double l = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
		if (!(l > 0)) throw new CrackException("Cross-section axis must be non-zero");
		return new double[] { a[0] / l, a[1] / l, a[2] / l };
	}

	/** The image (x fastest, row 0 at the top); NaN outside the volume. */
	public float[] sample(Volume v) {
		float[] out = new float[widthPx * heightPx];
		for (int r = 0; r < heightPx; r++)
			for (int c = 0; c < widthPx; c++) {
				double a = (c - 0.5 * (widthPx - 1)) * stepUm, b = (0.5 * (heightPx - 1) - r) * stepUm;
				double x = (centreUm[0] + a * axisU[0] + b * axisV[0]) / v.voxelXUm();
				double y = (centreUm[1] + a * axisU[1] + b * axisV[1]) / v.voxelYUm();
				double z = (centreUm[2] + a * axisU[2] + b * axisV[2]) / v.voxelZUm();
				out[r * widthPx + c] = trilinear(v, x, y, z);
			}
		return out;
	}

	static float trilinear(Volume v, double x, double y, double z) {
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y), z0 = (int) Math.floor(z);
		if (x0 < 0 || y0 < 0 || z0 < 0 || x0 + 1 >= v.width() || y0 + 1 >= v.height() || z0 + 1 >= v.depth()) {
			int xi = (int) Math.round(x), yi = (int) Math.round(y), zi = (int) Math.round(z);
			if (xi < 0 || yi < 0 || zi < 0 || xi >= v.width() || yi >= v.height() || zi >= v.depth()) return Float.NaN;
			return v.get(xi, yi, zi);
		}
		double fx = x - x0, fy = y - y0, fz = z - z0;
		double c00 = v.get(x0, y0, z0) * (1 - fx) + v.get(x0 + 1, y0, z0) * fx;
		double c10 = v.get(x0, y0 + 1, z0) * (1 - fx) + v.get(x0 + 1, y0 + 1, z0) * fx;
		double c01 = v.get(x0, y0, z0 + 1) * (1 - fx) + v.get(x0 + 1, y0, z0 + 1) * fx;
		double c11 = v.get(x0, y0 + 1, z0 + 1) * (1 - fx) + v.get(x0 + 1, y0 + 1, z0 + 1) * fx;
		double c0 = c00 * (1 - fy) + c10 * fy, c1 = c01 * (1 - fy) + c11 * fy;
		return (float) (c0 * (1 - fz) + c1 * fz);
	}

	public int widthPx() {
		return widthPx;
	}

	public int heightPx() {
		return heightPx;
	}
}
