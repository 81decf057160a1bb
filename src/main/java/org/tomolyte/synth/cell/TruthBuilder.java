package org.tomolyte.synth.cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link CellTruth} from the geometry (analytically where the shapes allow it: volumes of voids,
 * crack and chip through unit-Jacobian shears; footprints inside the contact disc by exact chords) and the
 * per-scan drift transforms.
 */
final class TruthBuilder {
	private TruthBuilder() {}

	static CellTruth build(CellGeometry g, List<RigidTransform> drifts, RingPattern rings, List<CellTruth.ProjectionTruth> projections) {
		CellParameters p = g.params();
		InterfaceSurface s = g.surface();
		double cx = g.centreXUm(), cy = g.centreYUm(), rc = p.contactRadiusUm();
		double nominal = Math.PI * rc * rc;
		CellTruth.InterfacePlane ref = new CellTruth.InterfacePlane("reference", cx, cy, s.meanHeightUm(), p.voxelUm(), s.slopeX(), s.slopeY());
		List<CellTruth.VoidTruth> voids = new ArrayList<>();
		double voidFootprint = 0;
		for (InterfaceVoid v : g.voids()) {
			voids.add(new CellTruth.VoidTruth(v, s.heightUm(v.centreXUm(), v.centreYUm())));
			voidFootprint += v.footprintAreaUm2();
		}
		double[] centre = DriftModel.centreUm(p);
		ChipShape chip = g.chip();
		double chipInDisc = AreaInDisc.area(chip.centreX, chip.centreY, chip.tx, chip.ty, chip.mx, chip.my, -chip.halfLengthUm, chip.halfLengthUm,
				u -> -chip.halfWidthUm * Math.sqrt(Math.max(0, 1 - (u / chip.halfLengthUm) * (u / chip.halfLengthUm))),
				u -> chip.halfWidthUm * Math.sqrt(Math.max(0, 1 - (u / chip.halfLengthUm) * (u / chip.halfLengthUm))), cx, cy, rc);
		double[] chipCentre = { chip.centreX, chip.centreY, s.heightUm(chip.centreX, chip.centreY) };

		List<CellTruth.ScanTruth> scans = new ArrayList<>();
		ScanState prev = null;
		for (ScanState st : g.states()) {
			RigidTransform t = drifts.get(st.scanIndex());
			RigidTransform inv = t.inverse();
			CrackShape c = st.crack();
			double lost = voidFootprint;
			CellTruth.CrackTruth crack;
			double[] origin = g.crackOriginUm();
			if (c != null) {
				double mouth = mouthAreaInDisc(c, cx, cy, rc);
				if (!st.crackInfiltrated()) lost += mouth;
				double[] n = c.normal();
				double vol = c.volumeUm3(), face = c.faceAreaUm2(s);
				crack = new CellTruth.CrackTruth(crackEvent(st, prev), true, st.crackInfiltrated(), c.curvature == 0 ? "planar" : "curved", c.depthUm, p.voxelUm(), c.halfLengthUm,
						c.traceLengthUm(), face, vol, c.openingUm, vol / c.nominalFaceAreaUm2(), c.mouthAreaUm2(), p.crackDipDeg(),
						Math.toDegrees(Math.atan2(c.ty, c.tx)), c.curvature, origin, inv.apply(origin), g.crackTraceDirection(), g.crackDipDirection(), n,
						inv.applyToVector(n));
			} else {
				crack = new CellTruth.CrackTruth("none", false, false, "none", 0, p.voxelUm(), 0, 0, 0, 0, 0, 0, 0, p.crackDipDeg(), 0, p.crackCurvaturePerUm(), origin,
						inv.apply(origin), g.crackTraceDirection(), g.crackDipDirection(), new double[3], new double[3]);
			}
			if (st.chipDetached() && !st.chipFilled()) lost += chipInDisc;
			CellTruth.ChipTruth chipTruth = new CellTruth.ChipTruth(chipEvent(st, prev), st.chipDetached(), st.chipFilled(), chip, p.voxelUm(), chipCentre, inv.apply(chipCentre));
			double contact = nominal - lost;
			double[][] voidCentres = new double[voids.size()][];
			for (int k = 0; k < voids.size(); k++) voidCentres[k] = inv.apply(voids.get(k).centreUm);
			scans.add(new CellTruth.ScanTruth(st.scanIndex(), st.startS(), st.capacityMahCm2(), t, centre, planeInScan(ref, inv, p.voxelUm()), contact / nominal,
					contact, voidFootprint, crack, chipTruth, voidCentres));
			prev = st;
		}
		Map<String, Double> mu = new LinkedHashMap<>();
		mu.put("air", p.muAirPerCm());
		mu.put("o_ring", p.muOringPerCm());
		mu.put("current_collector", p.muCollectorPerCm());
		mu.put("electrolyte", p.muElectrolytePerCm());
		mu.put("liquid_metal", p.muLiquidMetalPerCm());
		mu.put("void", p.muVoidPerCm());
		return new CellTruth(p, new double[] { cx, cy }, nominal, ref, s.rmsUm(), s.peakToValleyUm(), voids, mu, rings.radiiVoxels(), scans, projections);
	}

	/*
	 * One event per object and scan, the most significant change since the previous scan: initiation or
	 * detachment when the object appears, infiltration when liquid metal first fills it, else growth (crack) or
	 * unchanged.
	 */
	static String crackEvent(ScanState s, ScanState prev) {
		if (s.crack() == null) return "none";
		if (prev == null || prev.crack() == null) return "initiation";
		if (s.crackInfiltrated() && !prev.crackInfiltrated()) return "infiltration";
		return s.crack().depthUm() > prev.crack().depthUm() || s.crack().openingUm() > prev.crack().openingUm() ? "growth" : "unchanged";
	}

	static String chipEvent(ScanState s, ScanState prev) {
		if (!s.chipDetached()) return "none";
		if (prev == null || !prev.chipDetached()) return "detachment";
		if (s.chipFilled() && !prev.chipFilled()) return "infiltration";
		return "unchanged";
	}

	static double mouthAreaInDisc(CrackShape c, double cx, double cy, double r) {
		double a = c.halfLengthUm, p = c.exponent, k = 0.5 * c.curvature;
		return AreaInDisc.area(c.originX, c.originY, c.tx, c.ty, c.mx, c.my, -a, a,
				u -> k * u * u - 0.5 * c.openingUm * Math.pow(Math.max(0, 1 - (u / a) * (u / a)), p) / c.sinDip,
				u -> k * u * u + 0.5 * c.openingUm * Math.pow(Math.max(0, 1 - (u / a) * (u / a)), p) / c.sinDip, cx, cy, r);
	}

	/** The reference plane seen in a scan: p_scan = inv(p_ref). */
	static CellTruth.InterfacePlane planeInScan(CellTruth.InterfacePlane ref, RigidTransform referenceToScan, double voxelUm) {
		double[] p0 = referenceToScan.apply(new double[] { ref.axisUm[0], ref.axisUm[1], ref.meanHeightUm });
		double[] n = referenceToScan.applyToVector(ref.normal);
		double sx = -n[0] / n[2], sy = -n[1] / n[2];
		double h = p0[2] + sx * (ref.axisUm[0] - p0[0]) + sy * (ref.axisUm[1] - p0[1]);
		return new CellTruth.InterfacePlane("scan", ref.axisUm[0], ref.axisUm[1], h, voxelUm, sx, sy);
	}
}
