package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Registration of real XCT texture (40 slices of a Li-ion cell) moved by a known rigid transform with the
 * package's cubic resampler: the reference is a crop of the real volume, the scan the same sample moved.
 */
class RealTextureRegistrationTest {
	@Test
	void recoversKnownDriftOfRealTexture() {
		// 320² crop binned by 2 → 160×160×40; the scan is cut from a larger crop so that it has real content at its borders
		Volume big = RealData.cellVolume(364, 364, 400, 2, 31, 40, 1.0); // 200×200×40
		int m = 20, w = 160, h = 160, d = 32, mz = 4;
		OutputGrid refGrid = new OutputGrid(w, h, d, 1, 1, 1, m, m, mz);
		Volume ref = Resampler.resample(big, Affine3D.identity(), refGrid, Interpolation.LINEAR, 0f, 0, Progress.NONE);
		// sample motion in the reference frame (µm = voxels here): 1.2° about z, 0.4° and −0.3° tilts, sub-voxel shifts
		Affine3D motion = Affine3D.rotationAbout(79.5, 79.5, 15.5, 0.4, -0.3, 1.2).then(Affine3D.translation(3.4, -2.7, 1.6));
		// scan(q) = ref-frame sample at motion⁻¹(q): resample the big volume through motion, in the ref grid's frame
		Affine3D toBig = Affine3D.translation(m, m, mz);
		Affine3D a = toBig.concatenate(motion).concatenate(toBig.inverse());
		Volume scan = Resampler.resample(big, a, refGrid, Interpolation.CUBIC, 0f, 0, Progress.NONE);
		addNoise(ref, 3.0, 1);
		addNoise(scan, 3.0, 2);
		RegistrationResult r = RigidRegistration.register(ref, scan, new AlignSettings(), null, "real", Progress.NONE);
		Affine3D truth = motion.inverse();
		double rms = SyntheticCell.rmsErrorVoxels(r.transform(), truth, w, h, d, 1.0);
		double rot = r.transform().concatenate(truth.inverse()).rotationAngleDegrees();
		System.out.printf("real texture: RMS error %.4f voxels, rotation error %.4f°, %s%n", rms, rot, r);
		assertTrue(r.converged(), r.toString());
		assertTrue(rms <= 0.1, "RMS error " + rms + " voxels; " + r + " truth " + truth);
		assertTrue(rot <= 0.05, "rotation error " + rot + "°; " + r + " truth " + truth);
	}

	static void addNoise(Volume v, double sigma, long seed) {
		Random rnd = new Random(seed);
		for (float[] s : v.slices())
			for (int i = 0; i < s.length; i++)
				s[i] += (float) (sigma * rnd.nextGaussian());
	}
}
