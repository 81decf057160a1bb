package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Raw parallel-beam acquisition of one slice of the phantom: the exact slice (area-averaged µ per pixel) is
 * projected with each pixel's exact trapezoidal footprint integrated over the detector pixels (so every
 * angle's projection sums to the slice's mass), then Beer–Lambert with a per-column flat-field gain, Poisson
 * counting noise, dead and partially responding detector columns (stripes, hence rings after
 * reconstruction), and zingers; flats and darks are simulated with the same gains. Follows the acquisition
 * and processing chain of Wu &amp; Hatzell 2025 (Algotom; Vo et al., Opt. Express 26 (2018) 28396).
 */
final class ProjectionSimulator {
	private ProjectionSimulator() {}

	static ProjectionData simulate(CellPhantom phantom, RigidTransform scanToReference, int slice, ProjectionParameters pp, long seed) {
		CellParameters p = phantom.geometry().params();
		int w = p.widthVoxels(), h = p.heightVoxels();
		double v = p.voxelUm();
		int scan = phantom.state().scanIndex();
		float[] exact = exactSlice(phantom, scanToReference, slice, pp.supersampling(), w, h, v);

		int n = pp.angleCount();
		int det = Math.max(w, h) + pp.detectorPaddingPixels();
		double cor = 0.5 * (det - 1) + pp.centreOffsetPixels();
		double[] angles = new double[n];
		for (int i = 0; i < n; i++) angles[i] = 180.0 * i / n;
		double scaleToLine = pp.muScale() * v * 1e-4; // µ[1/cm] · pixel[cm]
		float[][] line = new float[n][det];
		double xc = 0.5 * (w - 1), yc = 0.5 * (h - 1);
		for (int a = 0; a < n; a++) {
			double th = Math.toRadians(angles[a]), c = Math.cos(th), s = Math.sin(th);
			double c1 = Math.abs(c), c2 = Math.abs(s);
			double outer = 0.5 * (c1 + c2), inner = 0.5 * Math.abs(c1 - c2), height = 1 / Math.max(c1, c2);
			double[] acc = new double[det];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double mu = exact[y * w + x];
					if (mu == 0) continue;
					double centre = (x - xc) * c + (y - yc) * s + cor;
					int j0 = (int) Math.floor(centre - outer + 0.5), j1 = (int) Math.ceil(centre + outer + 0.5);
					for (int j = Math.max(0, j0); j <= Math.min(det - 1, j1); j++) {
						double f = cumulative(j + 0.5 - centre, outer, inner, height) - cumulative(j - 0.5 - centre, outer, inner, height);
						acc[j] += mu * f;
					}
				}
			for (int j = 0; j < det; j++) line[a][j] = (float) (acc[j] * scaleToLine);
		}
		double mass = 0;
		for (float m : exact) mass += m;
		mass *= scaleToLine;

		SplittableRandom r = Seeds.random(seed, Seeds.PROJECTION, (long) scan * 100_003L + slice);
		double[] gain = new double[det];
		for (int j = 0; j < det; j++) gain[j] = 1 + 0.02 * Seeds.gaussian(r);
		int lo = pp.detectorPaddingPixels() / 2 + 2, hi = det - pp.detectorPaddingPixels() / 2 - 2;
		List<Integer> cols = new ArrayList<>();
		while (cols.size() < pp.deadColumns() + pp.partialColumns() && cols.size() < hi - lo) {
			int j = lo + r.nextInt(hi - lo);
			if (!cols.contains(j)) cols.add(j);
		}
		int[] dead = new int[pp.deadColumns()];
		int[] partial = new int[Math.max(0, cols.size() - dead.length)];
		double[] partialGain = new double[partial.length];
		double[] scanGain = new double[det];
		Arrays.fill(scanGain, 1);
		boolean[] isDead = new boolean[det];
		for (int k = 0; k < cols.size(); k++) {
			if (k < dead.length) {
				dead[k] = cols.get(k);
				isDead[dead[k]] = true;
			} else {
				int j = cols.get(k);
				partial[k - dead.length] = j;
				double e = pp.partialColumnGainError() * (r.nextBoolean() ? 1 : -1) * (0.5 + r.nextDouble());
				partialGain[k - dead.length] = 1 + e;
				scanGain[j] = 1 + e;
			}
		}
		Arrays.sort(dead);
		double i0 = pp.flatCounts(), dark = pp.darkCounts();
		float[][] flats = new float[pp.flatFrames()][det], darks = new float[pp.darkFrames()][det];
		for (float[] f : flats)
			for (int j = 0; j < det; j++) f[j] = poisson(r, isDead[j] ? dark : dark + gain[j] * (i0 - dark));
		for (float[] d : darks)
			for (int j = 0; j < det; j++) d[j] = poisson(r, dark);
		float[][] counts = new float[n][det];
		for (int a = 0; a < n; a++)
			for (int j = 0; j < det; j++)
				counts[a][j] = poisson(r, isDead[j] ? dark : dark + gain[j] * scanGain[j] * (i0 - dark) * Math.exp(-line[a][j]));
		int zn = (int) Math.round(pp.zingerFraction() * n * det);
		List<int[]> zingers = new ArrayList<>();
		for (int k = 0; k < zn; k++) {
			int a = r.nextInt(n), j = r.nextInt(det);
			counts[a][j] += (float) (i0 * (0.5 + 1.5 * r.nextDouble()));
			zingers.add(new int[] { a, j });
		}
		CellTruth.ProjectionTruth truth = new CellTruth.ProjectionTruth(scan, slice, det, cor, pp.centreOffsetPixels(), v, pp, angles, dead, partial, partialGain,
				zingers.toArray(new int[0][]), mass);
		return new ProjectionData(scan, slice, line, counts, flats, darks, angles, exact, w, h, truth);
	}

	/** ∫_{−∞}^{t} of a unit-area trapezoid with half-widths outer ≥ inner and plateau height. */
	static double cumulative(double t, double outer, double inner, double height) {
		if (t <= -outer) return 0;
		if (t >= outer) return 1;
		double ramp = outer - inner;
		if (ramp < 1e-12) return (t + outer) * height;
		if (t < -inner) return height * (t + outer) * (t + outer) / (2 * ramp);
		if (t <= inner) return height * ramp / 2 + height * (t + inner);
		return 1 - height * (outer - t) * (outer - t) / (2 * ramp);
	}

	/** Area-averaged µ (cm⁻¹) of each pixel of slice z in the scan frame, s × s sub-samples in the slice plane. */
	static float[] exactSlice(CellPhantom phantom, RigidTransform t, int z, int ss, int w, int h, double v) {
		float[] out = new float[w * h];
		double[] q = new double[3];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int b = 0; b < ss; b++)
					for (int a = 0; a < ss; a++) {
						t.apply((x + (a + 0.5) / ss - 0.5) * v, (y + (b + 0.5) / ss - 0.5) * v, z * v, q);
						s += phantom.muPerCm(q[0], q[1], q[2]);
					}
				out[y * w + x] = (float) (s / (ss * ss));
			}
		return out;
	}

	/** Poisson deviate: Knuth's product method below 30, a rounded normal approximation above. */
	static float poisson(SplittableRandom r, double lambda) {
		if (lambda <= 0) return 0;
		if (lambda < 30) {
			double l = Math.exp(-lambda), prod = r.nextDouble();
			int k = 0;
			while (prod > l) {
				prod *= r.nextDouble();
				k++;
			}
			return k;
		}
		return (float) Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * Seeds.gaussian(r)));
	}
}
