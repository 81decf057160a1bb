package org.tomolyte.synth.cell;

import org.apache.commons.math3.special.Gamma;

/**
 * One state of the surface crack: a thin sheet below the local interface, defined in the sheared frame
 * (x, y, δ) where δ = h(x, y) − z is the depth below the local interface, so the crack mouth lies exactly on
 * the rough, tilted surface. With u along the surface trace t and e along the horizontal dip direction m
 * (both from the initiation point), the sheet's mid-surface is e = δ cot(dip) + κu²/2 over the half-elliptical
 * face (u/a)² + (δ/D)² ≤ 1, δ ≥ 0, and its opening perpendicular to the sheet is w = w₀ (1 − ρ²)^p — the
 * widest at the mouth, as a half-penny surface crack opened by a Na filament (Wu &amp; Hatzell 2025, Fig. 2g).
 * The shear (x, y, z) → (u, e − e_c, δ) has unit Jacobian, so the volume is exact:
 * V = w₀ a D π / (2 (p + 1) sin dip).
 */
public final class CrackShape {
	final double originX, originY;
	final double tx, ty, mx, my;
	final double cotDip, sinDip, curvature, exponent;
	final double depthUm, halfLengthUm, openingUm;

	CrackShape(double originX, double originY, double strikeRad, double mSign, double dipDeg,
			double curvaturePerUm, double exponent, double depthUm, double halfLengthUm, double openingUm) {
		this.originX = originX;
		this.originY = originY;
		this.tx = Math.cos(strikeRad);
		this.ty = Math.sin(strikeRad);
		this.mx = -ty * mSign;
		this.my = tx * mSign;
		double dip = Math.toRadians(dipDeg);
		this.cotDip = Math.abs(Math.cos(dip)) < 1e-12 ? 0 : Math.cos(dip) / Math.sin(dip);
		this.sinDip = Math.sin(dip);
		this.curvature = curvaturePerUm;
		this.exponent = exponent;
		this.depthUm = depthUm;
		this.halfLengthUm = halfLengthUm;
		this.openingUm = openingUm;
	}

	/** True if (x, y) at depth δ ≥ 0 below the local interface is inside the crack. */
	public boolean contains(double x, double y, double depthBelowUm) {
		if (depthBelowUm < 0 || depthBelowUm > depthUm) return false;
		double dx = x - originX, dy = y - originY;
		double u = dx * tx + dy * ty;
		double rho2 = (u / halfLengthUm) * (u / halfLengthUm) + (depthBelowUm / depthUm) * (depthBelowUm / depthUm);
		if (rho2 > 1) return false;
		double e = dx * mx + dy * my;
		double ec = depthBelowUm * cotDip + 0.5 * curvature * u * u;
		double halfWidth = 0.5 * openingUm * Math.pow(1 - rho2, exponent) / sinDip;
		return Math.abs(e - ec) <= halfWidth;
	}

	/** Exact volume, µm³. */
	public double volumeUm3() {
		return openingUm * halfLengthUm * depthUm * Math.PI / (2 * (exponent + 1) * sinDip);
	}

	/** Area of the mouth footprint on the surface (where the crack cuts the interface), µm². */
	public double mouthAreaUm2() {
		// ∫_{-a}^{a} w₀ (1 − (u/a)²)^p / sin du = w₀ a B(1/2, p + 1) / sin
		return openingUm * halfLengthUm * Math.sqrt(Math.PI) * Math.exp(Gamma.logGamma(exponent + 1) - Gamma.logGamma(exponent + 1.5)) / sinDip;
	}

	/** Length of the surface trace (arc length along the curved trace), µm. */
	public double traceLengthUm() {
		int n = 2000;
		double s = 0, a = halfLengthUm;
		for (int i = 0; i < n; i++) {
			double u = -a + (i + 0.5) * 2 * a / n;
			s += Math.sqrt(1 + curvature * curvature * u * u) * 2 * a / n;
		}
		return s;
	}

	/**
	 * Face (mid-surface) area in real space, integrating the sheet's area element with the local interface
	 * gradient, µm².
	 */
	public double faceAreaUm2(InterfaceSurface surface) {
		int nu = 400, nd = 200;
		double a = halfLengthUm, dmax = depthUm, s = 0;
		for (int i = 0; i < nu; i++) {
			double u = -a + (i + 0.5) * 2 * a / nu;
			double lim = dmax * Math.sqrt(Math.max(0, 1 - (u / a) * (u / a)));
			if (lim <= 0) continue;
			double du = 2 * a / nu, dd = lim / nd;
			for (int j = 0; j < nd; j++) {
				double d = (j + 0.5) * dd;
				double e = d * cotDip + 0.5 * curvature * u * u;
				double x = originX + u * tx + e * mx, y = originY + u * ty + e * my;
				double[] g = surface.gradient(x, y);
				// ∂X/∂u and ∂X/∂δ with z = h(x, y) − δ
				double aux = tx + curvature * u * mx, auy = ty + curvature * u * my;
				double auz = g[0] * aux + g[1] * auy;
				double adx = cotDip * mx, ady = cotDip * my;
				double adz = g[0] * adx + g[1] * ady - 1;
				double cx = auy * adz - auz * ady, cy = auz * adx - aux * adz, cz = aux * ady - auy * adx;
				s += Math.sqrt(cx * cx + cy * cy + cz * cz) * du * dd;
			}
		}
		return s;
	}

	/** Nominal face area in the sheared frame (flat interface), µm²: πaD/(2 sin dip) for a planar sheet. */
	public double nominalFaceAreaUm2() {
		int nu = 2000;
		double a = halfLengthUm, s = 0;
		for (int i = 0; i < nu; i++) {
			double u = -a + (i + 0.5) * 2 * a / nu;
			double lim = depthUm * Math.sqrt(Math.max(0, 1 - (u / a) * (u / a)));
			s += lim * Math.sqrt(1 + cotDip * cotDip + curvature * curvature * u * u) * 2 * a / nu;
		}
		return s;
	}

	/** Unit normal of the (planar part of the) sheet in the sheared frame (x, y, z), pointing along +m side. */
	public double[] normal() {
		// ∂u = (t, 0), ∂δ = (cot m, −1) in (x, y, z); n = ∂u × ∂δ normalised
		double ax = tx, ay = ty, az = 0;
		double bx = cotDip * mx, by = cotDip * my, bz = -1;
		double nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
		double l = Math.sqrt(nx * nx + ny * ny + nz * nz);
		double[] n = { nx / l, ny / l, nz / l };
		if (n[0] * mx + n[1] * my < 0) for (int i = 0; i < 3; i++) n[i] = -n[i];
		return n;
	}

	/** Horizontal extent of the crack in (u, e) as {uMin, uMax, eMin, eMax}. */
	double[] extentUe() {
		double hw = 0.5 * openingUm / sinDip;
		double k = 0.5 * curvature * halfLengthUm * halfLengthUm;
		double eMin = Math.min(0, Math.min(depthUm * cotDip, 0) + Math.min(0, k)) - hw;
		double eMax = Math.max(0, depthUm * cotDip) + Math.max(0, k) + hw;
		return new double[] { -halfLengthUm, halfLengthUm, eMin, eMax };
	}

	public double depthUm() {
		return depthUm;
	}

	public double halfLengthUm() {
		return halfLengthUm;
	}

	public double openingUm() {
		return openingUm;
	}
}
