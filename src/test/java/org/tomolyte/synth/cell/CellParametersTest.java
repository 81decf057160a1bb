package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parameter defaults follow the paper's experiment; bad values are refused naming the parameter; scale scales. */
class CellParametersTest {
	@Test
	void defaultsFollowThePlatingExperiment() {
		CellParameters p = CellParameters.defaults();
		assertEquals(1.3, p.voxelUm(), 0);
		assertEquals(5, p.scanCount());
		double[] q = p.capacitiesMahCm2();
		assertEquals(0.7 * 2400 / 3600, q[4], 1e-12, "0.7 mA cm⁻² for 2400 s");
		assertTrue(q[4] < 0.5, "the series stops before the ≈0.5 mAh cm⁻² short circuit");
		assertTrue(p.muLiquidMetalPerCm() < p.muElectrolytePerCm() && p.muVoidPerCm() < p.muLiquidMetalPerCm(), "void < NaK < NASICON");
	}

	@Test
	void badValuesNameTheParameter() {
		SyntheticCellException e = assertThrows(SyntheticCellException.class, () -> CellParameters.builder().contactRadiusUm(80).build());
		assertTrue(e.getMessage().contains("contactRadiusUm"), e.getMessage());
		e = assertThrows(SyntheticCellException.class, () -> CellParameters.builder().scanStartS(0, 600, 300).build());
		assertTrue(e.getMessage().contains("scanStartS"), e.getMessage());
		e = assertThrows(SyntheticCellException.class, () -> CellParameters.builder().crackDipDeg(5).build());
		assertTrue(e.getMessage().contains("crackDipDeg"), e.getMessage());
		e = assertThrows(SyntheticCellException.class, () -> new CellGeometry(CellParameters.builder().voidCount(60).build()));
		assertTrue(e.getMessage().contains("voidCount"), e.getMessage());
	}

	@Test
	void scaleMultipliesTheFieldAndLargeLengthsOnly() {
		CellParameters a = CellParameters.defaults(), b = CellParameters.builder().scale(2).build();
		assertEquals(2 * a.widthVoxels(), b.widthVoxels());
		assertEquals(2 * a.depthVoxels(), b.depthVoxels());
		assertEquals(2 * a.contactRadiusUm(), b.contactRadiusUm(), 1e-12);
		assertEquals(2 * a.crackInitialDepthUm(), b.crackInitialDepthUm(), 1e-12);
		assertEquals(a.crackInitialOpeningUm(), b.crackInitialOpeningUm(), 0);
		assertEquals(a.voxelUm(), b.voxelUm(), 0);
		assertEquals(2.0, b.scale(), 0);
	}
}
