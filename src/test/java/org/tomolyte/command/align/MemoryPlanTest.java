package org.tomolyte.command.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The load-or-stream decision of "Align Time Series", from scan sizes and the heap alone (no data). */
class MemoryPlanTest {
	private static final long GB = 1L << 30;

	private static int[][] scans(int n, int w, int h, int d) {
		int[][] s = new int[n][];
		for (int i = 0; i < n; i++)
			s[i] = new int[] { w, h, d };
		return s;
	}

	@Test
	void smallScansAreLoaded() {
		MemoryPlan p = MemoryPlan.choose("auto", 0, scans(3, 96, 96, 64), 4 * GB);
		assertFalse(p.stream);
		assertEquals(1, p.factor);
		// 2 × 3 scans + 2 working copies, 2.25 MiB each
		assertEquals(8L * 4 * 96 * 96 * 64, p.loadBytes);
		assertTrue(p.describe().contains("loading 3 scans"), p.describe());
	}

	@Test
	void hugeScansAreStreamedOnCopiesThatFitAQuarterOfTheHeap() {
		// ten 2048³ scans: 320 GiB as float32, on a 64 GiB heap
		MemoryPlan p = MemoryPlan.choose("auto", 0, scans(10, 2048, 2048, 2048), 64 * GB);
		assertTrue(p.stream);
		assertEquals(4, p.factor, "by 2: 40 GiB of copies, more than 16 GiB; by 4: 5 GiB");
		assertEquals(10L * 4 * 512 * 512 * 512, p.copyBytes);
		assertTrue(p.copyBytes <= 16 * GB);
		assertTrue(p.describe().contains("downsampled by 4"), p.describe());
		// the same on a 4 GiB heap needs copies of at most 1 GiB: by 8 (640 MiB)
		assertEquals(8, MemoryPlan.choose("auto", 0, scans(10, 2048, 2048, 2048), 4 * GB).factor);
		// a factor given is used as is
		assertEquals(3, MemoryPlan.choose("auto", 3, scans(10, 2048, 2048, 2048), 64 * GB).factor);
	}

	@Test
	void autoStreamsOnceLoadingNeedsMoreThanHalfTheHeap() {
		// 4 scans of 1024 × 1024 × 512 (2 GiB each): loading needs 2 × 8 + 2 × 2 = 20 GiB
		int[][] s = scans(4, 1024, 1024, 512);
		assertEquals(20 * GB, MemoryPlan.loadBytes(s));
		assertFalse(MemoryPlan.choose("auto", 0, s, 40 * GB).stream, "exactly half: still loaded");
		MemoryPlan p = MemoryPlan.choose("auto", 0, s, 40 * GB - 1);
		assertTrue(p.stream, "just over half: streamed");
		assertEquals(2, p.factor, "copies by 2 (1 GiB) fit a quarter of the heap");
	}

	@Test
	void explicitModesAreHonoured() {
		MemoryPlan p = MemoryPlan.choose("stream", 0, scans(3, 96, 96, 64), 4 * GB);
		assertTrue(p.stream);
		assertEquals(2, p.factor, "streaming downsamples by at least 2");
		assertEquals(1, MemoryPlan.choose("STREAM", 1, scans(3, 96, 96, 64), 4 * GB).factor, "downsample=1 streams at full resolution");
		MemoryPlan load = MemoryPlan.choose("load", 4, scans(10, 2048, 2048, 2048), 4 * GB);
		assertFalse(load.stream, "load is load, however large (the user asked)");
		assertEquals(1, load.factor, "downsample only applies when streaming");
	}

	@Test
	void impossibleRequestsAreRefusedWithAReason() {
		assertThrows(IllegalArgumentException.class, () -> MemoryPlan.choose("lazy", 0, scans(2, 96, 96, 64), 4 * GB));
		assertThrows(IllegalArgumentException.class, () -> MemoryPlan.choose("auto", -2, scans(2, 96, 96, 64), 4 * GB));
		// four 256³ scans on a 64 KiB heap: copies by 16 take 64 KiB, over a quarter of it; by 32 they would be
		// 8 voxels across, too small to register
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> MemoryPlan.choose("stream", 0, scans(4, 256, 256, 256), 64L << 10));
		assertTrue(e.getMessage().contains("give Java more memory"), e.getMessage());
	}
}
