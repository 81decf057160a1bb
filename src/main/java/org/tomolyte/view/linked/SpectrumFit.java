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

	/** The view of a DRT result (null: no DRT), its peaks and its Kramers–Kronig test (null: none). */
	public static SpectrumFit of(org.tomolyte.drt.DrtResult r, java.util.List<org.tomolyte.drt.DrtPeak> peaks, org.tomolyte.drt.KkResult kk) {
		double[] pt = null, ph = null;
		if (peaks != null) {
			pt = new double[peaks.size()];
			ph = new double[peaks.size()];
			for (int i = 0; i < pt.length; i++) {
				pt[i] = peaks.get(i).tauS();
				ph[i] = peaks.get(i).heightOhm();
			}
		}
		return new SpectrumFit(r == null ? null : r.freqHz(), r == null ? null : r.fitReOhm(), r == null ? null : r.fitImOhm(), r == null ? null : r.tauS(),
				r == null ? null : r.gammaOhm(), pt, ph, kk == null ? null : kk.freqHz(), kk == null ? null : kk.residualRe(), kk == null ? null : kk.residualIm());
	}
}
