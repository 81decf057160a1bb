package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Track IDs and events on hand-made objects: growth, merge, split, infiltration, a chip, a new crack. */
class OverlapTrackerTest {
	static final int W = 40, H = 40;

	static VoxelObject box(ObjectKind k, int x0, int x1, int y0, int y1, int z0, int z1) {
		List<Long> v = new ArrayList<>();
		for (int z = z0; z <= z1; z++)
			for (int y = y0; y <= y1; y++)
				for (int x = x0; x <= x1; x++) v.add(((long) z * H + y) * W + x);
		return new VoxelObject(k, v.stream().mapToLong(Long::longValue).toArray(), new long[0], W, H);
	}

	static ObjectMeasurement m(ObjectKind k, double depth, double volume, boolean filled) {
		return new ObjectMeasurement(k, depth, 0, 0, volume, Double.NaN, filled, new double[] { 1, 0, 0 }, new double[3], 90, 90, 1);
	}

	static List<String> step(OverlapTracker t, int scan, List<VoxelObject> o, List<ObjectMeasurement> ms) {
		List<String> out = new ArrayList<>();
		for (TrackedObject x : t.next(scan, o, ms)) out.add(x.trackId() + ":" + x.allEvents());
		return out;
	}

	@Test
	void eventsAndStableIds() {
		OverlapTracker t = new OverlapTracker(CrackSettings.defaults(), 1.0);
		// scan 1: two separate cracks
		assertEquals(List.of("1:initiation", "2:initiation"), step(t, 1, List.of(box(ObjectKind.CRACK, 2, 3, 2, 10, 5, 9), box(ObjectKind.CRACK, 20, 21, 2, 10, 5, 9)),
				List.of(m(ObjectKind.CRACK, 4, 18, false), m(ObjectKind.CRACK, 4, 18, false))));
		// scan 2: crack 1 deeper, crack 2 same (shifted by one voxel: residual misregistration), a chip appears
		assertEquals(List.of("1:growth", "2:unchanged", "3:detachment"),
				step(t, 2, List.of(box(ObjectKind.CRACK, 2, 3, 2, 10, 2, 9), box(ObjectKind.CRACK, 21, 22, 2, 10, 5, 9), box(ObjectKind.CHIP, 30, 35, 30, 35, 7, 9)),
						List.of(m(ObjectKind.CRACK, 7, 30, false), m(ObjectKind.CRACK, 4, 18, false), m(ObjectKind.CHIP, 3, 100, false))));
		// scan 3: the cracks join into one (merge, oldest ID lives on), the chip fills with liquid metal
		assertEquals(List.of("1:merge+growth", "3:infiltration"),
				step(t, 3, List.of(box(ObjectKind.CRACK, 2, 22, 2, 10, 2, 9), box(ObjectKind.CHIP, 30, 35, 30, 35, 7, 9)),
						List.of(m(ObjectKind.CRACK, 7, 400, false), m(ObjectKind.CHIP, 3, 100, true))));
		// scan 4: the crack parts again (split: the larger part keeps ID 1), a new crack elsewhere
		assertEquals(List.of("1:split", "4:split", "5:initiation", "3:unchanged"),
				step(t, 4, List.of(box(ObjectKind.CRACK, 2, 14, 2, 10, 2, 9), box(ObjectKind.CRACK, 17, 22, 2, 10, 2, 9), box(ObjectKind.CRACK, 10, 11, 30, 36, 5, 9),
						box(ObjectKind.CHIP, 30, 35, 30, 35, 7, 9)),
						List.of(m(ObjectKind.CRACK, 7, 200, false), m(ObjectKind.CRACK, 7, 100, false), m(ObjectKind.CRACK, 5, 20, false), m(ObjectKind.CHIP, 3, 100, true))));
	}
}
