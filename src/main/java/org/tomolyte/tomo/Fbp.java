package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;

/**
 * Filtered back-projection of one parallel-beam sinogram of line integrals (Kak &amp; Slaney 1988, ch. 3):
 * ramp filter from the spatial kernel with a window, then back-projection scaled by π / number of angles,
 * so a uniform disc of attenuation μ per pixel reconstructs to μ per pixel (a 360° scan weighs each ray
 * twice over 2π, which gives the same factor).
 */
public final class Fbp {
	private final FilterWindow window;
	private final Padding padding;
	private final boolean circularMask;
	private final int threads;

	public Fbp(FilterWindow window, Padding padding, boolean circularMask, int threads) {
		this.window = window;
		this.padding = padding;
		this.circularMask = circularMask;
		this.threads = Math.max(1, threads);
	}

	/** Ram-Lak, edge padding, circular mask, all processors. */
	public static Fbp defaults() {
		return new Fbp(FilterWindow.RAM_LAK, Padding.EDGE, true, Parallel.threads(0));
	}

	/**
	 * Reconstructs a slice of {@code size} × {@code size} pixels (attenuation per pixel), the rotation axis
	 * at its centre.
	 *
	 * @param sinogram [angle][detector] line integrals
	 * @param anglesRad one angle per sinogram row
	 * @param centerPx rotation axis on the detector, 0 … width−1
	 * @param size output size; 0 means the detector width
	 */
	public float[] reconstruct(float[][] sinogram, double[] anglesRad, double centerPx, int size) {
		Sinograms.check(sinogram, anglesRad, "sinogram");
		int w = sinogram[0].length;
		if (!(centerPx >= 0 && centerPx <= w - 1))
			throw new TomoException("Rotation centre " + centerPx + " px is outside the detector (0 to " + (w - 1) + " px)");
		int n = size > 0 ? size : w;
		float[][] q = new RampFilter(w, window, padding).filter(sinogram, threads);
		return BackProjector.backProject(q, anglesRad, centerPx, n, circularMask, Math.PI / sinogram.length, threads);
	}
}
