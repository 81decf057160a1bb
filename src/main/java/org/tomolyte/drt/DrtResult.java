package org.tomolyte.drt;

import java.util.Collections;
import java.util.List;

/**
 * The DRT of one spectrum: γ on the output grid (half a decade beyond the measured τ range on each side),
 * R∞, L, R_pol = ∫γ d ln τ (exact from the basis coefficients), the model at the used frequencies with its
 * residuals, which points were used, the λ actually applied and the fitted peaks.
 */
public final class DrtResult {
	private final DrtSettings settings;
	private final double lambda;
	private final double rInfOhm;
	private final double inductanceH;
	private final double rPolOhm;
	private final double residualRmsOhm;
	private final double[] tauS;
	private final double[] gammaOhm;
	private final double[] coefficients;
	private final double[] freqHz, zReOhm, zImOhm, fitReOhm, fitImOhm;
	private final boolean[] used;
	private final List<DrtPeak> peaks;
	private final double startTimeS, midTimeS, meanEweV, dcCurrentMa;
	final DrtProblem problem;
	private boolean lambdaAtSearchLimit;

	DrtResult(DrtSettings settings, double lambda, double rInfOhm, double inductanceH, double rPolOhm, double residualRmsOhm, double[] tauS,
			double[] gammaOhm, double[] coefficients, UsedPoints points, double[] fitReOhm, double[] fitImOhm, List<DrtPeak> peaks,
			org.tomolyte.model.Spectrum s, DrtProblem problem) {
		this.settings = settings;
		this.lambda = lambda;
		this.rInfOhm = rInfOhm;
		this.inductanceH = inductanceH;
		this.rPolOhm = rPolOhm;
		this.residualRmsOhm = residualRmsOhm;
		this.tauS = tauS;
		this.gammaOhm = gammaOhm;
		this.coefficients = coefficients;
		this.freqHz = points.freqHz;
		this.zReOhm = points.zRe;
		this.zImOhm = points.zIm;
		this.fitReOhm = fitReOhm;
		this.fitImOhm = fitImOhm;
		this.used = points.used;
		this.peaks = Collections.unmodifiableList(peaks);
		this.startTimeS = s.startTimeS();
		this.midTimeS = s.midTimeS();
		this.meanEweV = s.meanEweV();
		this.dcCurrentMa = s.dcCurrentMa();
		this.problem = problem;
	}

	public DrtSettings settings() { return settings; }
	/** The λ used (the fixed one, or the one GCV/mGCV/L-curve chose). */
	public double lambda() { return lambda; }
	/**
	 * True when an automatic λ choice ended at the edge of its search range (10⁻⁸ or 10¹): the criterion
	 * had no interior optimum — typical of GCV on real data with systematic (non-white) residuals — and the
	 * DRT is then under- or over-regularised; prefer a fixed λ or the L-curve for such spectra.
	 */
	public boolean lambdaAtSearchLimit() { return lambdaAtSearchLimit; }

	DrtResult flagLambdaAtLimit(boolean v) {
		lambdaAtSearchLimit = v;
		return this;
	}
	public double rInfOhm() { return rInfOhm; }
	/** Series inductance (H); 0 when not fitted. */
	public double inductanceH() { return inductanceH; }
	/** Polarisation resistance ∫ γ d ln τ (Ω). */
	public double rPolOhm() { return rPolOhm; }
	/** RMS of the residuals of the fitted parts (Re and/or Im) over the used points (Ω). */
	public double residualRmsOhm() { return residualRmsOhm; }
	/** Output τ grid (s), ascending. */
	public double[] tauS() { return tauS.clone(); }
	/** γ(τ) on {@link #tauS()} (Ω per unit ln τ). */
	public double[] gammaOhm() { return gammaOhm.clone(); }
	/** Basis coefficients x_m at the collocation points τ_m = 1/f_m (sorted ascending τ). */
	public double[] coefficients() { return coefficients.clone(); }
	/** Used frequencies, descending (the order of the fit arrays). */
	public double[] freqHz() { return freqHz.clone(); }
	public double[] zReOhm() { return zReOhm.clone(); }
	public double[] zImOhm() { return zImOhm.clone(); }
	/** Model Re Z at the used frequencies (all modes: the full model with R∞, L and γ). */
	public double[] fitReOhm() { return fitReOhm.clone(); }
	public double[] fitImOhm() { return fitImOhm.clone(); }
	/** Data minus model, real part. */
	public double[] residualReOhm() { return diff(zReOhm, fitReOhm); }
	public double[] residualImOhm() { return diff(zImOhm, fitImOhm); }
	/** For every point of the input spectrum, in input order: was it used. */
	public boolean[] usedMask() { return used.clone(); }
	public int pointsUsed() { return freqHz.length; }
	public List<DrtPeak> peaks() { return peaks; }
	public double startTimeS() { return startTimeS; }
	public double midTimeS() { return midTimeS; }
	public double meanEweV() { return meanEweV; }
	public double dcCurrentMa() { return dcCurrentMa; }

	/** γ evaluated from the basis expansion at arbitrary τ (e.g. a common grid for a DRT map). */
	public double[] gammaAt(double[] tauOut) {
		double[] g = new double[tauOut.length];
		for (int i = 0; i < tauOut.length; i++) {
			double y = Math.log(tauOut[i]), s = 0;
			for (int m = 0; m < coefficients.length; m++)
				if (coefficients[m] != 0) s += coefficients[m] * problem.disc.basisAt(m, y);
			g[i] = s;
		}
		return g;
	}

	private static double[] diff(double[] a, double[] b) {
		double[] d = new double[a.length];
		for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
		return d;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "DrtResult[R∞=%.4g Ω, L=%.3g H, Rpol=%.4g Ω, rms=%.3g Ω, λ=%.3g, %d points, %d peaks]", rInfOhm,
				inductanceH, rPolOhm, residualRmsOhm, lambda, pointsUsed(), peaks.size());
	}
}
