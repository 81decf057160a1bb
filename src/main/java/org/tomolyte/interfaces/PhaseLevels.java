package org.tomolyte.interfaces;

import java.util.Arrays;

import org.tomolyte.model.Volume;

/**
 * The grey levels of the pure phases and the imaging blur, measured at the interface of one (reference) scan:
 * electrolyte = median a few voxels below the surface, liquid metal = histogram mode of the liquid-metal class a
 * few voxels above it, void = mode of the void class, and the blur σ from the edge-spread function of the
 * surface (all columns aligned on their sub-voxel height, as in the slanted-edge method of ISO 12233). These
 * feed the grey-value-deficit measurements of crack opening and volume.
 */
public final class PhaseLevels {
	private final double electrolyteGrey, liquidMetalGrey, voidGrey, blurSigmaVoxels;

	public PhaseLevels(double electrolyteGrey, double liquidMetalGrey, double voidGrey, double blurSigmaVoxels) {
		if (!(electrolyteGrey > liquidMetalGrey && liquidMetalGrey > voidGrey))
			throw new InterfaceException("Phase grey levels must order void < liquid metal < electrolyte, got void " + voidGrey + ", liquid metal " + liquidMetalGrey + ", electrolyte " + electrolyteGrey);
		this.electrolyteGrey = electrolyteGrey;
		this.liquidMetalGrey = liquidMetalGrey;
		this.voidGrey = voidGrey;
		this.blurSigmaVoxels = blurSigmaVoxels;
	}

	/**
	 * Measures the levels on {@code v} around its surface {@code surface}, found with the electrolyte threshold
	 * {@code electrolyteMin}: electrolyte = median 3–6 voxels below the surface; liquid metal = the most frequent
	 * grey value 2–5 voxels above it (the liquid metal covers most of the surface, so neither the O-ring nor voids
	 * nor the current collector take the mode); void = the histogram mode below the valley under the liquid-metal
	 * peak (0 or below when there is no such valley: reconstructed attenuation of empty space).
	 */
	public static PhaseLevels measure(Volume v, HeightMap surface, double electrolyteMin) {
		return measure(v, surface, electrolyteMin, null);
	}

	/**
	 * As {@link #measure(Volume, HeightMap, double)} but reading the liquid metal (as the median of the band) and
	 * the blur only over the given contact columns (null: all), so the O-ring does not bias them.
	 */
	public static PhaseLevels measure(Volume v, HeightMap surface, double electrolyteMin, boolean[] contactColumns) {
		int w = v.width(), h = v.height(), d = v.depth();
		float[] below = new float[((w + 1) / 2) * ((h + 1) / 2) * 4];
		int nb = 0;
		GreyHistogram vh = GreyHistogram.of(v, 512, 2);
		double lo = vh.binStart(0);
		int bins = 256;
		double[] lm = new double[bins];
		double bw = (electrolyteMin - lo) / bins;
		if (!(bw > 0)) throw new InterfaceException("Electrolyte threshold " + electrolyteMin + " lies below every grey value of " + v);
		float[] band = new float[((w + 1) / 2) * ((h + 1) / 2) * 4];
		int nBand = 0;
		for (int y = 0; y < h; y += 2)
			for (int x = 0; x < w; x += 2) {
				double s = surface.at(x, y);
				if (Double.isNaN(s)) continue;
				int zs = (int) Math.floor(s);
				if (contactColumns != null) {
					if (!contactColumns[y * w + x]) continue;
					for (int k = 2; k <= 5 && zs + k < d; k++) if (nBand < band.length) band[nBand++] = v.get(x, y, zs + k);
				}
				for (int k = 3; k <= 6; k++) {
					int z = zs - k;
					if (z >= 0 && nb < below.length) below[nb++] = v.get(x, y, z);
				}
				for (int k = 2; k <= 5; k++) {
					int z = zs + k;
					if (z >= d) break;
					float f = v.get(x, y, z);
					if (f >= lo && f < electrolyteMin) lm[Math.min(bins - 1, (int) ((f - lo) / bw))]++;
				}
			}
		if (nb == 0) throw new InterfaceException("No electrolyte surface found in " + v + ": check the electrolyte threshold " + electrolyteMin);
		Arrays.sort(below, 0, nb);
		double e = below[nb / 2];
		double m;
		if (contactColumns != null && nBand > 0) {
			Arrays.sort(band, 0, nBand);
			m = band[nBand / 2];
		} else m = modeOf(lm, lo, bw);
		// void: the mode of the histogram below the valley on the dark side of the liquid-metal peak
		int valley = vh.valleyBelow(vh.binOf(m));
		double vo = valley > 2 ? vh.mode(0, valley) : Math.min(0, m - 0.5 * (e - m));
		if (!(m > vo)) throw new InterfaceException("Could not tell void (" + vo + ") from liquid metal (" + m + ") in " + v + "; give thresholds explicitly");
		// align the columns on a smoothed surface: their own noisy crossings would sharpen the edge artificially
		double sigma = edgeSigma(v, surface.median(2, false), contactColumns, 0.5 * (vo + m), electrolyteMin, e, m);
		return new PhaseLevels(e, m, vo, sigma);
	}

	/** Thresholds half-way between the levels (void | liquid metal | electrolyte). */
	public PhaseThresholds midpointThresholds() {
		return PhaseThresholds.of(0.5 * (voidGrey + liquidMetalGrey), 0.5 * (liquidMetalGrey + electrolyteGrey));
	}

	private static double modeOf(double[] c, double start, double bw) {
		int best = 0;
		double bv = -1;
		for (int b = 0; b < c.length; b++) {
			double s = 0;
			for (int k = -3; k <= 3; k++) if (b + k >= 0 && b + k < c.length) s += c[b + k];
			if (s > bv) { bv = s; best = b; }
		}
		return start + (best + 0.5) * bw;
	}

	/**
	 * Blur σ in voxels from the oversampled edge-spread function of the electrolyte | liquid-metal surface,
	 * corrected for the local surface slope (a tilted edge looks wider along z by √(1 + |∇h|²)).
	 */
	static double edgeSigma(Volume v, HeightMap s, boolean[] columns, double voidMax, double electrolyteMin, double e, double m) {
		int w = v.width(), h = v.height(), d = v.depth();
		int nbin = 100;
		double[] sum = new double[nbin], cnt = new double[nbin];
		double slopeSum = 0;
		int cols = 0;
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++) {
				double hc = s.at(x, y);
				if (Double.isNaN(hc) || (columns != null && !columns[y * w + x])) continue;
				double gx = 0.5 * (s.at(x + 1, y) - s.at(x - 1, y)), gy = 0.5 * (s.at(x, y + 1) - s.at(x, y - 1));
				if (Double.isNaN(gx) || Double.isNaN(gy) || gx * gx + gy * gy > 0.09) continue;
				int zs = (int) Math.floor(hc);
				if (zs - 5 < 0 || zs + 6 >= d) continue;
				float up = v.get(x, y, zs + 4);
				if (up < voidMax || up >= electrolyteMin) continue;
				for (int z = zs - 4; z <= zs + 5; z++) {
					double tt = z - hc;
					int b = (int) Math.floor((tt + 5) * 10);
					if (b < 0 || b >= nbin) continue;
					sum[b] += (v.get(x, y, z) - m) / (e - m);
					cnt[b]++;
				}
				slopeSum += Math.sqrt(1 + gx * gx + gy * gy);
				cols++;
			}
		if (cols < 10) return 1.0;
		double[] esf = new double[nbin];
		for (int b = 0; b < nbin; b++) esf[b] = cnt[b] > 0 ? sum[b] / cnt[b] : Double.NaN;
		double t84 = crossing(esf, 0.8413), t16 = crossing(esf, 0.1587);
		if (Double.isNaN(t84) || Double.isNaN(t16)) return 1.0;
		double sigma = 0.5 * (t16 - t84) / (slopeSum / cols);
		return Math.max(0.3, Math.min(5, sigma));
	}

	/** Position t (voxels) where the decreasing ESF crosses {@code level}, by linear interpolation of 3-bin means. */
	private static double crossing(double[] esf, double level) {
		int n = esf.length;
		double[] sm = new double[n];
		for (int b = 0; b < n; b++) {
			double s = 0;
			int c = 0;
			for (int k = -1; k <= 1; k++) if (b + k >= 0 && b + k < n && !Double.isNaN(esf[b + k])) { s += esf[b + k]; c++; }
			sm[b] = c > 0 ? s / c : Double.NaN;
		}
		for (int b = 0; b < n - 1; b++)
			if (!Double.isNaN(sm[b]) && !Double.isNaN(sm[b + 1]) && sm[b] >= level && sm[b + 1] < level)
				return (b + 0.5 + (sm[b] - level) / (sm[b] - sm[b + 1])) / 10.0 - 5;
		return Double.NaN;
	}

	public double electrolyteGrey() {
		return electrolyteGrey;
	}

	public double liquidMetalGrey() {
		return liquidMetalGrey;
	}

	public double voidGrey() {
		return voidGrey;
	}

	public double blurSigmaVoxels() {
		return blurSigmaVoxels;
	}

	@Override
	public String toString() {
		return String.format("PhaseLevels[electrolyte %.4g, liquid metal %.4g, void %.4g, blur σ %.3f voxel]", electrolyteGrey, liquidMetalGrey, voidGrey, blurSigmaVoxels);
	}
}
