package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * A second geometry (crack on the other side of the cell, dipping outwards at 55°, curved, oblique to the
 * contact edge; other tilt and seed) must be just as consistent, so methods are not tuned to one case.
 */
class SecondGeometryTest {
	@Test
	void secondGeometryIsConsistentWithItsTruth() {
		SyntheticCellData d = SyntheticCell.generate(SecondGeometry.apply(CellParameters.builder()).clean().noDrift().projections(null).build(), Progress.NONE);
		CellParameters p = d.parameters();
		CellGeometry g = d.geometry();
		Volume g0 = d.scans().get(0);
		double v = p.voxelUm();
		for (CellTruth.ScanTruth s : d.truth().scans) {
			if (!s.crack.exists) continue;
			assertEquals("curved", s.crack.shape);
			Volume l = d.labels().get(s.scan), gr = d.scans().get(s.scan);
			double fill = s.crack.infiltrated ? p.muLiquidMetalPerCm() : p.muVoidPerCm();
			double deficit = 0, maxDepth = 0;
			long n = 0;
			// depth-weighted offset along the dip direction: the crack moves by cot(dip) per µm of depth
			double sd = 0, se = 0, sdd = 0, sde = 0;
			double[] o = s.crack.originUm, m = s.crack.dipDirection;
			boolean[][] near = CellTruthConsistencyTest.nearLabel(l, Material.LABEL_CRACK);
			for (int z = 0; z < l.depth(); z++)
				for (int y = 0; y < l.height(); y++)
					for (int x = 0; x < l.width(); x++) {
						if (near[z][y * l.width() + x])
							deficit += (g0.get(x, y, z) - gr.get(x, y, z)) / (p.muElectrolytePerCm() - fill);
						if (l.get(x, y, z) != Material.LABEL_CRACK) continue;
						n++;
						double depth = g.surface().heightUm(x * v, y * v) - z * v;
						maxDepth = Math.max(maxDepth, depth);
						double e = (x * v - o[0]) * m[0] + (y * v - o[1]) * m[1];
						sd += depth;
						se += e;
						sdd += depth * depth;
						sde += depth * e;
					}
			double vv = v * v * v;
			assertEquals(s.crack.volumeUm3, deficit * vv, 0.02 * s.crack.volumeUm3, "partial-volume crack volume, scan " + s.scan);
			// centre-sampled labels: lattice counting noise of a thin sheet, larger for small cracks
			assertEquals(s.crack.volumeUm3, n * vv, (s.crack.volumeVoxels < 300 ? 0.07 : 0.04) * s.crack.volumeUm3, "label crack volume, scan " + s.scan);
			assertEquals(s.crack.depthUm, maxDepth, v, "depth below the local interface, scan " + s.scan);
			if (s.crack.depthVoxels > 8) {
				double slope = (n * sde - sd * se) / (n * sdd - sd * sd);
				assertEquals(1 / Math.tan(Math.toRadians(55)), slope, 0.12, "dip (horizontal shift per depth), scan " + s.scan);
			}
			// the dip direction points away from the cell axis for an outward-dipping crack
			double[] axis = d.truth().cellAxisUm;
			assertTrue((o[0] - axis[0]) * m[0] + (o[1] - axis[1]) * m[1] > 0);
		}
		CellTruth.ScanTruth last = d.truth().scans.get(d.truth().scans.size() - 1);
		long chip = CellTruthConsistencyTest.count(d.labels().get(last.scan), Material.LABEL_CHIP);
		assertEquals(last.chip.volumeUm3, chip * v * v * v, 0.06 * last.chip.volumeUm3, "chip volume");
		assertTrue(last.crack.traceLengthUm > 2 * last.crack.halfLengthUm, "a curved trace is longer than its chord");
	}
}
