package org.tomolyte.tomo;

/**
 * Tilt of the rotation axis in the detector plane from the centres found at several detector rows: a
 * least-squares line centre = intercept + slope · row; the tilt angle is atan(slope).
 */
public final class AxisTilt {
	public final double interceptPx;
	public final double slopePxPerRow;
	public final double rmsResidualPx;

	private AxisTilt(double interceptPx, double slopePxPerRow, double rmsResidualPx) {
		this.interceptPx = interceptPx;
		this.slopePxPerRow = slopePxPerRow;
		this.rmsResidualPx = rmsResidualPx;
	}

	/** Fits the line; needs at least two distinct rows. */
	public static AxisTilt fit(int[] rows, double[] centersPx) {
		int n = rows.length;
		if (n < 2 || centersPx.length != n) throw new TomoException("Axis tilt needs centres at two or more rows, got " + n);
		double mr = 0, mc = 0;
		for (int i = 0; i < n; i++) {
			mr += rows[i];
			mc += centersPx[i];
		}
		mr /= n;
		mc /= n;
		double srr = 0, src = 0;
		for (int i = 0; i < n; i++) {
			srr += (rows[i] - mr) * (rows[i] - mr);
			src += (rows[i] - mr) * (centersPx[i] - mc);
		}
		if (srr == 0) throw new TomoException("Axis tilt needs centres at two or more different rows");
		double slope = src / srr;
		double icpt = mc - slope * mr;
		double ss = 0;
		for (int i = 0; i < n; i++) {
			double r = centersPx[i] - (icpt + slope * rows[i]);
			ss += r * r;
		}
		return new AxisTilt(icpt, slope, Math.sqrt(ss / n));
	}

	/** Centre predicted at a row. */
	public double centerAt(double row) {
		return interceptPx + slopePxPerRow * row;
	}

	/** Tilt in degrees (positive: the axis leans to larger x further down the detector). */
	public double angleDeg() {
		return Math.toDegrees(Math.atan(slopePxPerRow));
	}
}
