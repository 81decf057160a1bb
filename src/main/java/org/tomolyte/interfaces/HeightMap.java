package org.tomolyte.interfaces;

import java.util.Arrays;

import org.tomolyte.model.Volume;

/**
 * The electrolyte top surface z = h(x, y) of one scan at sub-voxel precision: for every column, scanning down
 * from the top slice, the first place where the grey value rises through the electrolyte threshold and stays
 * above it for two voxels, refined by linear interpolation of the crossing. Heights are in voxel (slice)
 * units of z; NaN where the column holds no surface (outside the pellet, or the surface outside the field).
 */
public final class HeightMap {
	private final int width, height;
	private final float[] heightVoxels;
	private final double voxelXUm, voxelYUm, voxelZUm;

	public HeightMap(int width, int height, float[] heightVoxels, double voxelXUm, double voxelYUm, double voxelZUm) {
		if (heightVoxels.length != width * height) throw new InterfaceException("Height map holds " + heightVoxels.length + " values, expected " + width * height);
		this.width = width;
		this.height = height;
		this.heightVoxels = heightVoxels;
		this.voxelXUm = voxelXUm;
		this.voxelYUm = voxelYUm;
		this.voxelZUm = voxelZUm;
	}

	/** The surface of {@code v} where the grey value crosses {@code electrolyteThreshold} going down. */
	public static HeightMap of(Volume v, double electrolyteThreshold) {
		int w = v.width(), h = v.height(), d = v.depth();
		float[] out = new float[w * h];
		Arrays.fill(out, Float.NaN);
		if (d < 3) throw new InterfaceException("Volume " + v + " needs at least 3 slices to find the interface");
		boolean[] aboveSeen = new boolean[w * h];
		float t = (float) electrolyteThreshold;
		for (int z = d - 1; z >= 1; z--) {
			float[] s = v.slice(z), below = v.slice(z - 1), above = z + 1 < d ? v.slice(z + 1) : null;
			for (int i = 0; i < w * h; i++) {
				if (!Float.isNaN(out[i])) continue;
				if (s[i] < t) { aboveSeen[i] = true; continue; }
				if (!aboveSeen[i] || below[i] < t) continue;
				float a = above[i];
				out[i] = (float) (z + (s[i] - t) / (s[i] - a));
			}
		}
		return new HeightMap(w, h, out, v.voxelXUm(), v.voxelYUm(), v.voxelZUm());
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public double voxelXUm() {
		return voxelXUm;
	}

	public double voxelYUm() {
		return voxelYUm;
	}

	public double voxelZUm() {
		return voxelZUm;
	}

	/** Surface height of column (x, y) in voxel units of z, or NaN. */
	public double at(int x, int y) {
		return heightVoxels[y * width + x];
	}

	public boolean valid(int x, int y) {
		return !Float.isNaN(heightVoxels[y * width + x]);
	}

	/** The heights (shared, x fastest). */
	public float[] values() {
		return heightVoxels;
	}

	/**
	 * A copy filtered by the median of the valid heights in a (2r + 1)² window; columns that were NaN stay NaN
	 * unless {@code fillHoles} and more than half their window is valid.
	 */
	public HeightMap median(int r, boolean fillHoles) {
		float[] out = new float[heightVoxels.length];
		float[] buf = new float[(2 * r + 1) * (2 * r + 1)];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int i = y * width + x;
				if (Float.isNaN(heightVoxels[i]) && !fillHoles) { out[i] = Float.NaN; continue; }
				int n = 0;
				for (int dy = -r; dy <= r; dy++) {
					int yy = y + dy;
					if (yy < 0 || yy >= height) continue;
					for (int dx = -r; dx <= r; dx++) {
						int xx = x + dx;
						if (xx < 0 || xx >= width) continue;
						float f = heightVoxels[yy * width + xx];
						if (!Float.isNaN(f)) buf[n++] = f;
					}
				}
				if (n == 0 || (Float.isNaN(heightVoxels[i]) && 2 * n <= buf.length)) { out[i] = Float.NaN; continue; }
				Arrays.sort(buf, 0, n);
				out[i] = (n % 2 == 1) ? buf[n / 2] : 0.5f * (buf[n / 2 - 1] + buf[n / 2]);
			}
		return new HeightMap(width, height, out, voxelXUm, voxelYUm, voxelZUm);
	}

	/** Least-squares plane z = c0 + c1 x + c2 y (voxel units) over the valid columns where {@code mask} is true (null: all). */
	public double[] planeFit(boolean[] mask) {
		double[][] a = new double[3][3];
		double[] b = new double[3];
		int n = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int i = y * width + x;
				float h = heightVoxels[i];
				if (Float.isNaN(h) || (mask != null && !mask[i])) continue;
				double[] r = { 1, x, y };
				for (int p = 0; p < 3; p++) {
					b[p] += r[p] * h;
					for (int q = 0; q < 3; q++) a[p][q] += r[p] * r[q];
				}
				n++;
			}
		if (n < 3) throw new InterfaceException("Only " + n + " columns hold an electrolyte surface inside the contact region: check the thresholds and the contact region");
		return solve3(a, b);
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
			if (Math.abs(m[c][c]) < 1e-12) throw new InterfaceException("Plane fit is degenerate: the surface columns lie on a line");
			for (int r = 0; r < 3; r++) {
				if (r == c) continue;
				double f = m[r][c] / m[c][c];
				for (int k = c; k < 4; k++) m[r][k] -= f * m[c][k];
			}
		}
		return new double[] { m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2] };
	}

	/** Number of valid columns. */
	public int validCount() {
		int n = 0;
		for (float f : heightVoxels) if (!Float.isNaN(f)) n++;
		return n;
	}

	/** Minimum and maximum valid height, voxels; {NaN, NaN} if none. */
	public double[] range() {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (float f : heightVoxels) {
			if (Float.isNaN(f)) continue;
			lo = Math.min(lo, f);
			hi = Math.max(hi, f);
		}
		return lo > hi ? new double[] { Double.NaN, Double.NaN } : new double[] { lo, hi };
	}
}
