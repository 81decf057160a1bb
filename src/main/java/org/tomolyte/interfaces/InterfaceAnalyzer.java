package org.tomolyte.interfaces;

import java.util.Arrays;

import org.tomolyte.model.Volume;

/**
 * Measures {@link InterfaceMetrics} of one scan from its height map. A column of the contact region counts as
 * wetted when the grey value 0.75 voxel above its sub-voxel surface is nearer the blurred liquid-metal
 * prediction than the blurred void prediction (both include the electrolyte's blur tail,
 * I(s) = I_phase + (I_e − I_phase) Φ(−s/σ)), so thin voids are not missed because of the blur.
 */
public final class InterfaceAnalyzer {
	/** Height above the surface, in voxels, where the wetting is judged. */
	public static final double PROBE_HEIGHT_VOXELS = 0.75;

	private InterfaceAnalyzer() {}

	public static InterfaceMetrics analyze(Volume v, HeightMap surface, ContactRegion region, PhaseLevels levels) {
		return analyze(v, surface, region, levels, 0);
	}

	/**
	 * @param wettingShift shift of the wet/void decision level in grey units (0 normally; ±Δ for sensitivity)
	 */
	public static InterfaceMetrics analyze(Volume v, HeightMap surface, ContactRegion region, PhaseLevels levels, double wettingShift) {
		int w = v.width(), h = v.height(), d = v.depth();
		double s = PROBE_HEIGHT_VOXELS;
		double tail = phi(-s / levels.blurSigmaVoxels());
		double e = levels.electrolyteGrey(), lm = levels.liquidMetalGrey(), vo = levels.voidGrey();
		double predLm = lm + (e - lm) * tail, predVoid = vo + (e - vo) * tail;
		double cut = 0.5 * (predLm + predVoid) + wettingShift;
		double colArea = v.voxelXUm() * v.voxelYUm();
		int nominal = 0, wet = 0, dry = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!region.contains(x, y)) continue;
				double hs = surface.at(x, y);
				if (Double.isNaN(hs)) continue;
				nominal++;
				double zp = hs + s;
				int z0 = (int) Math.floor(zp);
				if (z0 + 1 >= d) continue;
				double f = zp - z0;
				double g = (1 - f) * v.get(x, y, z0) + f * v.get(x, y, z0 + 1);
				if (g >= cut) wet++;
				else dry++;
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
