package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.task.Progress;

/** The two independent centre methods must agree within 0.5 px on the shared real scans. */
class RealDataCenterTest {

	@Test
	void toothBothRows() {
		ProjectionSource src = TomoInput.open(new TomoInput.Spec(TestData.file("tomo/tomopy_tooth.h5")));
		FindCenter.Result r = FindCenter.run(src, new FindCenter.Settings().rows(0, 1), Progress.NONE);
		for (int i = 0; i < 2; i++) {
			System.out.printf("tooth row %d: Vo %.3f, phase correlation %.3f%n", r.rows[i], r.voPx[i], r.phaseCorrelationPx[i]);
			assertEquals(r.voPx[i], r.phaseCorrelationPx[i], 0.5, "row " + i);
		}
	}

	@Test
	void savuSeriesSeveralRowsAndTilt() {
		Path dir = TestData.file("tomo/savu_i13_24737_image_test/tiffs");
		ProjectionSource src = TomoInput.open(new TomoInput.Spec(dir));
		// Rows from 62 down hold the sample's structure; above it both methods scatter by pixels on this small,
		// 91-projection scan, so the check uses structured rows.
		FindCenter.Result r = FindCenter.run(src, new FindCenter.Settings().rows(67, 90, 110, 130), Progress.NONE);
		for (int i = 0; i < r.rows.length; i++) {
			System.out.printf("savu row %d: Vo %.3f, phase correlation %.3f%n", r.rows[i], r.voPx[i], r.phaseCorrelationPx[i]);
			assertEquals(r.voPx[i], r.phaseCorrelationPx[i], 0.5, "row " + r.rows[i]);
		}
		System.out.printf("savu tilt %.4f° (residual %.3f px)%n", r.tilt.angleDeg(), r.tilt.rmsResidualPx);
		assertTrue(Math.abs(r.tilt.angleDeg()) < 2, "tilt of a beamline axis is small");
	}

	@Test
	void sarepy360FirstHalfVersusAllOppositePairs() {
		Path f = TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif");
		ProjectionSource src = TomoInput.open(new TomoInput.Spec(f).angles("0-360"));
		FindCenter.Result r = FindCenter.run(src, new FindCenter.Settings(), Progress.NONE);
		System.out.printf("sarepy 360: Vo %.3f, phase correlation %.3f%n", r.voPx[0], r.phaseCorrelationPx[0]);
		assertEquals(r.voPx[0], r.phaseCorrelationPx[0], 0.5);
	}
}
