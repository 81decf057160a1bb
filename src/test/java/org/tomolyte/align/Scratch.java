package org.tomolyte.align;

import org.tomolyte.task.Progress;
import org.tomolyte.model.Volume;

public class Scratch {
	public static void main(String[] a) {
		long t0 = System.nanoTime();
		SyntheticCell cell = new SyntheticCell(128, 128, 64, 1, 0.01, -0.006);
		if (a.length > 0) cell.noise *= Double.parseDouble(a[0]);
		if (a.length > 1) cell.ringAmplitude *= Double.parseDouble(a[1]);
		Volume ref = cell.scan(Affine3D.identity(), 11);
		Affine3D motion = Affine3D.rotationAbout(127, 127, 63, 0.8, -0.5, 1.7).then(Affine3D.translation(7.3, -4.6, 3.2));
		Volume mov = cell.scan(motion, 12);
		System.out.printf("gen %.2fs%n", (System.nanoTime() - t0) / 1e9);
		t0 = System.nanoTime();
		AlignSettings s = new AlignSettings();
		if (a.length > 2) s.matchInterpolation(Interpolation.valueOf(a[2]));
		RegistrationResult r = RigidRegistration.register(ref, mov, s, null, "mov", Progress.NONE);
		System.out.printf("reg %.2fs%n", (System.nanoTime() - t0) / 1e9);
		Affine3D truth = motion.inverse();
		System.out.println(r);
		System.out.println("truth " + truth);
		System.out.printf("rms err %.4f vox, rot err %.4f deg%n", SyntheticCell.rmsErrorVoxels(r.transform(), truth, 128, 128, 64),
				r.transform().concatenate(truth.inverse()).rotationAngleDegrees());
	}
}
