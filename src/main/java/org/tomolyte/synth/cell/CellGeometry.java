package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The static geometry of the synthetic cell in the reference frame (µm): pellet, O-ring, current collector,
 * the rough tilted interface, interfacial voids, the crack's frame and growth law, and the edge chip; plus the
 * per-scan {@link ScanState}s derived from the charge passed. Crack and chip are placed so they never overlap
 * (the chip sits on the side of the crack mouth away from the dip, separated by {@code chipGapUm}), which
 * keeps every truth volume analytic.
 */
public final class CellGeometry {
	private final CellParameters params;
	private final double centreX, centreY;
	private final InterfaceSurface surface;
	private final double originX, originY, strikeRad, mSign;
	private final double tx, ty, mx, my;
	private final ChipShape chip;
	private final List<InterfaceVoid> voids;
	private final List<ScanState> states;

	public CellGeometry(CellParameters p) {
		this.params = p;
		double v = p.voxelUm();
		this.centreX = 0.5 * (p.widthVoxels() - 1) * v;
		this.centreY = 0.5 * (p.heightVoxels() - 1) * v;
		this.surface = new InterfaceSurface(p, centreX, centreY, Seeds.random(p.seed(), Seeds.SURFACE, 0));

		double az = Math.toRadians(p.crackAzimuthDeg());
		double r0 = p.contactRadiusUm() - p.crackEdgeOffsetUm();
		this.originX = centreX + r0 * Math.cos(az);
		this.originY = centreY + r0 * Math.sin(az);
		this.strikeRad = az + Math.PI / 2 + Math.toRadians(p.crackStrikeDeg());
		this.tx = Math.cos(strikeRad);
		this.ty = Math.sin(strikeRad);
		double inward = (-ty) * (-Math.cos(az)) + tx * (-Math.sin(az)); // (−ty, tx)·(−û)
		double sign = inward >= 0 ? 1 : -1; // m = sign·(−ty, tx) points inwards
		this.mSign = p.crackDipsOutward() ? -sign : sign;
		this.mx = -ty * mSign;
		this.my = tx * mSign;

		double[] q = p.capacitiesMahCm2();
		double[] t = p.scanStartS();
		double maxQ = q[0];
		for (double x : q) maxQ = Math.max(maxQ, x);
		CrackShape largest = crackAt(Math.max(maxQ, p.crackInitiationMahCm2()));
		double mouthHalf = 0.5 * largest.openingUm / largest.sinDip + Math.max(0, -0.5 * largest.curvature * largest.halfLengthUm * largest.halfLengthUm);
		double off = p.chipGapUm() + p.chipHalfWidthUm() + mouthHalf;
		this.chip = new ChipShape(originX - off * mx, originY - off * my, tx, ty, mx, my, p.chipHalfLengthUm(), p.chipHalfWidthUm(), p.chipDepthUm());
		this.voids = Collections.unmodifiableList(placeVoids(p, largest));

		List<ScanState> s = new ArrayList<>();
		for (int i = 0; i < q.length; i++) {
			CrackShape c = q[i] >= p.crackInitiationMahCm2() ? crackAt(q[i]) : null;
			boolean detached = q[i] >= p.chipDetachMahCm2();
			s.add(new ScanState(i, t[i], q[i], c, c != null && q[i] >= p.infiltrationMahCm2(), detached, detached && q[i] >= p.chipFillMahCm2()));
		}
		this.states = Collections.unmodifiableList(s);
	}

	/** The crack after {@code capacity} mAh cm⁻² (the initial crack if not yet initiated). */
	public CrackShape crackAt(double capacityMahCm2) {
		CellParameters p = params;
		double dq = Math.max(0, capacityMahCm2 - p.crackInitiationMahCm2());
		double depth = p.crackInitialDepthUm() + p.crackDepthRateUmPerMahCm2() * dq;
		double opening = p.crackInitialOpeningUm() + p.crackOpeningRateUmPerMahCm2() * dq;
		return new CrackShape(originX, originY, strikeRad, mSign, p.crackDipDeg(), p.crackCurvaturePerUm(), p.crackOpeningExponent(), depth,
				p.crackAspect() * depth, opening);
	}

	private List<InterfaceVoid> placeVoids(CellParameters p, CrackShape largest) {
		List<InterfaceVoid> out = new ArrayList<>();
		SplittableRandom r = Seeds.random(p.seed(), Seeds.VOIDS, 0);
		double margin = 2 * p.voxelUm();
		double[] ce = largest.extentUe();
		for (int k = 0; k < p.voidCount(); k++) {
			boolean placed = false;
			for (int attempt = 0; attempt < 5000 && !placed; attempt++) {
				double a = p.voidRadiusMinUm() + r.nextDouble() * (p.voidRadiusMaxUm() - p.voidRadiusMinUm());
				double c = p.voidHalfHeightMinUm() + r.nextDouble() * (p.voidHalfHeightMaxUm() - p.voidHalfHeightMinUm());
				double rmax = p.contactRadiusUm() - a - margin;
				if (rmax <= 0) continue;
				double rr = rmax * Math.sqrt(r.nextDouble()), ph = r.nextDouble() * 2 * Math.PI;
				double x = centreX + rr * Math.cos(ph), y = centreY + rr * Math.sin(ph);
				if (distanceToBox(x - originX, y - originY, ce) < a + margin) continue;
				double[] he = chip.extentUe();
				if (distanceToBox(x - chip.centreX, y - chip.centreY, he) < a + margin) continue;
				boolean clash = false;
				for (InterfaceVoid o : out)
					if (Math.hypot(o.centreXUm() - x, o.centreYUm() - y) < a + o.radiusUm() + margin) clash = true;
				if (clash) continue;
				out.add(new InterfaceVoid(x, y, a, c));
				placed = true;
			}
			if (!placed)
				throw new SyntheticCellException("Parameter voidCount = " + p.voidCount() + " with voidRadiusUm up to " + p.voidRadiusMaxUm()
						+ ": could not place void " + (k + 1) + " inside the contact disc without touching the crack, the chip or another void; use fewer or smaller voids");
		}
		return out;
	}

	/** Distance from (dx, dy) (relative to the box origin) to a (u, e) box in the crack frame. */
	private double distanceToBox(double dx, double dy, double[] ue) {
		double u = dx * tx + dy * ty, e = dx * mx + dy * my;
		double du = Math.max(0, Math.max(ue[0] - u, u - ue[1]));
		double de = Math.max(0, Math.max(ue[2] - e, e - ue[3]));
		return Math.hypot(du, de);
	}

	/** Axis-aligned bounding box {x0, x1, y0, y1} of a (u, e) box about (ox, oy). */
	double[] xyBox(double ox, double oy, double[] ue) {
		double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
		for (int i = 0; i < 2; i++)
			for (int j = 0; j < 2; j++) {
				double u = ue[i], e = ue[2 + j];
				double x = ox + u * tx + e * mx, y = oy + u * ty + e * my;
				x0 = Math.min(x0, x);
				x1 = Math.max(x1, x);
				y0 = Math.min(y0, y);
				y1 = Math.max(y1, y);
			}
		return new double[] { x0, x1, y0, y1 };
	}

	/** The phantom of scan {@code i}. */
	public CellPhantom phantom(int scanIndex) {
		return new CellPhantom(this, states.get(scanIndex));
	}

	public CellParameters params() {
		return params;
	}

	public InterfaceSurface surface() {
		return surface;
	}

	public ChipShape chip() {
		return chip;
	}

	public List<InterfaceVoid> voids() {
		return voids;
	}

	public List<ScanState> states() {
		return states;
	}

	/** The cell axis (x, y) in µm = the field centre, also the lab rotation axis of the reference scan. */
	public double centreXUm() {
		return centreX;
	}

	public double centreYUm() {
		return centreY;
	}

	/** Crack initiation point on the surface (x, y, z) in the reference frame, µm. */
	public double[] crackOriginUm() {
		return new double[] { originX, originY, surface.heightUm(originX, originY) };
	}

	/** Unit vector of the crack's surface trace (horizontal). */
	public double[] crackTraceDirection() {
		return new double[] { tx, ty, 0 };
	}

	/** Unit horizontal vector towards which the crack dips. */
	public double[] crackDipDirection() {
		return new double[] { mx, my, 0 };
	}

	/** Height of the current collector's lower face (parallel to the mean interface plane). */
	public double collectorHeightUm(double x, double y) {
		return surface.planeHeightUm(x, y) + params.liquidMetalThicknessUm();
	}
}
