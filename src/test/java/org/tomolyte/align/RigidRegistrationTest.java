package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/** Accuracy of 3D rigid registration on the synthetic cell with known drift, lab-frame rings and noise. */
class RigidRegistrationTest {
	static final int W = 128, H = 128, D = 64;
	// sample drift between scans: rotation up to ~2° about the volume centre, several voxels with sub-voxel parts
	static final Affine3D MOTION = Affine3D.rotationAbout(127, 127, 63, 0.8, -0.5, 1.7).then(Affine3D.translation(7.3, -4.6, 3.2));

	private static double[] errors(RegistrationResult r, Affine3D truth) {
		return new double[] { SyntheticCell.rmsErrorVoxels(r.transform(), truth, W, H, D), r.transform().concatenate(truth.inverse()).rotationAngleDegrees() };
	}

	@Test
	void recoversDriftAtDefaultNoiseWithinATenthOfAVoxel() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 1, 0.01, -0.006);
		Volume ref = cell.scan(Affine3D.identity(), 11), scan = cell.scan(MOTION, 12);
		RegistrationResult r = RigidRegistration.register(ref, scan, new AlignSettings(), null, "t01", Progress.NONE);
		double[] e = errors(r, MOTION.inverse());
		System.out.printf("synthetic, default noise: RMS error %.4f voxels, rotation error %.4f°, %s%n", e[0], e[1], r);
		assertTrue(r.converged(), r.toString());
		assertTrue(e[0] <= 0.1, "RMS error " + e[0] + " voxels; " + r);
		assertTrue(e[1] <= 0.05, "rotation error " + e[1] + "°; " + r);
		assertTrue(r.inlierCount() >= 20, r.toString());
		assertEquals(r.blocks().rowCount(), r.blocks().column("residual_um").length);
	}

	@Test
	void stillConvergesAtThreeTimesTheNoise() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 2, 0.01, -0.006);
		cell.noise *= 3;
		Volume ref = cell.scan(Affine3D.identity(), 21), scan = cell.scan(MOTION, 22);
		RegistrationResult r = RigidRegistration.register(ref, scan, new AlignSettings(), null, "t01", Progress.NONE);
		double[] e = errors(r, MOTION.inverse());
		System.out.printf("synthetic, 3× noise: RMS error %.4f voxels, rotation error %.4f°, %s%n", e[0], e[1], r);
		assertTrue(r.converged(), r.toString());
		assertTrue(e[0] <= 0.3, "RMS error " + e[0] + " voxels; " + r);
	}

	@Test
	void strongRingsTrapPlainPhaseCorrelationButNotTheVerifiedCoarseStep() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 3, 0, 0);
		cell.ringAmplitude *= 16;
		Affine3D shift = Affine3D.translation(9 * 2.0, -6 * 2.0, 4 * 2.0);
		Volume ref = cell.scan(Affine3D.identity(), 31), scan = cell.scan(shift, 32);
		// the trap: partially whitened phase correlation without ring suppression peaks at zero shift
		Correlator plain = new Correlator(W, H, D, 0.5, 0.7, false);
		List<Correlator.Peak> peaks = plain.correlate(CoarseRegistration.flatten(ref), CoarseRegistration.flatten(scan), 1);
		assertEquals(0, Math.hypot(peaks.get(0).dx, Math.hypot(peaks.get(0).dy, peaks.get(0).dz)), 0.5, "plain phase correlation " + peaks);
		// verified candidates (ring suppression off, so verification alone must rescue it)
		AlignSettings s = new AlignSettings().suppressAxialRings(false).candidatePeaks(5);
		Affine3D coarse = CoarseRegistration.translation(Level.of(ref), Level.of(scan), s, "t01");
		assertArrayEquals(new double[] { -18, 12, -8 }, coarse.translationUm(), 2.0);
		// and the full registration with defaults
		RegistrationResult r = RigidRegistration.register(ref, scan, new AlignSettings(), null, "t01", Progress.NONE);
		assertTrue(SyntheticCell.rmsErrorVoxels(r.transform(), shift.inverse(), W, H, D) <= 0.1, r.toString());
	}

	@Test
	void aScanWithoutCommonContentIsRefusedOrFlaggedNeverReturnedAsIdentity() {
		SyntheticCell cell = new SyntheticCell(64, 64, 32, 4, 0, 0);
		Volume ref = cell.scan(Affine3D.identity(), 1);
		Volume noise = new Volume(64, 64, 32, SyntheticCell.VOXEL_UM);
		java.util.Random rnd = new java.util.Random(9);
		for (float[] s : noise.slices())
			for (int i = 0; i < s.length; i++)
				s[i] = (float) rnd.nextGaussian();
		try {
			RegistrationResult r = RigidRegistration.register(ref, noise, new AlignSettings(), null, "t01", Progress.NONE);
			assertFalse(r.converged(), "registration to pure noise claims convergence: " + r);
			assertTrue(r.message().contains("t01"), r.message());
		} catch (AlignException expected) {
			assertTrue(expected.getMessage().contains("t01") && expected.getMessage().contains("does not match"), expected.getMessage());
		}
	}

	@Test
	void aScanOfAnotherSizeIsRegisteredInMicrometres() {
		SyntheticCell cell = new SyntheticCell(96, 96, 48, 10, 0.01, 0);
		Volume ref = cell.scan(Affine3D.identity(), 1);
		Affine3D motion = Affine3D.rotationAbout(95, 95, 47, 0.3, -0.2, 1.0).then(Affine3D.translation(4.2, -3.1, 1.7));
		Volume full = cell.scan(motion, 2);
		// the scan is a smaller field of view starting at voxel (5, 3, 2) of the full scan
		int ox = 5, oy = 3, oz = 2;
		double v = SyntheticCell.VOXEL_UM;
		Volume crop = Resampler.resample(full, Affine3D.identity(), new OutputGrid(84, 88, 42, v, v, v, ox * v, oy * v, oz * v), Interpolation.NEAREST, 0f, 0,
				Progress.NONE);
		RegistrationResult r = RigidRegistration.register(ref, crop, new AlignSettings(), null, "t01", Progress.NONE);
		Affine3D truth = motion.inverse().concatenate(Affine3D.translation(ox * v, oy * v, oz * v));
		double err = SyntheticCell.rmsErrorVoxels(r.transform(), truth, 84, 88, 42);
		assertTrue(r.converged(), r.toString());
		assertTrue(err <= 0.1, "RMS error " + err + " voxels; " + r);
	}

	@Test
	void userMaskAndGreyRangeKeepBlocksOutOfTheLiquidMetal() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 12, 0, 0);
		Volume ref = cell.scan(Affine3D.identity(), 1), scan = cell.scan(MOTION, 2);
		TimeSeriesAlignerTest.changeLiquidMetal(scan, cell, 5);
		double interfaceUm = cell.interfaceZ0 * SyntheticCell.VOXEL_UM;
		// user mask: only the electrolyte below the interface may be matched
		Volume mask = new Volume(W, H, D, SyntheticCell.VOXEL_UM);
		for (int z = 0; z < cell.interfaceZ0 - 2; z++)
			java.util.Arrays.fill(mask.slice(z), 1f);
		RegistrationResult masked = RigidRegistration.register(ref, scan, new AlignSettings().mask(mask).autoMask(false), null, "t01", Progress.NONE);
		assertTrue(masked.converged(), masked.toString());
		for (double z : masked.blocks().column("z_um"))
			assertTrue(z < interfaceUm, "block centred at z = " + z + " µm lies above the interface at " + interfaceUm);
		assertTrue(SyntheticCell.rmsErrorVoxels(masked.transform(), MOTION.inverse(), W, H, D) <= 0.1, masked.toString());
		// grey range: blocks holding liquid-metal grey values (≈ 0.2) are skipped
		RegistrationResult grey = RigidRegistration.register(ref, scan, new AlignSettings().excludeGreyRange(0.05, 0.33).autoMask(false), null, "t01", Progress.NONE);
		assertTrue(grey.converged(), grey.toString());
		for (double z : grey.blocks().column("z_um"))
			assertTrue(z < interfaceUm, "block centred at z = " + z + " µm lies above the interface");
		assertTrue(SyntheticCell.rmsErrorVoxels(grey.transform(), MOTION.inverse(), W, H, D) <= 0.1, grey.toString());
	}

	@Test
	void resultDoesNotDependOnTheThreadCount() {
		SyntheticCell cell = new SyntheticCell(96, 96, 48, 11, 0.01, 0);
		Volume ref = cell.scan(Affine3D.identity(), 1), scan = cell.scan(Affine3D.translation(3.3, -2.1, 1.4), 2);
		RegistrationResult one = RigidRegistration.register(ref, scan, new AlignSettings().threads(1), null, "t01", Progress.NONE);
		RegistrationResult three = RigidRegistration.register(ref, scan, new AlignSettings().threads(3), null, "t01", Progress.NONE);
		assertEquals(one.transform(), three.transform());
		assertArrayEquals(one.blocks().column("residual_um"), three.blocks().column("residual_um"), 0);
	}

	@Test
	void noOverlapIsAnError() {
		SyntheticCell cell = new SyntheticCell(64, 64, 32, 6, 0, 0);
		Volume ref = cell.scan(Affine3D.identity(), 1);
		Volume scan = cell.scan(Affine3D.identity(), 2);
		AlignException e = assertThrows(AlignException.class,
				() -> RigidRegistration.register(ref, scan, new AlignSettings(), Affine3D.translation(500, 0, 0), "t07", Progress.NONE));
		assertTrue(e.getMessage().contains("t07"), e.getMessage());
	}

	@Test
	void tooFewRoundsIsFlaggedWithResiduals() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 1, 0.01, -0.006);
		Volume ref = cell.scan(Affine3D.identity(), 11), scan = cell.scan(MOTION, 12);
		// one round of block matching and one of intensity refinement: neither can settle
		RegistrationResult r = RigidRegistration.register(ref, scan, new AlignSettings().maxIterations(1).refineMaxIterations(1), null, "t01", Progress.NONE);
		assertFalse(r.converged(), r.toString());
		assertTrue(r.message().contains("still changing"), r.message());
		assertTrue(r.message().contains("intensity refinement still changing"), r.message());
		assertTrue(r.blocks().rowCount() > 0);
	}

	@Test
	void differentCalibrationIsRefusedWithAClearMessage() {
		Volume a = new Volume(32, 32, 32, 2.0), b = new Volume(32, 32, 32, 2.5);
		AlignException e = assertThrows(AlignException.class, () -> RigidRegistration.register(a, b, new AlignSettings(), null, "t03", Progress.NONE));
		assertTrue(e.getMessage().contains("t03") && e.getMessage().contains("voxel size"), e.getMessage());
	}
}
