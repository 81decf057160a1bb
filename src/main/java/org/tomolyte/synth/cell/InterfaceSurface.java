package org.tomolyte.synth.cell;

import java.util.SplittableRandom;

/**
 * The electrolyte top surface z = h(x, y) in the reference frame: a tilted plane plus a smooth random height
 * field (a sum of random plane waves with wavelengths near λ and random directions) whose own best-fit plane
 * over the contact disc is removed and whose RMS over the disc is set exactly, so the truth tilt and the
 * truth roughness are both what a plane fit on the surface measures. The random part is tabulated on a grid
 * of half a voxel and interpolated bilinearly, so the surface is continuous everywhere (also outside the
 * field, where drift may look).
 */
public final class InterfaceSurface {
	private final double centreX;
	private final double centreY;
	private final double meanHeightUm;
	private final double slopeX;
	private final double slopeY;
	private final double gridOrigin;
	private final double gridStep;
	private final int gridN;
	private final float[] rough;
	private final double maxGradient;
	private final double roughMaxAbs;
	private final double rmsUm;
	private final double peakToValleyUm;

	InterfaceSurface(CellParameters p, double centreX, double centreY, SplittableRandom random) {
		this.centreX = centreX;
		this.centreY = centreY;
		this.meanHeightUm = p.interfaceHeightUm();
		this.slopeX = Math.tan(Math.toRadians(p.tiltXDeg()));
		this.slopeY = Math.tan(Math.toRadians(p.tiltYDeg()));
		double v = p.voxelUm();
		double field = Math.max(p.widthVoxels(), p.heightVoxels()) * v;
		double margin = 0.5 * field + 4 * p.driftTranslationVoxels() * v + 10 * v;
		this.gridStep = 0.5 * v;
		this.gridOrigin = -margin;
		this.gridN = (int) Math.ceil((field + 2 * margin) / gridStep) + 2;
		this.rough = new float[gridN * gridN];

		double rmsTarget = p.roughnessRmsUm();
		if (rmsTarget > 0) {
			int modes = 48;
			double[] kx = new double[modes], ky = new double[modes], ph = new double[modes];
			// band-limited spectrum (|k| within ±25 % of 2π/λ, random directions): no long-wavelength power, so
			// the roughness hardly couples to a plane fit over any large region and the tilt truth is robust
			double k0 = 2 * Math.PI / p.roughnessWavelengthUm();
			for (int i = 0; i < modes; i++) {
				double k = k0 * (0.8 + 0.45 * random.nextDouble()), dir = random.nextDouble() * 2 * Math.PI;
				kx[i] = k * Math.cos(dir);
				ky[i] = k * Math.sin(dir);
				ph[i] = random.nextDouble() * 2 * Math.PI;
			}
			double[] cosY = new double[modes], sinY = new double[modes];
			double[][] cosX = new double[modes][gridN], sinX = new double[modes][gridN];
			for (int i = 0; i < modes; i++)
				for (int ix = 0; ix < gridN; ix++) {
					cosX[i][ix] = Math.cos(kx[i] * (gridOrigin + ix * gridStep));
					sinX[i][ix] = Math.sin(kx[i] * (gridOrigin + ix * gridStep));
				}
			for (int j = 0; j < gridN; j++) {
				double y = gridOrigin + j * gridStep;
				for (int i = 0; i < modes; i++) {
					cosY[i] = Math.cos(ky[i] * y + ph[i]);
					sinY[i] = Math.sin(ky[i] * y + ph[i]);
				}
				for (int ix = 0; ix < gridN; ix++) {
					double s = 0;
					for (int i = 0; i < modes; i++)
						s += cosX[i][ix] * cosY[i] - sinX[i][ix] * sinY[i];
					rough[j * gridN + ix] = (float) s;
				}
			}
			// remove the best-fit plane of the random part over the contact disc, then set its RMS there
			double r2 = p.contactRadiusUm() * p.contactRadiusUm();
			double[][] ata = new double[3][3];
			double[] atb = new double[3];
			for (int j = 0; j < gridN; j++)
				for (int ix = 0; ix < gridN; ix++) {
					double dx = gridOrigin + ix * gridStep - centreX, dy = gridOrigin + j * gridStep - centreY;
					if (dx * dx + dy * dy > r2) continue;
					double[] row = { 1, dx, dy };
					for (int a = 0; a < 3; a++) {
						atb[a] += row[a] * rough[j * gridN + ix];
						for (int b = 0; b < 3; b++) ata[a][b] += row[a] * row[b];
					}
				}
			double[] c = solve3(ata, atb);
			double ss = 0;
			long n = 0;
			for (int j = 0; j < gridN; j++)
				for (int ix = 0; ix < gridN; ix++) {
					double dx = gridOrigin + ix * gridStep - centreX, dy = gridOrigin + j * gridStep - centreY;
					int k = j * gridN + ix;
					rough[k] = (float) (rough[k] - c[0] - c[1] * dx - c[2] * dy);
					if (dx * dx + dy * dy <= r2) {
						ss += rough[k] * (double) rough[k];
						n++;
					}
				}
			double f = rmsTarget / Math.sqrt(ss / n);
			for (int k = 0; k < rough.length; k++) rough[k] *= f;
		}
		double g = 0, mx = 0, lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, ss = 0;
		long n = 0;
		double r2 = p.contactRadiusUm() * p.contactRadiusUm();
		for (int j = 0; j < gridN; j++)
			for (int ix = 0; ix < gridN; ix++) {
				int k = j * gridN + ix;
				mx = Math.max(mx, Math.abs(rough[k]));
				if (ix + 1 < gridN) g = Math.max(g, Math.abs(rough[k + 1] - rough[k]) / gridStep);
				if (j + 1 < gridN) g = Math.max(g, Math.abs(rough[k + gridN] - rough[k]) / gridStep);
				double dx = gridOrigin + ix * gridStep - centreX, dy = gridOrigin + j * gridStep - centreY;
				if (dx * dx + dy * dy <= r2) {
					lo = Math.min(lo, rough[k]);
					hi = Math.max(hi, rough[k]);
					ss += rough[k] * (double) rough[k];
					n++;
				}
			}
		this.maxGradient = Math.sqrt(2) * g + Math.hypot(slopeX, slopeY);
		this.roughMaxAbs = mx;
		this.rmsUm = n > 0 ? Math.sqrt(ss / n) : 0;
		this.peakToValleyUm = n > 0 ? hi - lo : 0;
	}

	private static double gaussian(SplittableRandom r) {
		double u1 = r.nextDouble(), u2 = r.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}

	static double[] solve3(double[][] a, double[] b) {
		double[][] m = new double[3][4];
		for (int i = 0; i < 3; i++) {
			System.arraycopy(a[i], 0, m[i], 0, 3);
			m[i][3] = b[i];
		}
		for (int c = 0; c < 3; c++) {
			int piv = c;
			for (int r = c + 1; r < 3; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
			double[] t = m[c]; m[c] = m[piv]; m[piv] = t;
			for (int r = 0; r < 3; r++) {
				if (r == c) continue;
				double f = m[r][c] / m[c][c];
				for (int k = c; k < 4; k++) m[r][k] -= f * m[c][k];
			}
		}
		return new double[] { m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2] };
	}

	/** Height of the mean (tilted) plane at (x, y). */
	public double planeHeightUm(double x, double y) {
		return meanHeightUm + slopeX * (x - centreX) + slopeY * (y - centreY);
	}

	/** The random (roughness) part at (x, y). */
	public double roughnessUm(double x, double y) {
		double gx = (x - gridOrigin) / gridStep, gy = (y - gridOrigin) / gridStep;
		gx = Math.max(0, Math.min(gridN - 1.000001, gx));
		gy = Math.max(0, Math.min(gridN - 1.000001, gy));
		int ix = (int) gx, iy = (int) gy;
		double fx = gx - ix, fy = gy - iy;
		int k = iy * gridN + ix;
		double a = rough[k] + fx * (rough[k + 1] - rough[k]);
		double b = rough[k + gridN] + fx * (rough[k + gridN + 1] - rough[k + gridN]);
		return a + fy * (b - a);
	}

	/** The surface height h(x, y) in µm. */
	public double heightUm(double x, double y) {
		return planeHeightUm(x, y) + roughnessUm(x, y);
	}

	/** ∂h/∂x and ∂h/∂y at (x, y) by central differences over a quarter voxel. */
	public double[] gradient(double x, double y) {
		double d = 0.25 * gridStep;
		return new double[] { (heightUm(x + d, y) - heightUm(x - d, y)) / (2 * d), (heightUm(x, y + d) - heightUm(x, y - d)) / (2 * d) };
	}

	/** An upper bound of |∇h| anywhere. */
	public double maxGradient() {
		return maxGradient;
	}

	/** An upper bound of |roughness| anywhere. */
	public double roughMaxAbsUm() {
		return roughMaxAbs;
	}

	public double slopeX() {
		return slopeX;
	}

	public double slopeY() {
		return slopeY;
	}

	public double centreX() {
		return centreX;
	}

	public double centreY() {
		return centreY;
	}

	public double meanHeightUm() {
		return meanHeightUm;
	}

	/** RMS of the roughness over the contact disc. */
	public double rmsUm() {
		return rmsUm;
	}

	public double peakToValleyUm() {
		return peakToValleyUm;
	}
}
