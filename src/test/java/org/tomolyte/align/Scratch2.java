package org.tomolyte.align;

import org.tomolyte.task.Progress;
import org.tomolyte.model.Volume;

public class Scratch2 {
	public static void main(String[] a) {
		SyntheticCell cell = new SyntheticCell(128, 128, 64, 1, 0.01, -0.006);
		Volume ref = cell.scan(Affine3D.identity(), 11);
		Affine3D motion = Affine3D.rotationAbout(127, 127, 63, 0.8, -0.5, 1.7).then(Affine3D.translation(7.3, -4.6, 3.2));
		Volume mov = cell.scan(motion, 12);
		AlignSettings s = new AlignSettings();
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			Affine3D t = CoarseRegistration.translation(Level.of(ref), Level.of(mov), s, "m");
			long t1 = System.nanoTime();
			BlockMatcher bm = new BlockMatcher(Level.of(ref), Level.of(mov), 32, s);
			java.util.List<BlockMatcher.Block> bl = bm.select(128, null);
			long t2 = System.nanoTime();
			BlockMatcher.Matches m = bm.match(bl, t);
			long t3 = System.nanoTime();
			System.out.printf("coarse %.3f select %.3f match %.3f (%d blocks)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, bl.size());
		}
	}
}
