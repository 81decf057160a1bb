/**
 * Stripe (ring-artifact) removal in sinogram space after Vo, Atwood &amp; Drakopoulos, "Superior techniques for
 * eliminating ring artifacts in X-ray micro-tomography", Opt. Express 26, 28396 (2018): one class per method
 * ({@link org.tomolyte.tomo.stripes.SortingFilter}, {@link org.tomolyte.tomo.stripes.FilteringFilter},
 * {@link org.tomolyte.tomo.stripes.FittingFilter}, {@link org.tomolyte.tomo.stripes.LargeStripeFilter},
 * {@link org.tomolyte.tomo.stripes.DeadStripeFilter}, {@link org.tomolyte.tomo.stripes.AllStripeFilter}), a
 * factory by name ({@link org.tomolyte.tomo.stripes.StripeFilters}), before/after metrics
 * ({@link org.tomolyte.tomo.stripes.StripeMetrics}, {@link org.tomolyte.tomo.stripes.StripePreview}) and a
 * post-reconstruction polar ring filter ({@link org.tomolyte.tomo.stripes.PolarRingFilter}). Errors are
 * {@link org.tomolyte.tomo.stripes.StripeException}.
 */
package org.tomolyte.tomo.stripes;
