package org.tomolyte.synth.cell;

/**
 * An interfacial void: a flattened half-ellipsoidal gap between the liquid metal and the electrolyte where the
 * non-wetting NaK does not touch the surface (Wu &amp; Hatzell 2025: high surface tension, constriction voids).
 * Defined above the local interface, (r/a)² + (w/c)² ≤ 1 with w = z − h(x, y) ≥ 0, so its footprint is the
 * disc πa² and its volume is exactly (2/3)π a² c.
 */
public final class InterfaceVoid {
	private final double centreXUm, centreYUm, radiusUm, halfHeightUm;

	InterfaceVoid(double centreXUm, double centreYUm, double radiusUm, double halfHeightUm) {
		this.centreXUm = centreXUm;
		this.centreYUm = centreYUm;
		this.radiusUm = radiusUm;
		this.halfHeightUm = halfHeightUm;
	}

	public boolean contains(double x, double y, double heightAboveUm) {
		if (heightAboveUm < 0 || heightAboveUm > halfHeightUm) return false;
		double dx = (x - centreXUm) / radiusUm, dy = (y - centreYUm) / radiusUm, dz = heightAboveUm / halfHeightUm;
		return dx * dx + dy * dy + dz * dz <= 1;
	}

	public double centreXUm() {
		return centreXUm;
	}

	public double centreYUm() {
		return centreYUm;
	}

	public double radiusUm() {
		return radiusUm;
	}

	public double halfHeightUm() {
		return halfHeightUm;
	}

	public double volumeUm3() {
		return 2.0 / 3.0 * Math.PI * radiusUm * radiusUm * halfHeightUm;
	}

	public double footprintAreaUm2() {
		return Math.PI * radiusUm * radiusUm;
	}
}
