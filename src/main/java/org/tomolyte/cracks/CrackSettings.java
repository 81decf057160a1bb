package org.tomolyte.cracks;

import org.tomolyte.interfaces.PhaseThresholds;

/**
 * Parameters of crack and chip detection, measurement and tracking, with defaults suited to 1–2 µm voxels.
 * Deficits are fractions of the electrolyte–void grey contrast of the reference scan. Immutable; build with
 * {@link #builder()}.
 */
public final class CrackSettings {
	/** How the nominal contact region (the wettable electrolyte footprint inside the O-ring) is found. */
	public enum ContactMode {
		/** Liquid metal told from the O-ring above the surface; the footprint if they cannot be told apart. */
		AUTOMATIC,
		/** The whole electrolyte top-surface footprint. */
		FOOTPRINT,
		/** A user disc (the O-ring's inner circle). */
		DISC
	}

	private double slabUm = 80;
	private PhaseThresholds thresholds = null;
	private boolean precipitateClass = false;
	private int medianRadius = 0;
	private double seedDeficit = 0.5;
	private double growDeficit = 0.25;
	private int minCrackVoxels = 15;
	private int minChipVoxels = 30;
	private double chipHalfThicknessUm = 3.6;
	private int overlapToleranceVoxels = 2;
	private double minIoU = 0.1;
	private double minContainment = 0.5;
	private double growthMinFraction = 0.10;
	private double growthMinDepthUm = Double.NaN;
	private ContactMode contactMode = ContactMode.AUTOMATIC;
	private double contactCentreXUm = Double.NaN, contactCentreYUm = Double.NaN, contactRadiusUm = Double.NaN;
	private double sensitivityDelta = 0;
	private double[] sheetScalesVoxels = {};
	private double cellCurrentMa = Double.NaN;

	private CrackSettings() {}

	public static CrackSettings defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Thickness of the slab below the interface that is searched, µm. */
	public double slabUm() { return slabUm; }
	/** User thresholds, or null for automatic multi-level Otsu on the reference scan. */
	public PhaseThresholds thresholds() { return thresholds; }
	public boolean precipitateClass() { return precipitateClass; }
	/** 3D median radius applied before the interface measurements (0 = none); detection always uses raw grey values. */
	public int medianRadius() { return medianRadius; }
	/** A lost region must hold a voxel that lost at least this fraction of the electrolyte–void contrast. */
	public double seedDeficit() { return seedDeficit; }
	/** Voxels that lost at least this fraction join a lost region they touch (hysteresis). */
	public double growDeficit() { return growDeficit; }
	public int minCrackVoxels() { return minCrackVoxels; }
	public int minChipVoxels() { return minChipVoxels; }
	/** Lost electrolyte that holds a ball of this radius (the space above the surface counting as open) is a chip, µm. */
	public double chipHalfThicknessUm() { return chipHalfThicknessUm; }
	/** Dilation of previous objects when testing containment, voxels (residual misregistration). */
	public int overlapToleranceVoxels() { return overlapToleranceVoxels; }
	public double minIoU() { return minIoU; }
	public double minContainment() { return minContainment; }
	/** Relative volume increase counted as growth. */
	public double growthMinFraction() { return growthMinFraction; }
	/** Depth increase counted as growth, µm; NaN = one voxel. */
	public double growthMinDepthUm() { return growthMinDepthUm; }
	public ContactMode contactMode() { return contactMode; }
	public double contactCentreXUm() { return contactCentreXUm; }
	public double contactCentreYUm() { return contactCentreYUm; }
	public double contactRadiusUm() { return contactRadiusUm; }
	/** Threshold shift for the sensitivity table, as a fraction of the electrolyte–void contrast; 0 = no sensitivity runs. */
	public double sensitivityDelta() { return sensitivityDelta; }
	/**
	 * Scales (voxels) of the Hessian sheetness that follows thin crack tips below the grow level; empty (the default)
	 * = off: at doubled noise it lets a small crack grow into noise (face area +25 % in the tests), e.g. {1.0, 1.5}.
	 */
	public double[] sheetScalesVoxels() { return sheetScalesVoxels.clone(); }
	/** Cell current for the effective current density, mA; NaN = take it from the trace at each scan, or none. */
	public double cellCurrentMa() { return cellCurrentMa; }

	public Builder toBuilder() {
		Builder b = new Builder();
		b.s = copy();
		return b;
	}

	private CrackSettings copy() {
		CrackSettings c = new CrackSettings();
		c.slabUm = slabUm; c.thresholds = thresholds; c.precipitateClass = precipitateClass; c.medianRadius = medianRadius;
		c.seedDeficit = seedDeficit; c.growDeficit = growDeficit; c.minCrackVoxels = minCrackVoxels; c.minChipVoxels = minChipVoxels;
		c.chipHalfThicknessUm = chipHalfThicknessUm; c.overlapToleranceVoxels = overlapToleranceVoxels; c.minIoU = minIoU;
		c.minContainment = minContainment; c.growthMinFraction = growthMinFraction; c.growthMinDepthUm = growthMinDepthUm;
		c.contactMode = contactMode; c.contactCentreXUm = contactCentreXUm; c.contactCentreYUm = contactCentreYUm;
		c.contactRadiusUm = contactRadiusUm; c.sensitivityDelta = sensitivityDelta; c.cellCurrentMa = cellCurrentMa;
		c.sheetScalesVoxels = sheetScalesVoxels.clone();
		return c;
	}

	public static final class Builder {
		private CrackSettings s = new CrackSettings();

		public Builder slabUm(double v) { s.slabUm = v; return this; }
		public Builder thresholds(PhaseThresholds v) { s.thresholds = v; return this; }
		public Builder precipitateClass(boolean v) { s.precipitateClass = v; return this; }
		public Builder medianRadius(int v) { s.medianRadius = v; return this; }
		public Builder seedDeficit(double v) { s.seedDeficit = v; return this; }
		public Builder growDeficit(double v) { s.growDeficit = v; return this; }
		public Builder minCrackVoxels(int v) { s.minCrackVoxels = v; return this; }
		public Builder minChipVoxels(int v) { s.minChipVoxels = v; return this; }
		public Builder chipHalfThicknessUm(double v) { s.chipHalfThicknessUm = v; return this; }
		public Builder overlapToleranceVoxels(int v) { s.overlapToleranceVoxels = v; return this; }
		public Builder minIoU(double v) { s.minIoU = v; return this; }
		public Builder minContainment(double v) { s.minContainment = v; return this; }
		public Builder growthMinFraction(double v) { s.growthMinFraction = v; return this; }
		public Builder growthMinDepthUm(double v) { s.growthMinDepthUm = v; return this; }
		public Builder contactAutomatic() { s.contactMode = ContactMode.AUTOMATIC; return this; }
		public Builder contactFootprint() { s.contactMode = ContactMode.FOOTPRINT; return this; }
		/** The O-ring's inner circle: centre in µm from the centre of voxel (0, 0), radius µm. */
		public Builder contactDisc(double centreXUm, double centreYUm, double radiusUm) {
			s.contactMode = ContactMode.DISC;
			s.contactCentreXUm = centreXUm;
			s.contactCentreYUm = centreYUm;
			s.contactRadiusUm = radiusUm;
			return this;
		}
		public Builder sensitivityDelta(double v) { s.sensitivityDelta = v; return this; }
		public Builder cellCurrentMa(double v) { s.cellCurrentMa = v; return this; }
		public Builder sheetScalesVoxels(double... v) { s.sheetScalesVoxels = v.clone(); return this; }

		public CrackSettings build() {
			CrackSettings c = s.copy();
			check(c.slabUm > 0, "slab_um must be positive, got " + c.slabUm);
			check(c.medianRadius >= 0 && c.medianRadius <= 3, "median radius must be 0–3 voxels, got " + c.medianRadius);
			check(c.growDeficit > 0 && c.growDeficit <= c.seedDeficit && c.seedDeficit < 1.5,
					"deficits must satisfy 0 < grow ≤ seed < 1.5, got grow " + c.growDeficit + ", seed " + c.seedDeficit);
			check(c.minCrackVoxels >= 1 && c.minChipVoxels >= 1, "minimum object sizes must be ≥ 1 voxel");
			check(c.chipHalfThicknessUm > 0, "chip half-thickness must be positive, got " + c.chipHalfThicknessUm + " µm");
			check(c.overlapToleranceVoxels >= 0 && c.overlapToleranceVoxels <= 10, "overlap tolerance must be 0–10 voxels, got " + c.overlapToleranceVoxels);
			check(c.minIoU >= 0 && c.minIoU <= 1 && c.minContainment >= 0 && c.minContainment <= 1, "IoU and containment limits must lie in [0, 1]");
			for (double v : c.sheetScalesVoxels) check(v >= 0.5 && v <= 5, "sheetness scales must lie in [0.5, 5] voxels, got " + v);
			check(c.sensitivityDelta >= 0 && c.sensitivityDelta < 0.5, "sensitivity delta must lie in [0, 0.5), got " + c.sensitivityDelta);
			if (c.contactMode == ContactMode.DISC)
				check(c.contactRadiusUm > 0 && Double.isFinite(c.contactCentreXUm) && Double.isFinite(c.contactCentreYUm), "contact disc needs a finite centre and a positive radius");
			return c;
		}

		private static void check(boolean ok, String message) {
			if (!ok) throw new CrackException("Crack settings: " + message);
		}
	}
}
