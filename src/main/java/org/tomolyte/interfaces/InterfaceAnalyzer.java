package org.tomolyte.interfaces;

import java.util.Arrays;

import org.tomolyte.model.Volume;

/**
 * Measures {@link InterfaceMetrics} of one scan from its height map. A column of the contact region is dry
 * (a void footprint) when the void thickness in the band from 1 voxel below to 5 voxels above its surface exceeds 0.5
 * voxel; the thickness is the grey-value deficit below the blurred liquid-metal prediction
 * I(s) = I_lm + (I_e − I_lm) Φ(−s/σ), divided by the liquid-metal–void contrast (blur conserves it), the median
 * over 5 × 5 columns (it does not widen the voids as a mean would), after subtracting the median thickness of
 * all columns (the wetted majority) so that small level errors do not add up over the band because liquid metal and void differ little in attenuation.
 */
public final class InterfaceAnalyzer {
	/** Void thickness (voxels) above which a column counts as dry. */
	public static final double VOID_THICKNESS_VOXELS = 0.5;

	private InterfaceAnalyzer() {}

	public static InterfaceMetrics analyze(Volume v, HeightMap surface, ContactRegion region, PhaseLevels levels) {
		return analyze(v, surface, region, levels, VOID_THICKNESS_VOXELS);
	}

	/**
	 * @param voidThicknessVoxels void thickness above which a column counts as dry ({@link #VOID_THICKNESS_VOXELS}
	 *            normally; other values for sensitivity runs)
	 */
	public static InterfaceMetrics analyze(Volume v, HeightMap surface, ContactRegion region, PhaseLevels levels, double voidThicknessVoxels) {
		int w = v.width(), h = v.height(), d = v.depth();
		double e = levels.electrolyteGrey(), lm = levels.liquidMetalGrey(), vo = levels.voidGrey(), sigma = levels.blurSigmaVoxels();
		double colArea = v.voxelXUm() * v.voxelYUm();
		float[] thick = new float[w * h];
		java.util.Arrays.fill(thick, Float.NaN);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!region.contains(x, y)) continue;
				double hs = surface.at(x, y);
				if (Double.isNaN(hs)) continue;
				double sum = 0;
				for (int z = Math.max(0, (int) Math.floor(hs) - 1); z <= (int) Math.floor(hs) + 5 && z < d; z++) {
					double pred = lm + (e - lm) * phi(-(z - hs) / sigma);
					sum += (pred - v.get(x, y, z)) / (lm - vo);
				}
				thick[y * w + x] = (float) sum;
			}
		// re-centre on the typical (wetted) column: a small error of the liquid-metal level or the blur adds up over the band
		float[] all = new float[w * h];
		int na = 0;
		for (float f : thick) if (!Float.isNaN(f)) all[na++] = f;
		if (na > 0) {
			java.util.Arrays.sort(all, 0, na);
			float offset = all[na / 2];
			for (int i = 0; i < thick.length; i++) if (!Float.isNaN(thick[i])) thick[i] -= offset;
		}
		float[] win = new float[25];
		float[] smooth = new float[w * h];
		java.util.Arrays.fill(smooth, Float.NaN);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (Float.isNaN(thick[y * w + x])) continue;
				int n = 0;
				for (int dy = -2; dy <= 2; dy++)
					for (int dx = -2; dx <= 2; dx++) {
						int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= w || yy >= h || Float.isNaN(thick[yy * w + xx])) continue;
						win[n++] = thick[yy * w + xx];
					}
				java.util.Arrays.sort(win, 0, n);
				float m = (n % 2 == 1) ? win[n / 2] : 0.5f * (win[n / 2 - 1] + win[n / 2]);
				smooth[y * w + x] = m;
			}
		double threshold = voidThicknessVoxels;
		int nominal = 0, wet = 0, dry = 0;
		for (float m : smooth) {
			if (Float.isNaN(m)) continue;
			nominal++;
			if (m > threshold) dry++;
			else wet++;
		}
		if (nominal == 0) throw new InterfaceException("The contact region (" + region.description() + ") holds no electrolyte surface column");
		double[] plane = surface.planeFit(region.columns());
		double[] res = new double[nominal];
		int n = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!region.contains(x, y) || !surface.valid(x, y)) continue;
				res[n++] = surface.at(x, y) - (plane[0] + plane[1] * x + plane[2] * y);
			}
		double[] sorted = Arrays.copyOf(res, n);
		Arrays.sort(sorted);
		double med = sorted[n / 2];
		double[] dev = new double[n];
		for (int i = 0; i < n; i++) dev[i] = Math.abs(sorted[i] - med);
		Arrays.sort(dev);
		double robust = Math.max(1.4826 * dev[n / 2], 0.05);
		// refit the plane without outliers (crack mouths, chips), then measure roughness
		boolean[] inl = region.columns().clone();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (!inl[i] || !surface.valid(x, y)) continue;
				double r = surface.at(x, y) - (plane[0] + plane[1] * x + plane[2] * y);
				if (Math.abs(r - med) > 4 * robust) inl[i] = false;
			}
		plane = surface.planeFit(inl);
		double ss = 0, lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, mean = 0;
		int m = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (!inl[i] || !surface.valid(x, y)) continue;
				double r = surface.at(x, y) - (plane[0] + plane[1] * x + plane[2] * y);
				ss += r * r;
				lo = Math.min(lo, r);
				hi = Math.max(hi, r);
				mean += plane[0] + plane[1] * x + plane[2] * y;
				m++;
			}
		double vz = v.voxelZUm();
		double sx = plane[1] * vz / v.voxelXUm(), sy = plane[2] * vz / v.voxelYUm();
		double tilt = Math.toDegrees(Math.atan(Math.hypot(sx, sy)));
		double az = Math.toDegrees(Math.atan2(sy, sx));
		return new InterfaceMetrics(nominal * colArea, wet * colArea, dry * colArea, Math.sqrt(ss / m) * vz, (hi - lo) * vz, tilt, az, mean / m * vz);
	}

	/** Standard normal cumulative distribution (Abramowitz &amp; Stegun 7.1.26 via erf). */
	public static double phi(double x) {
		return 0.5 * (1 + erf(x / Math.sqrt(2)));
	}

	/** Error function, |error| &lt; 1.5e-7 (Abramowitz &amp; Stegun 7.1.26). */
	public static double erf(double x) {
		double t = 1 / (1 + 0.3275911 * Math.abs(x));
		double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
		return x >= 0 ? y : -y;
	}
}
