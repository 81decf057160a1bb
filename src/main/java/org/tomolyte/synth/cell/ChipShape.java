package org.tomolyte.synth.cell;

/**
 * The edge chip: a half-ellipsoidal piece of the electrolyte surface beside the crack mouth, towards the
 * contact edge, defined in the sheared frame (δ = depth below the local interface) so it follows the rough
 * surface: (u/a)² + (e/b)² + (δ/c)² ≤ 1, δ ≥ 0, with u along the crack trace and e across it. The shear has unit
 * Jacobian, so its volume is exactly (2/3)π a b c and its footprint is the ellipse of area π a b.
 */
public final class ChipShape {
	final double centreX, centreY, tx, ty, mx, my;
	final double halfLengthUm, halfWidthUm, depthUm;

	ChipShape(double centreX, double centreY, double tx, double ty, double mx, double my, double halfLengthUm, double halfWidthUm, double depthUm) {
		this.centreX = centreX;
		this.centreY = centreY;
		this.tx = tx;
		this.ty = ty;
		this.mx = mx;
		this.my = my;
		this.halfLengthUm = halfLengthUm;
		this.halfWidthUm = halfWidthUm;
		this.depthUm = depthUm;
	}

	public boolean contains(double x, double y, double depthBelowUm) {
		if (depthBelowUm < 0 || depthBelowUm > depthUm) return false;
		double dx = x - centreX, dy = y - centreY;
		double u = (dx * tx + dy * ty) / halfLengthUm, e = (dx * mx + dy * my) / halfWidthUm, d = depthBelowUm / depthUm;
		return u * u + e * e + d * d <= 1;
	}

	/** True if (x, y) is inside the chip's footprint ellipse. */
	public boolean footprintContains(double x, double y) {
		double dx = x - centreX, dy = y - centreY;
		double u = (dx * tx + dy * ty) / halfLengthUm, e = (dx * mx + dy * my) / halfWidthUm;
		return u * u + e * e <= 1;
	}

	public double volumeUm3() {
		return 2.0 / 3.0 * Math.PI * halfLengthUm * halfWidthUm * depthUm;
	}

	public double footprintAreaUm2() {
		return Math.PI * halfLengthUm * halfWidthUm;
	}

	/**
	 * Area of the footprint inside the disc of radius r about (cx, cy), by exact chords of the ellipse
	 * intersected with the disc on 4000 strips.
	 */
	public double footprintAreaInDiscUm2(double cx, double cy, double r) {
		int n = 4000;
		double s = 0;
		for (int i = 0; i < n; i++) {
			double u = -halfLengthUm + (i + 0.5) * 2 * halfLengthUm / n;
			double half = halfWidthUm * Math.sqrt(Math.max(0, 1 - (u / halfLengthUm) * (u / halfLengthUm)));
			// points: centre + u t + e m, e ∈ [−half, half]; intersect with the disc: |p − c|² ≤ r²
			double px = centreX + u * tx - cx, py = centreY + u * ty - cy;
			double b = px * mx + py * my, c = px * px + py * py - r * r;
			double disc = b * b - c;
			if (disc <= 0) continue;
			double e0 = -b - Math.sqrt(disc), e1 = -b + Math.sqrt(disc);
			double lo = Math.max(-half, e0), hi = Math.min(half, e1);
			if (hi > lo) s += (hi - lo) * 2 * halfLengthUm / n;
		}
		return s;
	}

	public double centreX() {
		return centreX;
	}

	public double centreY() {
		return centreY;
	}

	public double depthUm() {
		return depthUm;
	}

	/** {uMin, uMax, eMin, eMax} about the centre, for bounding boxes. */
	double[] extentUe() {
		return new double[] { -halfLengthUm, halfLengthUm, -halfWidthUm, halfWidthUm };
	}
}
