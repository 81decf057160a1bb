package org.tomolyte.synth.cell;

/**
 * Settings for the raw parallel-beam projections of chosen slices of the synthetic cell (the acquisition of
 * Wu &amp; Hatzell 2025: 3001 projections over 180°, flat- and dark-field frames, processed with flat-field
 * normalisation, centre finding, zinger and ring removal — Vo et al., Opt. Express 26 (2018) 28396). The
 * defaults are small (180 angles) so tests run in seconds. Immutable; make one with {@link #builder()}.
 *
 * <p>{@code muScale} multiplies the attenuation before projecting: the synthetic field of view is about
 * fifty times narrower than the real 4 mm field, so without it the sample would absorb only ~2 % and the
 * projections would be noise; with it the transmission is in the 30–90 % range of the real data.
 */
public final class ProjectionParameters {
	private int[] sliceIndices = {};
	private int scanIndex = -1;
	private int angleCount = 180;
	private int detectorPaddingPixels = 8;
	private double flatCounts = 20000;
	private double darkCounts = 100;
	private int flatFrames = 10;
	private int darkFrames = 5;
	private double zingerFraction = 2e-4;
	private int deadColumns = 1;
	private int partialColumns = 3;
	private double partialColumnGainError = 0.05;
	private double centreOffsetPixels = 0.3;
	private double muScale = 40;
	private int supersampling = 4;

	private ProjectionParameters() {}

	public static Builder builder() {
		return new Builder();
	}

	/** Slices (z index in the chosen scan's frame) to project; empty = one slice through the final crack. */
	public int[] sliceIndices() { return sliceIndices.clone(); }
	/** The scan whose state and drift are projected; −1 = the last scan. */
	public int scanIndex() { return scanIndex; }
	/** Number of projection angles, equally spaced over [0°, 180°). */
	public int angleCount() { return angleCount; }
	/** Detector columns beyond the slice width, split over both sides. */
	public int detectorPaddingPixels() { return detectorPaddingPixels; }
	/** Mean open-beam counts per pixel and frame. */
	public double flatCounts() { return flatCounts; }
	public double darkCounts() { return darkCounts; }
	public int flatFrames() { return flatFrames; }
	public int darkFrames() { return darkFrames; }
	/** Fraction of sinogram pixels hit by a zinger. */
	public double zingerFraction() { return zingerFraction; }
	/** Columns that read only the dark level (full stripes). */
	public int deadColumns() { return deadColumns; }
	/** Columns whose gain during the scan differs from the flat field (partial stripes). */
	public int partialColumns() { return partialColumns; }
	public double partialColumnGainError() { return partialColumnGainError; }
	/** Centre of rotation offset from the detector middle, pixels (sub-pixel allowed). */
	public double centreOffsetPixels() { return centreOffsetPixels; }
	public double muScale() { return muScale; }
	/** Sub-pixels per pixel side for the exact slice. */
	public int supersampling() { return supersampling; }

	/** Builds {@link ProjectionParameters}. */
	public static final class Builder {
		private final ProjectionParameters p = new ProjectionParameters();

		public Builder sliceIndices(int... v) { p.sliceIndices = v.clone(); return this; }
		public Builder scanIndex(int v) { p.scanIndex = v; return this; }
		public Builder angleCount(int v) { p.angleCount = v; return this; }
		public Builder detectorPaddingPixels(int v) { p.detectorPaddingPixels = v; return this; }
		public Builder flatCounts(double v) { p.flatCounts = v; return this; }
		public Builder darkCounts(double v) { p.darkCounts = v; return this; }
		public Builder frames(int flats, int darks) { p.flatFrames = flats; p.darkFrames = darks; return this; }
		public Builder zingerFraction(double v) { p.zingerFraction = v; return this; }
		public Builder stripes(int dead, int partial, double partialGainError) { p.deadColumns = dead; p.partialColumns = partial; p.partialColumnGainError = partialGainError; return this; }
		public Builder centreOffsetPixels(double v) { p.centreOffsetPixels = v; return this; }
		public Builder muScale(double v) { p.muScale = v; return this; }
		public Builder supersampling(int v) { p.supersampling = v; return this; }

		public ProjectionParameters build() {
			ProjectionParameters c = new ProjectionParameters();
			c.sliceIndices = p.sliceIndices.clone();
			c.scanIndex = p.scanIndex;
			c.angleCount = p.angleCount;
			c.detectorPaddingPixels = p.detectorPaddingPixels;
			c.flatCounts = p.flatCounts;
			c.darkCounts = p.darkCounts;
			c.flatFrames = p.flatFrames;
			c.darkFrames = p.darkFrames;
			c.zingerFraction = p.zingerFraction;
			c.deadColumns = p.deadColumns;
			c.partialColumns = p.partialColumns;
			c.partialColumnGainError = p.partialColumnGainError;
			c.centreOffsetPixels = p.centreOffsetPixels;
			c.muScale = p.muScale;
			c.supersampling = p.supersampling;
			check(c.angleCount >= 2, "angleCount", c.angleCount, "must be ≥ 2");
			check(c.detectorPaddingPixels >= 0, "detectorPaddingPixels", c.detectorPaddingPixels, "must be ≥ 0");
			check(c.flatCounts > c.darkCounts && c.darkCounts >= 0, "flatCounts", c.flatCounts, "must exceed darkCounts " + c.darkCounts + " ≥ 0");
			check(c.flatFrames >= 1 && c.darkFrames >= 1, "frames", c.flatFrames + ", " + c.darkFrames, "need at least one flat and one dark frame");
			check(c.zingerFraction >= 0 && c.zingerFraction < 0.1, "zingerFraction", c.zingerFraction, "must be within 0..0.1");
			check(c.deadColumns >= 0 && c.partialColumns >= 0, "stripes", c.deadColumns + ", " + c.partialColumns, "must be ≥ 0");
			check(Math.abs(c.centreOffsetPixels) <= c.detectorPaddingPixels / 2.0 + 2, "centreOffsetPixels", c.centreOffsetPixels, "moves the rotation axis too far for the detector padding " + c.detectorPaddingPixels);
			check(c.muScale > 0, "muScale", c.muScale, "must be > 0");
			check(c.supersampling >= 1 && c.supersampling <= 16, "supersampling", c.supersampling, "must be within 1..16");
			return c;
		}

		private static void check(boolean ok, String name, Object v, String what) {
			if (!ok) throw new SyntheticCellException("Projection parameter " + name + " = " + v + " " + what);
		}
	}
}
