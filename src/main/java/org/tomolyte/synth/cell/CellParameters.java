package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every knob of the synthetic NaK | NASICON operando XCT cell (geometry after Wu &amp; Hatzell 2025, Fig. 2:
 * NaK inside an O-ring on a NASICON pellet, crack initiating near the contact edge during plating at
 * 0.7 mA cm⁻², edge chip, NaK infiltration, short circuit near 0.5 mAh cm⁻²). Immutable; make one with
 * {@link #builder()}. Lengths are in µm in the reference frame (x, y horizontal, z vertical = slice index
 * times the voxel size, origin at the centre of voxel (0,0,0)); attenuation coefficients in cm⁻¹ at 80 keV.
 *
 * <p>Attenuation defaults (linear coefficients at 80 keV from mass attenuation × density): NASICON
 * Na₃Zr₂Si₂PO₁₂ (ρ ≈ 3.2 g cm⁻³, Zr-rich) 1.40 cm⁻¹ — the brightest phase; liquid NaK (ρ ≈ 0.87 g cm⁻³)
 * 0.22 cm⁻¹ — much darker than the electrolyte; rubber O-ring 0.33 cm⁻¹; Al current collector 0.56 cm⁻¹;
 * voids, cracks before infiltration and air 0 (darkest).
 *
 * <p>{@code scale} multiplies the field size in voxels and every large length (radii, heights, crack and
 * chip sizes, void sizes, roughness wavelength) at constant voxel size, for full-size stress runs;
 * the crack opening, roughness RMS, chip gap and the imaging parameters stay as given. The built object
 * holds the scaled values and records the scale.
 */
public final class CellParameters {
	// field
	private int widthVoxels = 96;
	private int heightVoxels = 96;
	private int depthVoxels = 64;
	private double voxelUm = 1.3;
	private double scale = 1.0;
	private long seed = 1;
	private transient int threads = 0; // not part of the truth: the output does not depend on it

	// time and charge
	private double[] scanStartS = { 0, 600, 1200, 1800, 2400 };
	private double currentDensityMaCm2 = 0.7;
	private double[] capacitiesMahCm2 = null;

	// cell geometry
	private double pelletRadiusUm = 58.5;
	private double contactRadiusUm = 45.0;
	private double interfaceHeightUm = 37.5;
	private double liquidMetalThicknessUm = 29.0;
	private double tiltXDeg = 1.0;
	private double tiltYDeg = 0.5;
	private double roughnessRmsUm = 0.3;
	private double roughnessWavelengthUm = 10.0;

	// interfacial voids
	private int voidCount = 3;
	private double voidRadiusMinUm = 5.0;
	private double voidRadiusMaxUm = 8.0;
	private double voidHalfHeightMinUm = 2.5;
	private double voidHalfHeightMaxUm = 4.0;

	// crack
	private double crackInitiationMahCm2 = 0.1;
	private double crackAzimuthDeg = 30;
	private double crackEdgeOffsetUm = 10;
	private double crackStrikeDeg = 0;
	private double crackDipDeg = 75;
	private boolean crackDipsOutward = false;
	private double crackAspect = 1.0;
	private double crackCurvaturePerUm = 0;
	private double crackInitialDepthUm = 9.0;
	private double crackDepthRateUmPerMahCm2 = 30;
	private double crackInitialOpeningUm = 2.6;
	private double crackOpeningRateUmPerMahCm2 = 3.0;
	private double crackOpeningExponent = 0.25;
	private double infiltrationMahCm2 = 0.4;

	// edge chip
	private double chipDetachMahCm2 = 0.3;
	private double chipFillMahCm2 = 0.4;
	private double chipGapUm = 2.0;
	private double chipHalfLengthUm = 8.0;
	private double chipHalfWidthUm = 5.0;
	private double chipDepthUm = 5.0;

	// attenuation, cm⁻¹
	private double muElectrolytePerCm = 1.40;
	private double muLiquidMetalPerCm = 0.22;
	private double muOringPerCm = 0.33;
	private double muCollectorPerCm = 0.56;
	private double muVoidPerCm = 0.0;
	private double muAirPerCm = 0.0;

	// imaging
	private int supersampling = 3;
	private double blurSigmaVoxels = 0.7;
	private double noiseSigmaPerCm = 0.04;
	private double poissonGainPerCm = 0.0;
	private double ringStrengthPerCm = 0.03;
	private int ringCount = 12;

	// drift
	private double driftTranslationVoxels = 3.0;
	private double driftRotationZDeg = 1.0;
	private double driftTiltDeg = 0.3;
	private List<RigidTransform> driftTransforms = null;

	// projections
	private ProjectionParameters projections = ProjectionParameters.builder().build();

	private CellParameters() {}

	private CellParameters copy() {
		CellParameters c = new CellParameters();
		for (java.lang.reflect.Field f : CellParameters.class.getDeclaredFields()) {
			if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
			try {
				Object v = f.get(this);
				if (v instanceof double[]) v = ((double[]) v).clone();
				f.set(c, v);
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		return c;
	}

	/** The defaults: a 96 × 96 × 64 cell of 1.3 µm voxels, five scans 600 s apart at 0.7 mA cm⁻². */
	public static CellParameters defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder(new CellParameters());
	}

	/** A builder starting from these (already scaled) values with scale reset to 1. */
	public Builder toBuilder() {
		CellParameters c = copy();
		c.scale = 1.0;
		return new Builder(c);
	}

	// ---- accessors (scaled values) ----
	public int widthVoxels() { return widthVoxels; }
	public int heightVoxels() { return heightVoxels; }
	public int depthVoxels() { return depthVoxels; }
	public double voxelUm() { return voxelUm; }
	public double scale() { return scale; }
	public long seed() { return seed; }
	/** Worker threads for rendering, 0 = all processors; the output does not depend on it. */
	public int threads() { return threads; }
	public int scanCount() { return scanStartS.length; }
	public double[] scanStartS() { return scanStartS.clone(); }
	public double currentDensityMaCm2() { return currentDensityMaCm2; }

	/** Charge passed at the start of each scan, mAh cm⁻² (given, or current density × start time). */
	public double[] capacitiesMahCm2() {
		if (capacitiesMahCm2 != null) return capacitiesMahCm2.clone();
		double[] q = new double[scanStartS.length];
		for (int i = 0; i < q.length; i++)
			q[i] = currentDensityMaCm2 * scanStartS[i] / 3600.0;
		return q;
	}

	public double pelletRadiusUm() { return pelletRadiusUm; }
	/** Inner radius of the O-ring = radius of the nominal NaK | NASICON contact disc. */
	public double contactRadiusUm() { return contactRadiusUm; }
	/** Height of the mean interface plane on the vertical axis through the field centre. */
	public double interfaceHeightUm() { return interfaceHeightUm; }
	public double liquidMetalThicknessUm() { return liquidMetalThicknessUm; }
	/** Interface slope dz/dx = tan(tiltXDeg). */
	public double tiltXDeg() { return tiltXDeg; }
	/** Interface slope dz/dy = tan(tiltYDeg). */
	public double tiltYDeg() { return tiltYDeg; }
	public double roughnessRmsUm() { return roughnessRmsUm; }
	public double roughnessWavelengthUm() { return roughnessWavelengthUm; }
	public int voidCount() { return voidCount; }
	public double voidRadiusMinUm() { return voidRadiusMinUm; }
	public double voidRadiusMaxUm() { return voidRadiusMaxUm; }
	public double voidHalfHeightMinUm() { return voidHalfHeightMinUm; }
	public double voidHalfHeightMaxUm() { return voidHalfHeightMaxUm; }
	public double crackInitiationMahCm2() { return crackInitiationMahCm2; }
	/** Position angle of the crack initiation point about the cell axis, from +x towards +y. */
	public double crackAzimuthDeg() { return crackAzimuthDeg; }
	/** Distance of the crack initiation point inside the contact edge. */
	public double crackEdgeOffsetUm() { return crackEdgeOffsetUm; }
	/** Angle of the surface trace to the local tangent of the contact edge. */
	public double crackStrikeDeg() { return crackStrikeDeg; }
	/** Angle of the crack sheet to the (local) interface; 90 = perpendicular to it. */
	public double crackDipDeg() { return crackDipDeg; }
	public boolean crackDipsOutward() { return crackDipsOutward; }
	/** Half-length of the surface trace divided by the depth. */
	public double crackAspect() { return crackAspect; }
	/** Bending of the sheet along its trace (0 = planar, else a curved sheet). */
	public double crackCurvaturePerUm() { return crackCurvaturePerUm; }
	public double crackInitialDepthUm() { return crackInitialDepthUm; }
	public double crackDepthRateUmPerMahCm2() { return crackDepthRateUmPerMahCm2; }
	public double crackInitialOpeningUm() { return crackInitialOpeningUm; }
	public double crackOpeningRateUmPerMahCm2() { return crackOpeningRateUmPerMahCm2; }
	/** Opening profile w = w0 (1 − ρ²)^p over the half-elliptical face. */
	public double crackOpeningExponent() { return crackOpeningExponent; }
	public double infiltrationMahCm2() { return infiltrationMahCm2; }
	public double chipDetachMahCm2() { return chipDetachMahCm2; }
	public double chipFillMahCm2() { return chipFillMahCm2; }
	public double chipGapUm() { return chipGapUm; }
	public double chipHalfLengthUm() { return chipHalfLengthUm; }
	public double chipHalfWidthUm() { return chipHalfWidthUm; }
	public double chipDepthUm() { return chipDepthUm; }
	public double muElectrolytePerCm() { return muElectrolytePerCm; }
	public double muLiquidMetalPerCm() { return muLiquidMetalPerCm; }
	public double muOringPerCm() { return muOringPerCm; }
	public double muCollectorPerCm() { return muCollectorPerCm; }
	public double muVoidPerCm() { return muVoidPerCm; }
	public double muAirPerCm() { return muAirPerCm; }
	public int supersampling() { return supersampling; }
	public double blurSigmaVoxels() { return blurSigmaVoxels; }
	public double noiseSigmaPerCm() { return noiseSigmaPerCm; }
	/** Signal-dependent noise: variance += gain × max(μ, 0). */
	public double poissonGainPerCm() { return poissonGainPerCm; }
	public double ringStrengthPerCm() { return ringStrengthPerCm; }
	public int ringCount() { return ringCount; }
	public double driftTranslationVoxels() { return driftTranslationVoxels; }
	public double driftRotationZDeg() { return driftRotationZDeg; }
	public double driftTiltDeg() { return driftTiltDeg; }
	/** Explicit scan → reference transforms (one per scan), or null for random drift from the seed. */
	public List<RigidTransform> driftTransforms() { return driftTransforms; }
	/** Raw projection simulation, or null for none. */
	public ProjectionParameters projections() { return projections; }

	/** Builds {@link CellParameters}; every setter names its unit. */
	public static final class Builder {
		private final CellParameters p;

		private Builder(CellParameters p) {
			this.p = p;
		}

		public Builder sizeVoxels(int width, int height, int depth) { p.widthVoxels = width; p.heightVoxels = height; p.depthVoxels = depth; return this; }
		public Builder voxelUm(double v) { p.voxelUm = v; return this; }
		public Builder scale(double v) { p.scale = v; return this; }
		public Builder seed(long v) { p.seed = v; return this; }
		public Builder threads(int v) { p.threads = v; return this; }
		public Builder scanStartS(double... v) { p.scanStartS = v.clone(); return this; }
		/** n scans 600 s apart (the paper's 3001 × 0.2 s scan time). */
		public Builder scanCount(int n) {
			if (n < 1) throw new SyntheticCellException("scanCount must be ≥ 1, got " + n);
			double[] t = new double[n];
			for (int i = 0; i < n; i++) t[i] = 600.0 * i;
			p.scanStartS = t;
			return this;
		}
		public Builder currentDensityMaCm2(double v) { p.currentDensityMaCm2 = v; return this; }
		/** Capacities per scan (overrides current density × time); null to derive them. */
		public Builder capacitiesMahCm2(double... v) { p.capacitiesMahCm2 = v == null ? null : v.clone(); return this; }
		public Builder pelletRadiusUm(double v) { p.pelletRadiusUm = v; return this; }
		public Builder contactRadiusUm(double v) { p.contactRadiusUm = v; return this; }
		public Builder interfaceHeightUm(double v) { p.interfaceHeightUm = v; return this; }
		public Builder liquidMetalThicknessUm(double v) { p.liquidMetalThicknessUm = v; return this; }
		public Builder tiltDeg(double x, double y) { p.tiltXDeg = x; p.tiltYDeg = y; return this; }
		public Builder roughnessRmsUm(double v) { p.roughnessRmsUm = v; return this; }
		public Builder roughnessWavelengthUm(double v) { p.roughnessWavelengthUm = v; return this; }
		public Builder voidCount(int v) { p.voidCount = v; return this; }
		public Builder voidRadiusUm(double min, double max) { p.voidRadiusMinUm = min; p.voidRadiusMaxUm = max; return this; }
		public Builder voidHalfHeightUm(double min, double max) { p.voidHalfHeightMinUm = min; p.voidHalfHeightMaxUm = max; return this; }
		public Builder crackInitiationMahCm2(double v) { p.crackInitiationMahCm2 = v; return this; }
		public Builder crackAzimuthDeg(double v) { p.crackAzimuthDeg = v; return this; }
		public Builder crackEdgeOffsetUm(double v) { p.crackEdgeOffsetUm = v; return this; }
		public Builder crackStrikeDeg(double v) { p.crackStrikeDeg = v; return this; }
		public Builder crackDipDeg(double v) { p.crackDipDeg = v; return this; }
		public Builder crackDipsOutward(boolean v) { p.crackDipsOutward = v; return this; }
		public Builder crackAspect(double v) { p.crackAspect = v; return this; }
		public Builder crackCurvaturePerUm(double v) { p.crackCurvaturePerUm = v; return this; }
		public Builder crackInitialDepthUm(double v) { p.crackInitialDepthUm = v; return this; }
		public Builder crackDepthRateUmPerMahCm2(double v) { p.crackDepthRateUmPerMahCm2 = v; return this; }
		public Builder crackInitialOpeningUm(double v) { p.crackInitialOpeningUm = v; return this; }
		public Builder crackOpeningRateUmPerMahCm2(double v) { p.crackOpeningRateUmPerMahCm2 = v; return this; }
		public Builder crackOpeningExponent(double v) { p.crackOpeningExponent = v; return this; }
		public Builder infiltrationMahCm2(double v) { p.infiltrationMahCm2 = v; return this; }
		public Builder chipDetachMahCm2(double v) { p.chipDetachMahCm2 = v; return this; }
		public Builder chipFillMahCm2(double v) { p.chipFillMahCm2 = v; return this; }
		public Builder chipGapUm(double v) { p.chipGapUm = v; return this; }
		public Builder chipSizeUm(double halfLength, double halfWidth, double depth) { p.chipHalfLengthUm = halfLength; p.chipHalfWidthUm = halfWidth; p.chipDepthUm = depth; return this; }
		public Builder muElectrolytePerCm(double v) { p.muElectrolytePerCm = v; return this; }
		public Builder muLiquidMetalPerCm(double v) { p.muLiquidMetalPerCm = v; return this; }
		public Builder muOringPerCm(double v) { p.muOringPerCm = v; return this; }
		public Builder muCollectorPerCm(double v) { p.muCollectorPerCm = v; return this; }
		public Builder muVoidPerCm(double v) { p.muVoidPerCm = v; return this; }
		public Builder muAirPerCm(double v) { p.muAirPerCm = v; return this; }
		public Builder supersampling(int v) { p.supersampling = v; return this; }
		public Builder blurSigmaVoxels(double v) { p.blurSigmaVoxels = v; return this; }
		public Builder noiseSigmaPerCm(double v) { p.noiseSigmaPerCm = v; return this; }
		public Builder poissonGainPerCm(double v) { p.poissonGainPerCm = v; return this; }
		public Builder ringStrengthPerCm(double v) { p.ringStrengthPerCm = v; return this; }
		public Builder ringCount(int v) { p.ringCount = v; return this; }
		public Builder drift(double translationVoxels, double rotationZDeg, double tiltDeg) { p.driftTranslationVoxels = translationVoxels; p.driftRotationZDeg = rotationZDeg; p.driftTiltDeg = tiltDeg; return this; }
		/** Explicit scan → reference transforms, one per scan; null for random drift. */
		public Builder driftTransforms(List<RigidTransform> v) { p.driftTransforms = v == null ? null : Collections.unmodifiableList(new ArrayList<>(v)); return this; }
		/** No drift: every scan is in the reference frame. */
		public Builder noDrift() { return drift(0, 0, 0); }
		/** No blur, noise or rings: the rendered scans are the partial-volume phantom. */
		public Builder clean() { p.blurSigmaVoxels = 0; p.noiseSigmaPerCm = 0; p.poissonGainPerCm = 0; p.ringStrengthPerCm = 0; return this; }
		public Builder projections(ProjectionParameters v) { p.projections = v; return this; }

		/** Validates, applies the scale, and returns the immutable parameters. */
		public CellParameters build() {
			CellParameters c = p.copy();
			double s = c.scale;
			require(s > 0 && Double.isFinite(s), "scale", s, "must be > 0");
			c.widthVoxels = (int) Math.round(c.widthVoxels * s);
			c.heightVoxels = (int) Math.round(c.heightVoxels * s);
			c.depthVoxels = (int) Math.round(c.depthVoxels * s);
			c.pelletRadiusUm *= s;
			c.contactRadiusUm *= s;
			c.interfaceHeightUm *= s;
			c.liquidMetalThicknessUm *= s;
			c.roughnessWavelengthUm *= s;
			c.voidRadiusMinUm *= s;
			c.voidRadiusMaxUm *= s;
			c.voidHalfHeightMinUm *= s;
			c.voidHalfHeightMaxUm *= s;
			c.crackEdgeOffsetUm *= s;
			c.crackCurvaturePerUm /= s;
			c.crackInitialDepthUm *= s;
			c.crackDepthRateUmPerMahCm2 *= s;
			c.chipHalfLengthUm *= s;
			c.chipHalfWidthUm *= s;
			c.chipDepthUm *= s;
			c.validate();
			return c;
		}
	}

	private static void require(boolean ok, String name, Object value, String what) {
		if (!ok) throw new SyntheticCellException("Parameter " + name + " = " + value + " " + what);
	}

	private void validate() {
		require(widthVoxels >= 16 && heightVoxels >= 16 && depthVoxels >= 8, "sizeVoxels", widthVoxels + "×" + heightVoxels + "×" + depthVoxels, "is too small (need at least 16 × 16 × 8)");
		require((long) widthVoxels * heightVoxels < Integer.MAX_VALUE, "sizeVoxels", widthVoxels + "×" + heightVoxels, "has more pixels per slice than a Java array holds");
		require(voxelUm > 0, "voxelUm", voxelUm, "must be > 0");
		require(scanStartS.length >= 1, "scanStartS", Arrays.toString(scanStartS), "needs at least one scan");
		for (int i = 1; i < scanStartS.length; i++)
			require(scanStartS[i] > scanStartS[i - 1], "scanStartS", Arrays.toString(scanStartS), "must increase");
		if (capacitiesMahCm2 != null)
			require(capacitiesMahCm2.length == scanStartS.length, "capacitiesMahCm2", Arrays.toString(capacitiesMahCm2), "needs one value per scan (" + scanStartS.length + ")");
		double fieldRadius = 0.5 * Math.min(widthVoxels, heightVoxels) * voxelUm;
		require(pelletRadiusUm > 0 && pelletRadiusUm <= fieldRadius * 1.5, "pelletRadiusUm", pelletRadiusUm, "must be > 0 and comparable to the field radius " + fieldRadius);
		require(contactRadiusUm > 0 && contactRadiusUm < pelletRadiusUm, "contactRadiusUm", contactRadiusUm, "must be between 0 and pelletRadiusUm " + pelletRadiusUm);
		require(liquidMetalThicknessUm > 0, "liquidMetalThicknessUm", liquidMetalThicknessUm, "must be > 0");
		require(Math.abs(tiltXDeg) < 20 && Math.abs(tiltYDeg) < 20, "tiltDeg", tiltXDeg + ", " + tiltYDeg, "must be within ±20°");
		require(roughnessRmsUm >= 0, "roughnessRmsUm", roughnessRmsUm, "must be ≥ 0");
		require(roughnessWavelengthUm > 0, "roughnessWavelengthUm", roughnessWavelengthUm, "must be > 0");
		require(voidCount >= 0, "voidCount", voidCount, "must be ≥ 0");
		require(voidRadiusMinUm > 0 && voidRadiusMaxUm >= voidRadiusMinUm, "voidRadiusUm", voidRadiusMinUm + ".." + voidRadiusMaxUm, "must be a positive range");
		require(voidHalfHeightMinUm > 0 && voidHalfHeightMaxUm >= voidHalfHeightMinUm, "voidHalfHeightUm", voidHalfHeightMinUm + ".." + voidHalfHeightMaxUm, "must be a positive range");
		require(crackDipDeg >= 20 && crackDipDeg <= 90, "crackDipDeg", crackDipDeg, "must be within 20°..90°");
		require(crackAspect > 0, "crackAspect", crackAspect, "must be > 0");
		require(crackEdgeOffsetUm > 0 && crackEdgeOffsetUm < contactRadiusUm, "crackEdgeOffsetUm", crackEdgeOffsetUm, "must be inside the contact disc (0.." + contactRadiusUm + ")");
		require(crackInitialDepthUm > 0, "crackInitialDepthUm", crackInitialDepthUm, "must be > 0");
		require(crackDepthRateUmPerMahCm2 >= 0, "crackDepthRateUmPerMahCm2", crackDepthRateUmPerMahCm2, "must be ≥ 0");
		require(crackInitialOpeningUm > 0, "crackInitialOpeningUm", crackInitialOpeningUm, "must be > 0");
		require(crackOpeningRateUmPerMahCm2 >= 0, "crackOpeningRateUmPerMahCm2", crackOpeningRateUmPerMahCm2, "must be ≥ 0");
		require(crackOpeningExponent >= 0 && crackOpeningExponent <= 2, "crackOpeningExponent", crackOpeningExponent, "must be within 0..2");
		require(chipHalfLengthUm > 0 && chipHalfWidthUm > 0 && chipDepthUm > 0, "chipSizeUm", chipHalfLengthUm + ", " + chipHalfWidthUm + ", " + chipDepthUm, "must be > 0");
		require(chipGapUm >= 0, "chipGapUm", chipGapUm, "must be ≥ 0");
		require(chipFillMahCm2 >= chipDetachMahCm2, "chipFillMahCm2", chipFillMahCm2, "must not come before chipDetachMahCm2 " + chipDetachMahCm2);
		require(supersampling >= 1 && supersampling <= 16, "supersampling", supersampling, "must be within 1..16");
		require(blurSigmaVoxels >= 0, "blurSigmaVoxels", blurSigmaVoxels, "must be ≥ 0");
		require(noiseSigmaPerCm >= 0, "noiseSigmaPerCm", noiseSigmaPerCm, "must be ≥ 0");
		require(poissonGainPerCm >= 0, "poissonGainPerCm", poissonGainPerCm, "must be ≥ 0");
		require(ringStrengthPerCm >= 0, "ringStrengthPerCm", ringStrengthPerCm, "must be ≥ 0");
		require(ringCount >= 0, "ringCount", ringCount, "must be ≥ 0");
		require(driftTranslationVoxels >= 0 && driftRotationZDeg >= 0 && driftTiltDeg >= 0, "drift", driftTranslationVoxels + ", " + driftRotationZDeg + ", " + driftTiltDeg, "must be ≥ 0");
		if (driftTransforms != null)
			require(driftTransforms.size() == scanStartS.length, "driftTransforms", driftTransforms.size() + " transforms", "needs one per scan (" + scanStartS.length + ")");
		require(threads >= 0, "threads", threads, "must be ≥ 0 (0 = all processors)");
	}
}
