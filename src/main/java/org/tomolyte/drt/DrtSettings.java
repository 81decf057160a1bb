package org.tomolyte.drt;

import java.util.Objects;

/**
 * Immutable settings of a DRT computation (Tikhonov-regularised RBF DRT as in DRTtools/pyDRTtools,
 * Wan et al., Electrochim. Acta 184 (2015) 483). Build with {@link #builder()}; every field has the
 * macro-API default.
 *
 * <p>The objective minimised over θ = (R∞, L, x) is the same unweighted one as DRTtools/pyDRTtools,
 * <pre>
 *   ‖A'θ − Z'‖² + ‖A''θ − Z''‖² + λ·xᵀ M x ,   x ≥ 0, R∞ ≥ 0, L ≥ 0 (or L free),
 * </pre>
 * with only the parts selected by the fit mode, so a given λ means the same thing in both tools.
 */
public final class DrtSettings {
	private final double lambda;
	private final int derivative;
	private final FitMode fitMode;
	private final boolean inductance;
	private final boolean freeInductance;
	private final RadialBasis basis;
	private final double fwhmCoeff;
	private final double fminHz;
	private final double fmaxHz;
	private final boolean dropNegativeRe;
	private final boolean dropInductive;
	private final LambdaSelection lambdaSelection;
	private final boolean findPeaks;
	private final PeakShape peakShape;
	private final double minPeakFraction;

	private DrtSettings(Builder b) {
		lambda = b.lambda;
		derivative = b.derivative;
		fitMode = b.fitMode;
		inductance = b.inductance;
		freeInductance = b.freeInductance;
		basis = b.basis;
		fwhmCoeff = b.fwhmCoeff;
		fminHz = b.fminHz;
		fmaxHz = b.fmaxHz;
		dropNegativeRe = b.dropNegativeRe;
		dropInductive = b.dropInductive;
		lambdaSelection = b.lambdaSelection;
		findPeaks = b.findPeaks;
		peakShape = b.peakShape;
		minPeakFraction = b.minPeakFraction;
	}

	/** All defaults: λ = 1e-3 fixed, 2nd derivative, Re+Im, L ≥ 0 fitted, Gaussian RBF, FWHM coefficient 0.5. */
	public static DrtSettings defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.lambda = lambda;
		b.derivative = derivative;
		b.fitMode = fitMode;
		b.inductance = inductance;
		b.freeInductance = freeInductance;
		b.basis = basis;
		b.fwhmCoeff = fwhmCoeff;
		b.fminHz = fminHz;
		b.fmaxHz = fmaxHz;
		b.dropNegativeRe = dropNegativeRe;
		b.dropInductive = dropInductive;
		b.lambdaSelection = lambdaSelection;
		b.findPeaks = findPeaks;
		b.peakShape = peakShape;
		b.minPeakFraction = minPeakFraction;
		return b;
	}

	/** The fixed λ, or the starting guess when λ is selected automatically. */
	public double lambda() { return lambda; }
	/** Order of the derivative of γ that is penalised: 1 or 2. */
	public int derivative() { return derivative; }
	public FitMode fitMode() { return fitMode; }
	/** Whether a series inductance L is fitted. */
	public boolean inductance() { return inductance; }
	/** Whether L may be negative (otherwise L ≥ 0, as in pyDRTtools). */
	public boolean freeInductance() { return freeInductance; }
	public RadialBasis basis() { return basis; }
	/** FWHM coefficient: the RBF's full width at half maximum is (mean ln τ spacing) / coefficient. */
	public double fwhmCoeff() { return fwhmCoeff; }
	/** Lowest frequency used (Hz); 0 = no limit. */
	public double fminHz() { return fminHz; }
	/** Highest frequency used (Hz); +∞ = no limit. */
	public double fmaxHz() { return fmaxHz; }
	/** Drop points with Re Z &lt; 0 (instrument artefacts at the highest frequencies). Default true. */
	public boolean dropNegativeRe() { return dropNegativeRe; }
	/** Drop points with Im Z &gt; 0 (inductive). Default false (they are fitted by L). */
	public boolean dropInductive() { return dropInductive; }
	public LambdaSelection lambdaSelection() { return lambdaSelection; }
	public boolean findPeaks() { return findPeaks; }
	public PeakShape peakShape() { return peakShape; }
	/** Peaks lower than this fraction of the highest γ are ignored (default 0.02). */
	public double minPeakFraction() { return minPeakFraction; }

	/** Key of everything that determines the kernel matrices (not λ, not the mask limits). */
	String kernelKey() {
		return basis + "|" + fwhmCoeff + "|" + derivative + "|" + fitMode + "|" + inductance + "|" + freeInductance;
	}

	@Override
	public String toString() {
		return "DrtSettings[lambda=" + lambda + " (" + lambdaSelection.label() + "), derivative=" + derivative + ", fit=" + fitMode.label()
				+ ", inductance=" + inductance + (freeInductance ? " (free sign)" : "") + ", rbf=" + basis.label() + ", fwhm=" + fwhmCoeff
				+ ", fmin=" + fminHz + ", fmax=" + fmaxHz + "]";
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof DrtSettings && toString().equals(o.toString()) && ((DrtSettings) o).dropNegativeRe == dropNegativeRe
				&& ((DrtSettings) o).dropInductive == dropInductive && ((DrtSettings) o).peakShape == peakShape
				&& ((DrtSettings) o).findPeaks == findPeaks && ((DrtSettings) o).minPeakFraction == minPeakFraction;
	}

	@Override
	public int hashCode() {
		return Objects.hash(toString(), dropNegativeRe, dropInductive, peakShape, findPeaks, minPeakFraction);
	}

	/** Mutable builder; {@link #build()} validates. */
	public static final class Builder {
		private double lambda = 1e-3;
		private int derivative = 2;
		private FitMode fitMode = FitMode.RE_IM;
		private boolean inductance = true;
		private boolean freeInductance = false;
		private RadialBasis basis = RadialBasis.GAUSSIAN;
		private double fwhmCoeff = 0.5;
		private double fminHz = 0;
		private double fmaxHz = Double.POSITIVE_INFINITY;
		private boolean dropNegativeRe = true;
		private boolean dropInductive = false;
		private LambdaSelection lambdaSelection = LambdaSelection.FIXED;
		private boolean findPeaks = true;
		private PeakShape peakShape = PeakShape.ZARC;
		private double minPeakFraction = 0.02;

		private Builder() {}

		public Builder lambda(double v) { lambda = v; return this; }
		public Builder derivative(int v) { derivative = v; return this; }
		public Builder fitMode(FitMode v) { fitMode = Objects.requireNonNull(v); return this; }
		/** "Re+Im", "Re" or "Im". */
		public Builder fitMode(String v) { fitMode = FitMode.parse(v); return this; }
		public Builder inductance(boolean v) { inductance = v; return this; }
		public Builder freeInductance(boolean v) { freeInductance = v; return this; }
		public Builder basis(RadialBasis v) { basis = Objects.requireNonNull(v); return this; }
		/** gaussian, c0_matern, c2_matern, c4_matern, inverse_quadratic, piecewise_linear. */
		public Builder rbf(String v) { basis = RadialBasis.parse(v); return this; }
		public Builder fwhm(double v) { fwhmCoeff = v; return this; }
		public Builder fminHz(double v) { fminHz = v; return this; }
		public Builder fmaxHz(double v) { fmaxHz = v; return this; }
		public Builder dropNegativeRe(boolean v) { dropNegativeRe = v; return this; }
		public Builder dropInductive(boolean v) { dropInductive = v; return this; }
		public Builder lambdaSelection(LambdaSelection v) { lambdaSelection = Objects.requireNonNull(v); return this; }
		/** "fixed", "gcv", "mgcv" or "lcurve". */
		public Builder lambdaSelection(String v) { lambdaSelection = LambdaSelection.parse(v); return this; }
		public Builder findPeaks(boolean v) { findPeaks = v; return this; }
		public Builder peakShape(PeakShape v) { peakShape = Objects.requireNonNull(v); return this; }
		public Builder minPeakFraction(double v) { minPeakFraction = v; return this; }

		public DrtSettings build() {
			if (!(lambda > 0) || Double.isInfinite(lambda)) throw new DrtException("lambda must be a positive number, got " + lambda);
			if (derivative != 1 && derivative != 2) throw new DrtException("derivative must be 1 or 2, got " + derivative);
			if (!(fwhmCoeff > 0) || Double.isInfinite(fwhmCoeff)) throw new DrtException("fwhm coefficient must be positive, got " + fwhmCoeff);
			if (!(fminHz >= 0) || !(fmaxHz > fminHz)) throw new DrtException("Frequency mask needs 0 <= fmin < fmax, got fmin=" + fminHz + " Hz, fmax=" + fmaxHz + " Hz");
			if (basis == RadialBasis.C0_MATERN && derivative == 2)
				throw new DrtException("The c0_matern RBF has no square-integrable second derivative: use derivative=1 or another RBF");
			if (!(minPeakFraction >= 0 && minPeakFraction < 1)) throw new DrtException("minPeakFraction must be in [0,1), got " + minPeakFraction);
			return new DrtSettings(this);
		}
	}
}
