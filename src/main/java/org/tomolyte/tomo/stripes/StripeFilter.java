package org.tomolyte.tomo.stripes;

/**
 * Removes stripe artifacts from one sinogram (the cause of ring artifacts in reconstructed slices), after
 * Vo, Atwood &amp; Drakopoulos, "Superior techniques for eliminating ring artifacts in X-ray micro-tomography",
 * Opt. Express 26, 28396 (2018). Implementations are immutable, thread-safe and deterministic: the same sinogram
 * gives bit-identical output whatever the number of threads.
 * <p>
 * A sinogram is {@code float[angles][width]}: one row per projection angle, one column per detector pixel,
 * normally line integrals after −log normalisation. The input is never modified.
 */
public interface StripeFilter {

	/**
	 * Returns a new stripe-corrected sinogram of the same size.
	 *
	 * @throws StripeException if the sinogram is empty, ragged, too small for the filter or holds non-finite values
	 */
	float[][] apply(float[][] sinogram);

	/** Short name as accepted by {@link StripeFilters#create(String, java.util.Map)}, e.g. {@code "sorting"}. */
	String name();

	/** The settings in {@code key=value} form, e.g. {@code "size=21 dim=1"} (empty when there are none). */
	String parameters();
}
