package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.List;

/**
 * The continuous phantom of one scan: what fills any point (x, y, z) of the reference frame, in µm. Above the
 * interface and inside the O-ring is liquid metal (or an interfacial void); the O-ring annulus and the
 * current collector above the NaK layer are housing; below the interface is electrolyte, except the crack and
 * (once detached) the chip cavity; outside the pellet radius is air. Also answers whether a small ball is
 * certainly of one material, so rendering supersamples only near boundaries.
 */
public final class CellPhantom {
	private final CellGeometry g;
	private final ScanState state;
	private final InterfaceSurface surface;
	private final double cx, cy, pelletR, contactR, thickness;
	private final double[] mu = new double[Material.values().length];
	private final List<double[]> boxes = new ArrayList<>(); // {x0,x1,y0,y1,z0,z1}
	private final double planeSlope;

	CellPhantom(CellGeometry g, ScanState state) {
		this.g = g;
		this.state = state;
		this.surface = g.surface();
		CellParameters p = g.params();
		this.cx = g.centreXUm();
		this.cy = g.centreYUm();
		this.pelletR = p.pelletRadiusUm();
		this.contactR = p.contactRadiusUm();
		this.thickness = p.liquidMetalThicknessUm();
		for (Material m : Material.values()) mu[m.ordinal()] = m.muPerCm(p);
		this.planeSlope = Math.sqrt(surface.slopeX() * surface.slopeX() + surface.slopeY() * surface.slopeY());
		CrackShape c = state.crack();
		if (c != null) boxes.add(box(g.xyBox(c.originX, c.originY, c.extentUe()), c.depthUm));
		if (state.chipDetached()) boxes.add(box(g.xyBox(g.chip().centreX, g.chip().centreY, g.chip().extentUe()), g.chip().depthUm));
		for (InterfaceVoid v : g.voids())
			boxes.add(box(new double[] { v.centreXUm() - v.radiusUm(), v.centreXUm() + v.radiusUm(), v.centreYUm() - v.radiusUm(), v.centreYUm() + v.radiusUm() }, -v.halfHeightUm()));
	}

	/** A 3D box over the xy box from depth (positive: below the surface; negative: height above) to the surface. */
	private double[] box(double[] xy, double depth) {
		double pad = 1e-9;
		double hmin = Double.MAX_VALUE, hmax = -Double.MAX_VALUE;
		for (int i = 0; i < 2; i++)
			for (int j = 0; j < 2; j++) {
				double h = surface.planeHeightUm(xy[i], xy[2 + j]);
				hmin = Math.min(hmin, h);
				hmax = Math.max(hmax, h);
			}
		hmin -= surface.roughMaxAbsUm();
		hmax += surface.roughMaxAbsUm();
		double z0 = depth > 0 ? hmin - depth : hmin, z1 = depth > 0 ? hmax : hmax - depth;
		return new double[] { xy[0] - pad, xy[1] + pad, xy[2] - pad, xy[3] + pad, z0 - pad, z1 + pad };
	}

	/** What fills the reference-frame point (x, y, z) µm. */
	public Material classify(double x, double y, double z) {
		double dx = x - cx, dy = y - cy;
		double r2 = dx * dx + dy * dy;
		if (r2 > pelletR * pelletR) return Material.AIR;
		double h = surface.heightUm(x, y);
		double depth = h - z;
		if (depth >= 0) {
			if (state.chipDetached() && g.chip().contains(x, y, depth)) return state.chipFilled() ? Material.CHIP_FILLED : Material.CHIP_EMPTY;
			CrackShape c = state.crack();
			if (c != null && c.contains(x, y, depth)) return state.crackInfiltrated() ? Material.CRACK_FILLED : Material.CRACK_EMPTY;
			return Material.ELECTROLYTE;
		}
		if (z >= surface.planeHeightUm(x, y) + thickness) return Material.COLLECTOR;
		if (r2 >= contactR * contactR) return Material.ORING;
		for (InterfaceVoid v : g.voids())
			if (v.contains(x, y, -depth)) return Material.VOID;
		return Material.LIQUID_METAL;
	}

	/** Attenuation of a material in cm⁻¹. */
	public double muPerCm(Material m) {
		return mu[m.ordinal()];
	}

	/** Attenuation at a point, cm⁻¹. */
	public double muPerCm(double x, double y, double z) {
		return mu[classify(x, y, z).ordinal()];
	}

	/**
	 * True if every point within {@code radius} of (x, y, z) certainly has the same material (conservative:
	 * false near any boundary or inside the box of any small object).
	 */
	public boolean isUniform(double x, double y, double z, double radius) {
		double r = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
		if (Math.abs(r - pelletR) <= radius) return false;
		if (r > pelletR) return true;
		if (Math.abs(r - contactR) <= radius) return false;
		double slack = radius * (1 + surface.maxGradient()) * 1.05;
		if (Math.abs(z - surface.heightUm(x, y)) <= slack) return false;
		if (Math.abs(z - surface.planeHeightUm(x, y) - thickness) <= radius * (1 + planeSlope) * 1.05) return false;
		for (double[] b : boxes)
			if (x >= b[0] - radius && x <= b[1] + radius && y >= b[2] - radius && y <= b[3] + radius && z >= b[4] - radius && z <= b[5] + radius) return false;
		return true;
	}

	public ScanState state() {
		return state;
	}

	public CellGeometry geometry() {
		return g;
	}
}
