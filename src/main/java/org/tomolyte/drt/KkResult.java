package org.tomolyte.drt;

/**
 * Outcome of a linear Kramers–Kronig test ({@link KramersKronig}): relative residuals per used point
 * (descending frequency), the number of RC elements chosen, μ, and pass/fail against the stated limit.
 */
public final class KkResult {
	private final double[] freqHz, residualRe, residualIm;
	private final int rcElements;
	private final double mu, limit;
	private final boolean[] used;

	KkResult(double[] freqHz, double[] residualRe, double[] residualIm, int rcElements, double mu, double limit, boolean[] used) {
		this.freqHz = freqHz;
		this.residualRe = residualRe;
		this.residualIm = residualIm;
		this.rcElements = rcElements;
		this.mu = mu;
		this.limit = limit;
		this.used = used;
	}

	public double[] freqHz() { return freqHz.clone(); }
	/** (Z' − Ẑ')/|Z| per used point. */
	public double[] residualRe() { return residualRe.clone(); }
	/** (Z'' − Ẑ'')/|Z| per used point. */
	public double[] residualIm() { return residualIm.clone(); }
	public int rcElements() { return rcElements; }
	public double mu() { return mu; }
	public double limit() { return limit; }
	/** For every input point, in input order: was it tested. */
	public boolean[] usedMask() { return used.clone(); }

	/** Largest |Δ'| or |Δ''|. */
	public double maxResidual() {
		double m = 0;
		for (int i = 0; i < freqHz.length; i++) m = Math.max(m, Math.max(Math.abs(residualRe[i]), Math.abs(residualIm[i])));
		return m;
	}

	/** RMS over all Δ' and Δ''. */
	public double rmsResidual() {
		double s = 0;
		for (int i = 0; i < freqHz.length; i++) s += residualRe[i] * residualRe[i] + residualIm[i] * residualIm[i];
		return Math.sqrt(s / (2 * freqHz.length));
	}

	/** Whether point i (of {@link #freqHz()}) exceeds the limit. */
	public boolean flagged(int i) {
		return Math.abs(residualRe[i]) > limit || Math.abs(residualIm[i]) > limit;
	}

	/** True when no point exceeds the limit. */
	public boolean passed() {
		return maxResidual() <= limit;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "KkResult[%s: M=%d, mu=%.3f, max |res|=%.3g, rms=%.3g, limit=%.3g]", passed() ? "pass" : "FAIL",
				rcElements, mu, maxResidual(), rmsResidual(), limit);
	}
}
