package org.tomolyte.synth.cell;

import java.util.SplittableRandom;

/**
 * Lab-frame ring artifacts: thin concentric rings about the rotation axis (the image centre of every scan),
 * as left by miscalibrated detector pixels in reconstructions (Vo et al., Opt. Express 26 (2018) 28396).
 * The pattern is fixed in the lab: identical in every scan, independent of the sample drift, which is what
 * makes plain phase correlation lock onto zero shift.
 */
public final class RingPattern {
	private final double[] radiusVoxels;
	private final double[] amplitude;
	private final double[] periodSlices;
	private final double[] phase;
	private final double axisX, axisY;
	private volatile double[] radiusOfPixel;

	RingPattern(CellParameters p) {
		SplittableRandom r = Seeds.random(p.seed(), Seeds.RINGS, 0);
		int n = p.ringStrengthPerCm() > 0 ? p.ringCount() : 0;
		radiusVoxels = new double[n];
		amplitude = new double[n];
		periodSlices = new double[n];
		phase = new double[n];
		double rmax = 0.5 * Math.min(p.widthVoxels(), p.heightVoxels());
		for (int k = 0; k < n; k++) {
			radiusVoxels[k] = 2 + r.nextDouble() * (rmax - 2);
			amplitude[k] = p.ringStrengthPerCm() * Seeds.gaussian(r);
			periodSlices[k] = p.depthVoxels() * (0.5 + 1.5 * r.nextDouble());
			phase[k] = 2 * Math.PI * r.nextDouble();
		}
		axisX = 0.5 * (p.widthVoxels() - 1);
		axisY = 0.5 * (p.heightVoxels() - 1);
	}

	/** Adds the rings to one slice (w × h, x fastest). */
	void addTo(float[] slice, int w, int h, int z) {
		if (radiusVoxels.length == 0) return;
		double sigma = 0.6;
		double[] a = new double[radiusVoxels.length];
		for (int k = 0; k < a.length; k++)
			a[k] = amplitude[k] * (0.7 + 0.3 * Math.cos(2 * Math.PI * z / periodSlices[k] + phase[k]));
		double[] rho = radii(w, h);
		for (int i = 0; i < rho.length; i++) {
			double s = 0;
			for (int k = 0; k < a.length; k++) {
				double d = rho[i] - radiusVoxels[k];
				if (d > -3 && d < 3) s += a[k] * Math.exp(-d * d / (2 * sigma * sigma));
			}
			slice[i] += (float) s;
		}
	}

	private double[] radii(int w, int h) {
		double[] r = radiusOfPixel;
		if (r != null && r.length == w * h) return r;
		r = new double[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) r[y * w + x] = Math.sqrt((x - axisX) * (x - axisX) + (y - axisY) * (y - axisY));
		radiusOfPixel = r;
		return r;
	}

	public double[] radiiVoxels() {
		return radiusVoxels.clone();
	}
}
