package org.tomolyte.view.linked;

/**
 * What the spectrum panel shows of one spectrum's DRT: the fitted impedance at the measured frequencies,
 * γ(τ), the peak positions, and the Kramers–Kronig residuals (relative, per frequency). A view-side copy
 * so the panels depend on plain arrays, not on how the DRT was computed.
 */
public final class SpectrumFit {
	final double[] fitFreqHz, fitReOhm, fitImOhm, tauS, gammaOhm, peakTauS, peakHeightOhm, kkFreqHz, kkResidualRe, kkResidualIm;

	public SpectrumFit(double[] fitFreqHz, double[] fitReOhm, double[] fitImOhm, double[] tauS, double[] gammaOhm, double[] peakTauS, double[] peakHeightOhm,
			double[] kkFreqHz, double[] kkResidualRe, double[] kkResidualIm) {
		this.fitFreqHz = fitFreqHz;
		this.fitReOhm = fitReOhm;
		this.fitImOhm = fitImOhm;
		this.tauS = tauS;
		this.gammaOhm = gammaOhm;
		this.peakTauS = peakTauS;
		this.peakHeightOhm = peakHeightOhm;
		this.kkFreqHz = kkFreqHz;
		this.kkResidualRe = kkResidualRe;
		this.kkResidualIm = kkResidualIm;
	}
}
