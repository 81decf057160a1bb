package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Accuracy of detection, measurement and tracking against the analytic truth of {@link TestCell}: crack found
 * from its first scan, depth within 2 voxels, face area and volume within 15 %, opening within 1 voxel (all
 * openings here are ≥ 2 voxels), chip at the right scan with volume within 15 %, exact track IDs and events —
 * at the default noise, at doubled noise, and for a second geometry.
 */
class CrackTrackerTest {
	static final double AREA_CM2 = 0.126;

	@Test
	void defaultGeometryDefaultNoise() {
		TestCell c = new TestCell();
		List<Volume> scans = render(c);
		CrackTrackingResult r = track(scans);
		check(c, r, new String[][] { {}, { "1:crack:initiation" }, { "1:crack:growth" }, { "1:crack:growth", "2:chip:detachment" },
				{ "1:crack:infiltration+growth", "2:chip:infiltration" } });
		// the montage: the same section through the crack in every scan; its centre is the crack's centre, bright
		// electrolyte before the crack and dark at the last scan
		List<float[]> montage = r.montage(scans, 1, 41, 31);
		assertEquals(5, montage.size());
		int centre = 15 * 41 + 20;
		double e = r.reference().levels().electrolyteGrey(), vo = r.reference().levels().voidGrey();
		assertTrue(montage.get(0)[centre] > e - 0.2 * (e - vo), "electrolyte at the section centre before the crack");
		assertTrue(montage.get(4)[centre] < e - 0.5 * (e - vo), "crack at the section centre in the last scan");
	}

	/** The same scans give the same tables on one thread and on several. */
	@Test
	void deterministicWhateverTheThreadCount() throws Exception {
		TestCell c = new TestCell();
		List<Volume> scans = render(c);
		java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1), four = new java.util.concurrent.ForkJoinPool(4);
		try {
			CrackTrackingResult a = one.submit(() -> track(scans)).get(), b = four.submit(() -> track(scans)).get();
			for (Table[] t : new Table[][] { { a.tracksTable(), b.tracksTable() }, { a.interfaceTable(), b.interfaceTable() }, { a.objectsTable(), b.objectsTable() } }) {
				assertEquals(t[0].rowCount(), t[1].rowCount());
				for (int i = 0; i < t[0].rowCount(); i++) assertEquals(t[0].row(i), t[1].row(i));
			}
		} finally {
			one.shutdown();
			four.shutdown();
		}
	}

	/** With the Hessian sheetness following thin tips switched on, the default-noise targets still hold. */
	@Test
	void sheetFollowingDefaultNoise() {
		TestCell c = new TestCell();
		CrackTrackingResult r = CrackTracker.track(render(c), new double[] { 0, 600, 1200, 1800, 2400 }, constantCurrent(0.7 * AREA_CM2, 3000), AREA_CM2,
				CrackSettings.builder().sheetScalesVoxels(1.0, 1.5).build(), Progress.NONE);
		check(c, r, new String[][] { {}, { "1:crack:initiation" }, { "1:crack:growth" }, { "1:crack:growth", "2:chip:detachment" },
				{ "1:crack:infiltration+growth", "2:chip:infiltration" } });
	}

	/** ±Δ threshold runs give a sensitivity row per metric and object, with a spread that brackets the nominal value. */
	@Test
	void thresholdSensitivity() {
		TestCell c = new TestCell();
		List<Volume> scans = render(c);
		CrackTrackingResult r = CrackTracker.track(scans, new double[] { 0, 600, 1200, 1800, 2400 }, null, AREA_CM2,
				CrackSettings.builder().sensitivityDelta(0.05).build(), Progress.NONE);
		Table s = r.sensitivityTable();
		int objects = 0;
		for (int k = 0; k < 5; k++) objects += r.objects(k).size();
		assertEquals(5 + 4 * objects, s.rowCount(), "one contact-fraction row per scan and four metrics per object");
		for (int i = 0; i < s.rowCount(); i++) {
			double v = s.getDouble(i, "value"), lo = s.getDouble(i, "value_minus"), hi = s.getDouble(i, "value_plus"), spread = s.getDouble(i, "spread");
			if (Double.isNaN(v)) continue; // chips have no opening
			assertTrue(spread >= Math.abs(hi - lo) - 1e-9 && spread >= 0, "row " + i);
			if (s.get(i, "metric").equals("volume_um3")) assertTrue(spread < 0.1 * v, "volume from the deficit hardly depends on the threshold: row " + i + " " + s.row(i));
		}
		assertTrue(Double.isNaN(r.capacitiesMahCm2()[1]), "no trace, no capacity");
	}

	@Test
	void defaultGeometryDoubledNoise() {
		TestCell c = new TestCell();
		c.noiseSigma *= 2;
		check(c, run(c), new String[][] { {}, { "1:crack:initiation" }, { "1:crack:growth" }, { "1:crack:growth", "2:chip:detachment" },
				{ "1:crack:infiltration+growth", "2:chip:infiltration" } });
	}

	@Test
	void secondGeometryOtherAngleSideAndShape() {
		TestCell c = new TestCell();
		c.crackAzimuthDeg = 205;
		c.strikeOffsetDeg = 25;
		c.dipDeg = 60;
		c.dipInward = false;
		c.crackEdgeOffset = 10;
		c.aspect = 1.0;
		c.exponent = 0.5;
		c.chipA = 5.5;
		c.chipB = 4.2;
		c.chipC = 4.5;
		c.crackDepth = new double[] { 0, 0, 8, 12.5, 16 };
		c.crackOpening = new double[] { 0, 0, 2.4, 2.8, 3.2 };
		c.crackFilled = new boolean[] { false, false, false, true, true };
		c.chipPresent = new boolean[] { false, false, true, true, true };
		c.chipFilled = new boolean[] { false, false, false, false, true };
		c.voids = new double[][] { { 55, 60, 4.0, 1.8 } };
		check(c, run(c), new String[][] { {}, {}, { "1:crack:initiation", "2:chip:detachment" }, { "1:crack:infiltration+growth", "2:chip:unchanged" },
				{ "1:crack:growth", "2:chip:infiltration" } });
	}

	private static CrackTrackingResult run(TestCell c) {
		return track(render(c));
	}

	private static List<Volume> render(TestCell c) {
		List<Volume> scans = new ArrayList<>();
		for (int s = 0; s < 5; s++) scans.add(c.render(s));
		return scans;
	}

	private static CrackTrackingResult track(List<Volume> scans) {
		double[] start = { 0, 600, 1200, 1800, 2400 };
		return CrackTracker.track(scans, start, constantCurrent(0.7 * AREA_CM2, 3000), AREA_CM2, CrackSettings.defaults(), Progress.NONE);
	}

	/** A plating trace at constant current (mA) sampled every second. */
	static Trace constantCurrent(double currentMa, double durationS) {
		int n = (int) durationS + 1;
		double[] t = new double[n], i = new double[n];
		for (int k = 0; k < n; k++) { t[k] = k; i[k] = -currentMa; }
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, t);
		cols.put(Trace.CURRENT_MA, i);
		return new Trace("constant-current", cols, new LinkedHashMap<>());
	}

	private static void check(TestCell c, CrackTrackingResult r, String[][] expected) {
		double vox = c.voxelUm;
		Table t = r.tracksTable();
		assertEquals(List.of(CrackTrackingResult.TRACKS_COLUMNS), t.columns());
		assertEquals(List.of("scan", "contact_fraction", "roughness_rms_um", "tilt_deg"), r.interfaceTable().columns());
		for (int s = 0; s < 5; s++) {
			List<String> got = new ArrayList<>();
			for (TrackedObject o : r.objects(s)) got.add(o.trackId() + ":" + o.measurement().kind().label() + ":" + o.allEvents());
			for (TrackedObject o : r.objects(s)) assertEquals(o.allEvents().split("\\+")[0], o.eventLabel());
			assertEquals(List.of(expected[s]), got, "scan " + s + " objects and events");
			// capacity of a constant 0.7 mA cm⁻² plating current: q = j t / 3600
			assertEquals(0.7 * 600 * s / 3600, r.capacitiesMahCm2()[s], 1e-9);
			for (TrackedObject o : r.objects(s)) {
				ObjectMeasurement m = o.measurement();
				String where = "scan " + s + " " + m.kind().label();
				if (m.kind() == ObjectKind.CRACK) {
					assertEquals(c.crackDepthUm(s), m.depthUm(), 2 * vox, where + " depth");
					assertEquals(1, m.areaUm2() / c.crackFaceAreaUm2(s), 0.15, where + " face area " + m.areaUm2() + " vs " + c.crackFaceAreaUm2(s));
					assertEquals(1, m.volumeUm3() / c.crackVolumeUm3(s), 0.15, where + " volume " + m.volumeUm3() + " vs " + c.crackVolumeUm3(s));
					assertTrue(c.crackOpening[s] >= 2);
					assertEquals(c.crackOpeningUm(s), m.openingUm(), vox, where + " opening");
					assertEquals(c.crackFilled[s], m.infiltrated(), where + " filling");
					assertEquals(c.dipDeg, m.dipDeg(), 5, where + " dip");
				} else {
					assertEquals(1, m.volumeUm3() / c.chipVolumeUm3(), 0.15, where + " volume " + m.volumeUm3() + " vs " + c.chipVolumeUm3());
					assertEquals(c.chipC * vox, m.depthUm(), 2 * vox, where + " depth");
					assertEquals(c.chipFilled[s], m.infiltrated(), where + " filling");
				}
			}
		}
		// interface: tilt of the test cell's plane and a contact fraction below 1 (two voids)
		double tilt = Math.toDegrees(Math.atan(Math.hypot(c.slopeX, c.slopeY)));
		assertEquals(tilt, r.interfaceMetrics(0).tiltDeg(), 0.15);
		double cf = r.interfaceMetrics(0).contactFraction();
		double voidArea = 0;
		for (double[] v : c.voids) voidArea += Math.PI * v[2] * v[2];
		double truth = 1 - voidArea / (Math.PI * c.contactR * c.contactR);
		assertEquals(truth, cf, 0.03, "contact fraction");
		// label images carry the track IDs
		ScanLabels labels = r.labels(4);
		TrackedObject first = r.objects(4).get(0);
		long v = first.object().voxels()[0];
		int z = (int) (v / (c.n * c.n));
		assertEquals(first.trackId(), labels.labelSlice(z)[(int) (v % (c.n * c.n))]);
		// crack depth rate per unit charge from the fit over its scans matches the truth's slope
		double[][] dq = r.depthVersusCharge(1);
		assertEquals(dq[0].length, dq[1].length);
		assertFalse(r.growthRatesTable().rowCount() == 0);
	}
}
