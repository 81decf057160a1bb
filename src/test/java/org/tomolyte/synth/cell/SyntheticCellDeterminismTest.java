package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/** Same seed → identical bytes whatever the thread count; another seed → other noise; rings stay in the lab frame. */
class SyntheticCellDeterminismTest {
	private static CellParameters.Builder small() {
		return CellParameters.builder().sizeVoxels(48, 48, 32).voxelUm(2.6).scanCount(3).capacitiesMahCm2(0, 0.2, 0.45)
				.projections(ProjectionParameters.builder().angleCount(60).build());
	}

	@Test
	void sameSeedGivesIdenticalBytesWhateverTheThreadCount(@TempDir Path tmp) throws Exception {
		SyntheticCellData a = SyntheticCell.generate(small().threads(1).build(), Progress.NONE);
		SyntheticCellData b = SyntheticCell.generate(small().threads(3).build(), Progress.NONE);
		for (int s = 0; s < 3; s++)
			for (int z = 0; z < 32; z++) {
				assertArrayEquals(a.scans().get(s).slice(z), b.scans().get(s).slice(z));
				assertArrayEquals(a.labels().get(s).slice(z), b.labels().get(s).slice(z));
			}
		SyntheticCellWriter.write(a, tmp.resolve("a"));
		SyntheticCellWriter.write(b, tmp.resolve("b"));
		for (String f : new String[] { "scans/t00.tif", "scans/t02.tif", "labels/t01.tif", "truth.json", "scans.csv", "transforms_truth.csv" })
			assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
		String sino = String.format("projections/slice_%03d_sino.tif", a.projections().get(0).slice());
		assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(sino)), Files.readAllBytes(tmp.resolve("b").resolve(sino)));
	}

	@Test
	void otherSeedGivesOtherNoiseAndGeometry() {
		Volume a = SyntheticCell.generate(small().seed(1).projections(null).build(), Progress.NONE).scans().get(0);
		Volume b = SyntheticCell.generate(small().seed(2).projections(null).build(), Progress.NONE).scans().get(0);
		int differ = 0;
		for (int i = 0; i < a.slice(5).length; i++) if (a.slice(5)[i] != b.slice(5)[i]) differ++;
		assertTrue(differ > 0.9 * a.slice(5).length, "noise must differ between seeds");
	}

	@Test
	void ringsAreFixedInTheLabFrameAndConcentricAboutTheAxis() {
		CellParameters.Builder rings = small().clean().ringStrengthPerCm(0.05).projections(null);
		SyntheticCellData with = SyntheticCell.generate(rings.build(), Progress.NONE);
		SyntheticCellData without = SyntheticCell.generate(rings.ringStrengthPerCm(0).build(), Progress.NONE);
		int w = 48, z = 10;
		float[] r0 = diff(with.scans().get(0), without.scans().get(0), z), r2 = diff(with.scans().get(2), without.scans().get(2), z);
		// scan 2 drifted, the rings did not
		assertFalse(with.truth().scans.get(2).scanToReference().equals(RigidTransform.identity()));
		assertArrayEquals(r0, r2, 1e-6f);
		double max = 0;
		for (float f : r0) max = Math.max(max, Math.abs(f));
		assertTrue(max > 0.01, "rings are present");
		// concentric: pixels at the same distance from the image centre carry the same ring value
		double c = 0.5 * (w - 1);
		assertEquals(r0[(int) c * w + 5], r0[5 * w + (int) c], 1e-6, "left and top at equal radius");
		assertEquals(r0[(int) c * w + 5], r0[(w - 1 - 5) * w + (w - 1 - (int) c)], 1e-6, "left and bottom at equal radius");
	}

	private static float[] diff(Volume a, Volume b, int z) {
		float[] d = new float[a.slice(z).length];
		for (int i = 0; i < d.length; i++) d[i] = a.slice(z)[i] - b.slice(z)[i];
		return d;
	}
}
