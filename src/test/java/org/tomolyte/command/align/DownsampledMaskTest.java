package org.tomolyte.command.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomolyte.align.SliceSource;
import org.tomolyte.model.Volume;

/** A mask on the grid of the streamed registration's copies: same boxes as the copies, majority rule. */
class DownsampledMaskTest {

	@Test
	void boxesStartAtTheOriginAndNeedHalfTheirVoxels() {
		// 5 × 5 × 5 by 2: 2 × 2 × 2 boxes, the fifth row, column and slice (a partial box) dropped as in the copies
		Volume m = new Volume(5, 5, new float[5][25], 1.5, 1.5, 3.0);
		// box (0,0,0): 4 of its 8 voxels set → used; box (1,0,0): 3 of 8 → not used
		m.set(0, 0, 0, 1);
		m.set(1, 1, 0, 1);
		m.set(0, 1, 1, 7);
		m.set(1, 0, 1, -1);
		m.set(2, 0, 0, 1);
		m.set(3, 1, 0, 1);
		m.set(2, 0, 1, 1);
		// box (0,1,1): all 8 set → used; the partial boxes beyond are all set but dropped
		for (int z = 2; z < 4; z++)
			for (int y = 2; y < 4; y++)
				for (int x = 0; x < 2; x++)
					m.set(x, y, z, 1);
		for (int z = 0; z < 5; z++)
			for (int i = 0; i < 5; i++) {
				m.set(4, i, z, 1);
				m.set(i, 4, z, 1);
			}
		Volume d = DownsampledMask.of(SliceSource.of(m), 2);
		assertEquals(2, d.width());
		assertEquals(2, d.height());
		assertEquals(2, d.depth());
		assertEquals(3.0, d.voxelXUm(), 0);
		assertEquals(3.0, d.voxelYUm(), 0);
		assertEquals(6.0, d.voxelZUm(), 0);
		assertEquals(1f, d.get(0, 0, 0), "4 of 8 is half");
		assertEquals(0f, d.get(1, 0, 0), "3 of 8 is not");
		assertEquals(1f, d.get(0, 1, 1));
		assertEquals(0f, d.get(1, 1, 1), "the partial boxes are not counted into the last whole box");
		assertEquals(0f, d.get(1, 1, 0));
	}

	@Test
	void factorOneKeepsTheMaskAsZeroOrOne() {
		Volume m = new Volume(4, 4, 2, 1.0);
		m.set(1, 2, 1, 0.25f);
		Volume d = DownsampledMask.of(SliceSource.of(m), 1);
		assertEquals(1f, d.get(1, 2, 1));
		assertEquals(0f, d.get(0, 0, 0));
		assertEquals(1.0, d.voxelZUm(), 0);
	}
}
