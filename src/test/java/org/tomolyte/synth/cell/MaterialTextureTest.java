package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * The solid phases carry a texture of the requested strength that is fixed to the sample: after mapping a
 * drifted scan back with the truth transform, its bulk-electrolyte texture matches the reference scan's; the
 * liquid metal stays homogeneous.
 */
class MaterialTextureTest {
	@Test
	void textureHasTheRequestedStrengthAndMovesWithTheSample() {
		CellParameters p = CellParameters.builder().clean().texture(0.05, 4.0).projections(null).scanCount(2).capacitiesMahCm2(0, 0.05).build();
		SyntheticCellData d = SyntheticCell.generate(p, Progress.NONE);
		Volume ref = d.scans().get(0), mov = d.scans().get(1), lab = d.labels().get(1), lab0 = d.labels().get(0);
		double v = p.voxelUm(), mu = p.muElectrolytePerCm();
		RigidTransform t = d.truth().scans.get(1).scanToReference();
		double s = 0, ss = 0, sab = 0, saa = 0, sbb = 0, sa = 0, sb = 0, nakMax = 0;
		int n = 0;
		double[] q = new double[3];
		for (int z = 2; z < 20; z++)
			for (int y = 10; y < 86; y++)
				for (int x = 10; x < 86; x++) {
					if (lab.get(x, y, z) == Material.LABEL_LIQUID_METAL) nakMax = Math.max(nakMax, Math.abs(mov.get(x, y, z) - p.muLiquidMetalPerCm()));
					if (lab.get(x, y, z) != Material.LABEL_ELECTROLYTE) continue;
					double a = mov.get(x, y, z) / mu - 1;
					t.apply(x * v, y * v, z * v, q);
					double b = trilinear(ref, q[0] / v, q[1] / v, q[2] / v) / mu - 1;
					if (Double.isNaN(b) || lab0.get((int) Math.round(q[0] / v), (int) Math.round(q[1] / v), (int) Math.round(q[2] / v)) != Material.LABEL_ELECTROLYTE) continue;
					s += a;
					ss += a * a;
					sa += a;
					sb += b;
					sab += a * b;
					saa += a * a;
					sbb += b * b;
					n++;
				}
		double rms = Math.sqrt(ss / n - (s / n) * (s / n));
		assertEquals(0.05, rms, 0.01, "texture RMS of the bulk electrolyte");
		double corr = (sab / n - sa / n * sb / n) / Math.sqrt((saa / n - sa / n * sa / n) * (sbb / n - sb / n * sb / n));
		assertTrue(corr > 0.9, "the texture follows the sample through the drift: correlation " + corr);
		assertTrue(nakMax < 1e-6, "the liquid metal is homogeneous");
	}

	static double trilinear(Volume v, double x, double y, double z) {
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y), z0 = (int) Math.floor(z);
		if (x0 < 0 || y0 < 0 || z0 < 0 || x0 + 1 >= v.width() || y0 + 1 >= v.height() || z0 + 1 >= v.depth()) return Double.NaN;
		double fx = x - x0, fy = y - y0, fz = z - z0, r = 0;
		for (int k = 0; k < 2; k++)
			for (int j = 0; j < 2; j++)
				for (int i = 0; i < 2; i++)
					r += v.get(x0 + i, y0 + j, z0 + k) * (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy) * (k == 0 ? 1 - fz : fz);
		return r;
	}
}
