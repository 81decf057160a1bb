package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Run-based 26-connected labelling against a plain flood fill on random masks. */
class RunLabellerTest {
	@Test
	void matchesFloodFillOnRandomMasks() {
		Random r = new Random(3);
		for (int trial = 0; trial < 20; trial++) {
			int nx = 17, ny = 13, nz = 9;
			double p = 0.1 + 0.02 * trial;
			boolean[] m = new boolean[nx * ny * nz];
			for (int i = 0; i < m.length; i++) m[i] = r.nextDouble() < p;
			List<RunLabeller.Component> comps = RunLabeller.label(nx, ny, 0, nz - 1, (y, z, out) -> {
				for (int x = 0; x < nx; x++) out[x] = m[(z * ny + y) * nx + x] ? 1 : -1;
			});
			List<int[]> ref = LostElectrolyteDetector.pieces(m, nx, ny, nz);
			assertEquals(ref.size(), comps.size(), "component count, trial " + trial);
			long total = 0;
			for (RunLabeller.Component c : comps) total += c.voxels;
			long want = 0;
			for (int[] a : ref) want += a.length;
			assertEquals(want, total);
			// sizes as multisets
			long[] a = comps.stream().mapToLong(c -> c.voxels).sorted().toArray();
			long[] b = ref.stream().mapToLong(x -> x.length).sorted().toArray();
			org.junit.jupiter.api.Assertions.assertArrayEquals(b, a);
		}
	}

	@Test
	void diagonalNeighboursAcrossSlicesConnect() {
		int nx = 4, ny = 4, nz = 2;
		List<RunLabeller.Component> comps = RunLabeller.label(nx, ny, 0, nz - 1, (y, z, out) -> {
			for (int x = 0; x < nx; x++) out[x] = (z == 0 && x == 0 && y == 0) || (z == 1 && x == 1 && y == 1) ? 1 : -1;
		});
		assertEquals(1, comps.size());
	}
}
