package org.tomolyte.align;

import org.tomolyte.model.Volume;

/**
 * A measured electrolyte/liquid-metal interface: the sub-voxel height map, the robust plane through it, its
 * tilt and roughness, and the rotation that makes it normal to the column axis. In the names, u and v are
 * the two in-plane axes and w the column axis: for {@link InterfaceSettings.Axis#Z} (u, v, w) = (x, y, z),
 * for {@link InterfaceSettings.Axis#Y} (u, v, w) = (x, z, y).
 */
public final class InterfaceResult {
	private final InterfaceSettings.Axis axis;
	private final Volume heightMapUm;
	private final double mapOriginUUm, mapOriginVUm;
	private final double heightAtOriginUm, slopeU, slopeV;
	private final double roughnessRmsUm, peakToValleyUm;
	private final int validCount, inlierCount;
	private final boolean rising;
	private final Affine3D levelling;
	private final Volume inlierMap;

	InterfaceResult(InterfaceSettings.Axis axis, Volume heightMapUm, double mapOriginUUm, double mapOriginVUm, double heightAtOriginUm, double slopeU,
			double slopeV, double roughnessRmsUm, double peakToValleyUm, int validCount, int inlierCount, boolean rising, Affine3D levelling, Volume inlierMap) {
		this.axis = axis;
		this.heightMapUm = heightMapUm;
		this.mapOriginUUm = mapOriginUUm;
		this.mapOriginVUm = mapOriginVUm;
		this.heightAtOriginUm = heightAtOriginUm;
		this.slopeU = slopeU;
		this.slopeV = slopeV;
		this.roughnessRmsUm = roughnessRmsUm;
		this.peakToValleyUm = peakToValleyUm;
		this.validCount = validCount;
		this.inlierCount = inlierCount;
		this.rising = rising;
		this.levelling = levelling;
		this.inlierMap = inlierMap;
	}

	public InterfaceSettings.Axis axis() { return axis; }

	/**
	 * Interface position along w (µm, volume frame) per tile, as a one-slice volume whose pixel (i, j) is the
	 * tile centred at u = {@link #mapOriginUUm()} + i·pixelWidth, v = {@link #mapOriginVUm()} + j·pixelHeight;
	 * NaN where no edge was found.
	 */
	public Volume heightMapUm() { return heightMapUm; }

	/**
	 * 1 where the tile's height was used by the final plane fit, 0 where it lies more than outlierSigma robust
	 * standard deviations from the plane (bumps, filaments, wall effects) or no edge was found; same grid as
	 * the height map.
	 */
	public Volume inlierMap() { return inlierMap; }
	public double mapOriginUUm() { return mapOriginUUm; }
	public double mapOriginVUm() { return mapOriginVUm; }

	/** Plane w = heightAtOriginUm + slopeU·u + slopeV·v (all µm). */
	public double heightAtOriginUm() { return heightAtOriginUm; }
	public double slopeU() { return slopeU; }
	public double slopeV() { return slopeV; }

	/** Plane height (µm) at in-plane position (u, v) in µm. */
	public double planeHeightUm(double uUm, double vUm) { return heightAtOriginUm + slopeU * uUm + slopeV * vUm; }

	/** Tilt along u: atan(slopeU), degrees (for axis Z: the rotation about y that levels it, up to sign). */
	public double tiltUDeg() { return Math.toDegrees(Math.atan(slopeU)); }
	/** Tilt along v: atan(slopeV), degrees. */
	public double tiltVDeg() { return Math.toDegrees(Math.atan(slopeV)); }
	/** Angle between the plane normal and the column axis, degrees. */
	public double tiltDeg() { return Math.toDegrees(Math.atan(Math.hypot(slopeU, slopeV))); }

	/** RMS of the inlier heights about the plane (µm); includes the measurement noise. */
	public double roughnessRmsUm() { return roughnessRmsUm; }
	/** Highest minus lowest inlier height about the plane (µm). */
	public double peakToValleyUm() { return peakToValleyUm; }
	/** Tiles where an edge was found. */
	public int validCount() { return validCount; }
	/** Tiles used by the final plane fit. */
	public int inlierCount() { return inlierCount; }
	/** True when grey values rise across the interface towards larger w. */
	public boolean rising() { return rising; }

	/**
	 * The rotation about the interface centre (the plane point above the middle of the volume) that turns the
	 * plane normal onto the w axis: apply it after the registration to level the interface.
	 */
	public Affine3D levelling() { return levelling; }

	/**
	 * The same interface described in a frame whose origin lies at (−du, −dv, −dw) µm of this one along u, v, w
	 * (a point at u here is at u + du there), with {@code levelling} the levelling rotation in that frame: how a
	 * measurement on a downsampled copy, whose voxel (0,0,0) centre lies inside the full volume, is given in the
	 * full volume's frame. Tilts and roughness are unchanged.
	 */
	InterfaceResult translated(double du, double dv, double dw, Affine3D levelling) {
		Volume map = heightMapUm.copy();
		for (float[] sl : map.slices())
			for (int i = 0; i < sl.length; i++)
				sl[i] += (float) dw; // NaN stays NaN
		return new InterfaceResult(axis, map, mapOriginUUm + du, mapOriginVUm + dv, heightAtOriginUm + dw - slopeU * du - slopeV * dv, slopeU, slopeV,
				roughnessRmsUm, peakToValleyUm, validCount, inlierCount, rising, levelling, inlierMap);
	}
}
