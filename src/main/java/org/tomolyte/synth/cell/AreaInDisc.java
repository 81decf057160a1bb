package org.tomolyte.synth.cell;

import java.util.function.DoubleUnaryOperator;

/**
 * Area of a region {u ∈ [u0, u1], e ∈ [e0(u), e1(u)]} (in a rotated frame at an origin, unit axes t and m)
 * that lies inside a disc, by exact chord intersection on fine strips along u. Used for footprints that may
 * cross the contact edge (crack mouth, chip).
 */
final class AreaInDisc {
	private AreaInDisc() {}

	static double area(double ox, double oy, double tx, double ty, double mx, double my, double u0, double u1, DoubleUnaryOperator e0,
			DoubleUnaryOperator e1, double cx, double cy, double r) {
		int n = 20000;
		double du = (u1 - u0) / n, s = 0;
		for (int i = 0; i < n; i++) {
			double u = u0 + (i + 0.5) * du;
			double lo = e0.applyAsDouble(u), hi = e1.applyAsDouble(u);
			if (hi <= lo) continue;
			double px = ox + u * tx - cx, py = oy + u * ty - cy;
			double b = px * mx + py * my, c = px * px + py * py - r * r;
			double disc = b * b - c;
			if (disc <= 0) continue;
			double q = Math.sqrt(disc);
			double a = Math.max(lo, -b - q), z = Math.min(hi, -b + q);
			if (z > a) s += (z - a) * du;
		}
		return s;
	}
}
