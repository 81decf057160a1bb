package org.tomolyte.command.drt;

import java.io.File;

import org.scijava.plugin.Parameter;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.drt.DrtSettings;

/**
 * The macro keys the DRT commands share (input, the DRT settings, output), turned into {@link DrtSettings}
 * in one place so "DRT of Spectrum" and "DRT Map" read them identically.
 */
abstract class DrtCommand extends TomolyteCommand {
	@Parameter(label = "input", description = "Spectrum file: EC-Lab .mpr/.mpt (PEIS/GEIS), CSV/TXT (f, Z', Z'') or spectra.csv", style = "open")
	File input;
	@Parameter(label = "lambda", required = false, description = "Regularisation parameter λ (fixed selection)")
	private double lambda = 1e-3;
	@Parameter(label = "lambda_selection", required = false, choices = { "fixed", "gcv", "mgcv", "lcurve" })
	private String lambda_selection = "fixed";
	@Parameter(label = "derivative", required = false, choices = { "1", "2" })
	private String derivative = "2";
	@Parameter(label = "fit", required = false, choices = { "Re+Im", "Re", "Im" })
	private String fit = "Re+Im";
	@Parameter(label = "inductance", required = false, description = "Fit a series inductance")
	private boolean inductance = true;
	@Parameter(label = "rbf", required = false, choices = { "gaussian", "c0_matern", "c2_matern", "c4_matern", "inverse_quadratic", "piecewise_linear" })
	private String rbf = "gaussian";
	@Parameter(label = "fwhm", required = false, description = "RBF width coefficient (FWHM)")
	private double fwhm = 0.5;
	@Parameter(label = "fmin", required = false, description = "Drop points below this frequency (Hz); 0 = keep all")
	private double fmin = 0;
	@Parameter(label = "fmax", required = false, description = "Drop points above this frequency (Hz); 0 = keep all")
	private double fmax = 0;
	@Parameter(label = "output", description = "Folder for the tables and figures", style = "directory")
	File output;

	/** The DRT settings the keys describe. */
	DrtSettings settings() {
		DrtSettings.Builder b = DrtSettings.builder().lambda(lambda).lambdaSelection(lambda_selection).derivative(Integer.parseInt(derivative)).fitMode(fit)
				.inductance(inductance).rbf(rbf).fwhm(fwhm);
		if (fmin > 0) b.fminHz(fmin);
		if (fmax > 0) b.fmaxHz(fmax);
		return b.build();
	}
}
