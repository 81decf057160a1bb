package org.tomolyte.synth.cell;

/** A second crack geometry for tests: other azimuth, a crack dipping outwards at 55°, curved, oblique strike. */
final class SecondGeometry {
	private SecondGeometry() {}

	static CellParameters.Builder apply(CellParameters.Builder b) {
		return b.crackAzimuthDeg(200).crackDipDeg(55).crackDipsOutward(true).crackStrikeDeg(20).crackCurvaturePerUm(0.02).crackEdgeOffsetUm(12)
				.crackAspect(0.8).tiltDeg(-0.7, 1.2).seed(7);
	}
}
