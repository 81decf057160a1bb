package org.tomolyte.drt;

import org.tomolyte.model.Spectrum;

/**
 * Façade of the DRT package: one call per user action. The DRT is the Tikhonov-regularised,
 * non-negative RBF deconvolution of DRTtools/pyDRTtools (Wan et al., Electrochim. Acta 184 (2015) 483;
 * Saccoccio et al., Electrochim. Acta 147 (2014) 470) solved exactly by active-set NNLS.
 */
public final class Drt {
	private Drt() {}

	/** The DRT of one spectrum. */
	public static DrtResult fit(Spectrum spectrum, DrtSettings settings) {
		return new DrtFitter(settings).fit(spectrum, "spectrum");
	}
}
