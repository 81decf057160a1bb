/**
 * Distribution of relaxation times (DRT) of impedance spectra, after DRTtools/pyDRTtools (Wan, Saccoccio,
 * Chen &amp; Ciucci, Electrochim. Acta 184 (2015) 483) with an exact non-negative solver, λ selection
 * (Maradesa et al., J. Electrochem. Soc. 170 (2023) 030502), peak fitting and tracking, the linear
 * Kramers–Kronig test (Schönleber et al., Electrochim. Acta 131 (2014) 20) and fast batches over operando
 * series.
 *
 * <p>Model: Z(f) = R∞ + j2πfL + ∫ γ(ln τ)/(1 + j2πfτ) d ln τ, γ(ln τ) = Σ_m x_m φ(ε(ln τ − ln τ_m)),
 * τ_m = 1/f_m, x ≥ 0, R∞ ≥ 0, L ≥ 0 (or free). Objective (unweighted, as DRTtools):
 * ‖A'θ − Z'‖² + ‖A''θ − Z''‖² + λ xᵀMx with M the Gram matrix of the 1st or 2nd derivatives of the basis.
 *
 * <p>Entry points: {@link org.tomolyte.drt.Drt#fit}, {@link org.tomolyte.drt.Drt#map},
 * {@link org.tomolyte.drt.Drt#stream}, {@link org.tomolyte.drt.Drt#kramersKronig}; settings in
 * {@link org.tomolyte.drt.DrtSettings}; output tables (macro-API columns) in {@link org.tomolyte.drt.DrtTables}.
 * Every problem with the input or the settings is a {@link org.tomolyte.drt.DrtException}.
 *
 * <p>Macro keys → settings: lambda → {@code lambda}, derivative → {@code derivative}, fit → {@code fitMode(String)},
 * inductance → {@code inductance}, rbf → {@code rbf(String)}, fwhm → {@code fwhm}, fmin/fmax → {@code fminHz/fmaxHz},
 * lambda selection ("fixed", "gcv", "mgcv", "lcurve") → {@code lambdaSelection(String)}.
 */
package org.tomolyte.drt;
