package org.tomolyte.command.drt;

import org.tomolyte.drt.DrtSettings;

/** Builds DRT settings from the macro keys the DRT commands share (one place for their meaning). */
final class DrtParameters {
	private DrtParameters() {}

	static DrtSettings settings(double lambda, String lambdaSelection, int derivative, String fit, boolean inductance, String rbf, double fwhm, double fminHz,
			double fmaxHz) {
		DrtSettings.Builder b = DrtSettings.builder().lambda(lambda).lambdaSelection(lambdaSelection).derivative(derivative).fitMode(fit).inductance(inductance)
				.rbf(rbf).fwhm(fwhm);
		if (fminHz > 0) b.fminHz(fminHz);
		if (fmaxHz > 0) b.fmaxHz(fmaxHz);
		return b.build();
	}
}
