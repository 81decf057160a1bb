package org.tomolyte.align;

import java.util.Locale;

import org.tomolyte.model.Volume;

/**
 * Parameters of time-series registration, interface levelling and resampling, with defaults that suit
 * operando XCT of a cell (see {@link TimeSeriesAligner}). Fluent setters validate their argument and name it
 * in the error.
 */
public final class AlignSettings implements Cloneable {
	private int threads = 0;
	private int referenceIndex = 0;
	private int coarseSize = 128;
	private int candidatePeaks = 5;
	private double whitening = 0.7;
	private double tukeyAlpha = 0.5;
	private boolean suppressAxialRings = true;
	private int blockSize = 32;
	private int maxBlocks = 128;
	private int finestFactor = 1;
	private Interpolation matchInterpolation = Interpolation.LINEAR;
	private int maxIterations = 10;
	private double toleranceVoxels = 0.01;
	private double maxResidualVoxels = 1.0;
	private int minBlocks = 6;
	private Volume mask;
	private boolean autoMask = true;
	private double excludeGreyMin = Double.NaN, excludeGreyMax = Double.NaN;
	private double minOverlapFraction = 0.2;
	private double minNcc = 0.1;
	private boolean chain = false;
	private double chainToleranceVoxels = 0.5;
	private boolean acceptUnconverged = false;
	private boolean levelInterface = false;
	private InterfaceSettings interfaceSettings = new InterfaceSettings();
	private Interpolation outputInterpolation = Interpolation.LINEAR;
	private boolean cropToCommon = true;
	private boolean keepAlignedVolumes = true;
	private boolean translationOnly = false;
	private double bandLimit = 0.5;
	private boolean apertureAware = true;
	private boolean intensityRefinement = true;
	private double refineSmoothingVoxels = 1.0;
	private int refineMaxSamples = 600_000;
	private int refineMaxIterations = 30;
	private boolean labRingModel = true;

	public int threads() { return threads; }
	public int referenceIndex() { return referenceIndex; }
	public int coarseSize() { return coarseSize; }
	public int candidatePeaks() { return candidatePeaks; }
	public double whitening() { return whitening; }
	public double tukeyAlpha() { return tukeyAlpha; }
	public boolean suppressAxialRings() { return suppressAxialRings; }
	public int blockSize() { return blockSize; }
	public int maxBlocks() { return maxBlocks; }
	public int finestFactor() { return finestFactor; }
	public Interpolation matchInterpolation() { return matchInterpolation; }
	public int maxIterations() { return maxIterations; }
	public double toleranceVoxels() { return toleranceVoxels; }
	public double maxResidualVoxels() { return maxResidualVoxels; }
	public int minBlocks() { return minBlocks; }
	/** The user mask in the reference frame (non-zero = may be used for matching), or null. */
	public Volume mask() { return mask; }
	public boolean autoMask() { return autoMask; }
	public double excludeGreyMin() { return excludeGreyMin; }
	public double excludeGreyMax() { return excludeGreyMax; }
	public double minOverlapFraction() { return minOverlapFraction; }
	public double minNcc() { return minNcc; }
	public boolean chain() { return chain; }
	public double chainToleranceVoxels() { return chainToleranceVoxels; }
	public boolean acceptUnconverged() { return acceptUnconverged; }
	public boolean levelInterface() { return levelInterface; }
	public InterfaceSettings interfaceSettings() { return interfaceSettings; }
	public Interpolation outputInterpolation() { return outputInterpolation; }
	public boolean cropToCommon() { return cropToCommon; }
	public boolean keepAlignedVolumes() { return keepAlignedVolumes; }
	public boolean translationOnly() { return translationOnly; }
	public double bandLimit() { return bandLimit; }
	public boolean apertureAware() { return apertureAware; }
	public boolean intensityRefinement() { return intensityRefinement; }
	public double refineSmoothingVoxels() { return refineSmoothingVoxels; }
	public int refineMaxSamples() { return refineMaxSamples; }
	public int refineMaxIterations() { return refineMaxIterations; }
	public boolean labRingModel() { return labRingModel; }

	/** Worker threads; 0 = all processors. Results do not depend on it. */
	public AlignSettings threads(int n) { threads = atLeast("threads", n, 0); return this; }
	/** Index of the reference scan (default 0, the first). */
	public AlignSettings referenceIndex(int i) { referenceIndex = atLeast("reference", i, 0); return this; }
	/** Largest dimension (voxels) of the downsampled volumes used for coarse phase correlation (default 128). */
	public AlignSettings coarseSize(int n) { coarseSize = atLeast("coarseSize", n, 16); return this; }
	/** Phase-correlation peaks verified by normalised cross-correlation (default 5). */
	public AlignSettings candidatePeaks(int n) { candidatePeaks = atLeast("candidatePeaks", n, 1); return this; }
	/** Whitening exponent p of the cross-power spectrum, 0 (cross-correlation) … 1 (phase correlation); default 0.7. */
	public AlignSettings whitening(double p) { whitening = within("whitening", p, 0, 1); return this; }
	/** Tukey window taper fraction, 0 (none) … 1 (Hann); default 0.5. */
	public AlignSettings tukeyAlpha(double a) { tukeyAlpha = within("tukeyAlpha", a, 0, 1); return this; }
	/** Remove the mean along z of every column before correlating, which cancels lab-frame ring artifacts (default on). */
	public AlignSettings suppressAxialRings(boolean on) { suppressAxialRings = on; return this; }
	/** Edge of the cubic matching blocks in voxels (default 32). */
	public AlignSettings blockSize(int n) { blockSize = atLeast("blockSize", n, 8); return this; }
	/** Most blocks matched per level (the most textured are kept; default 128). */
	public AlignSettings maxBlocks(int n) { maxBlocks = atLeast("maxBlocks", n, 3); return this; }
	/**
	 * Finest pyramid factor at which blocks are matched: 1 = full resolution (default), 2 = half, … With the
	 * intensity refinement on, volumes over 256 voxels across stop block matching at 2 (the refinement works
	 * at full resolution).
	 */
	public AlignSettings finestFactor(int f) { finestFactor = atLeast("finestFactor", f, 1); return this; }
	/** Interpolation of the scan when blocks are matched at full resolution (default LINEAR). */
	public AlignSettings matchInterpolation(Interpolation m) { matchInterpolation = m == Interpolation.NEAREST ? Interpolation.LINEAR : m; return this; }
	/** Most warp-and-rematch rounds per pyramid level (default 10). */
	public AlignSettings maxIterations(int n) { maxIterations = atLeast("maxIterations", n, 1); return this; }
	/** Convergence: the largest corner displacement change between rounds, in voxels (default 0.01). */
	public AlignSettings toleranceVoxels(double t) { toleranceVoxels = positive("toleranceVoxels", t); return this; }
	/** A registration whose inlier RMS residual exceeds this (voxels) is not converged (default 1). */
	public AlignSettings maxResidualVoxels(double t) { maxResidualVoxels = positive("maxResidualVoxels", t); return this; }
	/** Fewest inlier blocks for a trustworthy fit (default 6). */
	public AlignSettings minBlocks(int n) { minBlocks = atLeast("minBlocks", n, 3); return this; }
	/** User mask in the reference frame, same size as the reference; non-zero voxels may be matched. */
	public AlignSettings mask(Volume m) { mask = m; return this; }
	/** Drop blocks whose content changed (NCC far below the others) before the final fit (default on). */
	public AlignSettings autoMask(boolean on) { autoMask = on; return this; }
	/** Skip blocks with more than 10 % of their voxels in [min, max] (e.g. the liquid metal); min > max disables. */
	public AlignSettings excludeGreyRange(double min, double max) { excludeGreyMin = min; excludeGreyMax = max; return this; }
	/** Smallest overlap of a scan with the reference, as a fraction of the reference volume (default 0.2). */
	public AlignSettings minOverlapFraction(double f) { minOverlapFraction = within("minOverlapFraction", f, 0, 1); return this; }
	/** Smallest normalised cross-correlation of the coarse match below which a scan is said not to match (default 0.1). */
	public AlignSettings minNcc(double v) { minNcc = within("minNcc", v, -1, 1); return this; }
	/** Register each scan to the previous one and chain the transforms, checked against a direct registration. */
	public AlignSettings chain(boolean on) { chain = on; return this; }
	/** Largest allowed difference (voxels) between chained and direct transforms (default 0.5). */
	public AlignSettings chainToleranceVoxels(double t) { chainToleranceVoxels = positive("chainToleranceVoxels", t); return this; }
	/** Return flagged results instead of throwing when a scan does not converge (default off). */
	public AlignSettings acceptUnconverged(boolean on) { acceptUnconverged = on; return this; }
	/** Also level the electrolyte/liquid-metal interface of the reference (default off). */
	public AlignSettings levelInterface(boolean on) { levelInterface = on; return this; }
	public AlignSettings interfaceSettings(InterfaceSettings s) { interfaceSettings = java.util.Objects.requireNonNull(s, "interfaceSettings"); return this; }
	/** Interpolation of the aligned output (default LINEAR; NEAREST for label images). */
	public AlignSettings outputInterpolation(Interpolation m) { outputInterpolation = java.util.Objects.requireNonNull(m, "outputInterpolation"); return this; }
	/** Crop the output to the field of view common to all scans (default on). */
	public AlignSettings cropToCommon(boolean on) { cropToCommon = on; return this; }
	/** Keep the aligned volumes in the result (default on); off when the caller writes slices itself. */
	public AlignSettings keepAlignedVolumes(boolean on) { keepAlignedVolumes = on; return this; }

	/** Block matching ignores frequencies above this fraction of Nyquist (cosine taper from half of it; default 0.5; 1 = off). */
	public AlignSettings bandLimit(double f) { bandLimit = within("bandLimit", f, 0.1, 1); return this; }

	/** Weight each block's displacement by its gradient structure tensor in the rigid update (default on). */
	public AlignSettings apertureAware(boolean on) { apertureAware = on; return this; }

	/**
	 * Finish 3D registrations with a robust intensity-based Gauss–Newton refinement over every sampled voxel
	 * (default on): block matching alone leaves weakly textured volumes at about a tenth of a voxel and of a
	 * degree. 2D slice alignment keeps block matching (concentric windings let the 2D optimum slide).
	 */
	public AlignSettings intensityRefinement(boolean on) { intensityRefinement = on; return this; }
	/** Gaussian σ (voxels) applied to both volumes before the intensity refinement (default 1; 0 = none). */
	public AlignSettings refineSmoothingVoxels(double s) { refineSmoothingVoxels = within("refineSmoothingVoxels", s, 0, 8); return this; }
	/** Most reference voxels sampled (one per cell of a regular grid) by the intensity refinement (default 600 000: every voxel of a 96³ scan, one in 5³ of a 512² × 256 one). */
	public AlignSettings refineMaxSamples(int n) { refineMaxSamples = atLeast("refineMaxSamples", n, 1000); return this; }
	/** Most Gauss–Newton iterations of the intensity refinement (default 30). */
	public AlignSettings refineMaxIterations(int n) { refineMaxIterations = atLeast("refineMaxIterations", n, 1); return this; }

	/**
	 * Estimate ring artifacts fixed in the lab frame (about each scan's slice centre) along with the intensity
	 * refinement and leave them out of the match (default on): they do not move with the sample and would pull
	 * the estimate. See {@code LabRingProfile}.
	 */
	public AlignSettings labRingModel(boolean on) { labRingModel = on; return this; }

	/** Estimate translation only, no rotation (default off). */
	public AlignSettings translationOnly(boolean on) { translationOnly = on; return this; }

	/** An independent copy (the mask and interface settings are shared). */
	public AlignSettings copy() {
		try {
			return (AlignSettings) super.clone();
		} catch (CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}

	static int atLeast(String name, int v, int min) {
		if (v < min) throw new AlignException("Setting " + name + " must be at least " + min + ", got " + v);
		return v;
	}

	static double within(String name, double v, double lo, double hi) {
		if (!(v >= lo && v <= hi)) throw new AlignException(String.format(Locale.ROOT, "Setting %s must be in [%g, %g], got %g", name, lo, hi, v));
		return v;
	}

	static double positive(String name, double v) {
		if (!(v > 0)) throw new AlignException("Setting " + name + " must be positive, got " + v);
		return v;
	}
}
