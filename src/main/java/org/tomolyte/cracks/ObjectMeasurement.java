package org.tomolyte.cracks;

/**
 * The numbers of one crack or chip in one scan: maximum depth below the local (reference) interface, length of
 * its surface trace, face area (crack: mid-sheet area; chip: footprint), volume and opening from the grey-value
 * deficit, whether liquid metal fills it, and its orientation (sheet normal, dip from the horizontal, strike).
 */
public final class ObjectMeasurement {
	private final ObjectKind kind;
	private final double depthUm, lengthUm, areaUm2, volumeUm3, openingUm;
	private final boolean infiltrated;
	private final double[] normal, centroidUm;
	private final double dipDeg, strikeDeg;
	private final int voxelCount;

	ObjectMeasurement(ObjectKind kind, double depthUm, double lengthUm, double areaUm2, double volumeUm3, double openingUm, boolean infiltrated,
			double[] normal, double[] centroidUm, double dipDeg, double strikeDeg, int voxelCount) {
		this.kind = kind;
		this.depthUm = depthUm;
		this.lengthUm = lengthUm;
		this.areaUm2 = areaUm2;
		this.volumeUm3 = volumeUm3;
		this.openingUm = openingUm;
		this.infiltrated = infiltrated;
		this.normal = normal;
		this.centroidUm = centroidUm;
		this.dipDeg = dipDeg;
		this.strikeDeg = strikeDeg;
		this.voxelCount = voxelCount;
	}

	public ObjectKind kind() { return kind; }
	/** Maximum depth below the local reference interface, µm. */
	public double depthUm() { return depthUm; }
	/** Length of the trace on the interface (crack mouth; chip footprint length), µm; 0 if it does not reach the interface. */
	public double lengthUm() { return lengthUm; }
	/** Crack: face (mid-sheet) area; chip: footprint area on the interface; µm². */
	public double areaUm2() { return areaUm2; }
	/** Volume of lost electrolyte from the grey-value deficit, µm³. */
	public double volumeUm3() { return volumeUm3; }
	/** Crack opening (robust maximum of the local opening over the face), µm; NaN for chips. */
	public double openingUm() { return openingUm; }
	/** True if liquid metal fills it (judged from the grey values), false if void. */
	public boolean infiltrated() { return infiltrated; }
	/** Unit normal of the best-fit plane (smallest principal axis of the deficit), z component ≥ 0. */
	public double[] normal() { return normal.clone(); }
	/** Deficit-weighted centre, µm from the centre of voxel (0,0,0). */
	public double[] centroidUm() { return centroidUm.clone(); }
	/** Angle of the sheet to the horizontal, degrees (90 = vertical crack). */
	public double dipDeg() { return dipDeg; }
	/** Direction of the sheet's horizontal trace, degrees from +x towards +y, in [0, 180). */
	public double strikeDeg() { return strikeDeg; }
	public int voxelCount() { return voxelCount; }
}
