package org.tomolyte.align;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;
public class Scratch6 {
	public static void main(String[] a) throws Exception {
		java.lang.reflect.Method dm = SliceAlignerTest.class.getDeclaredMethod("driftedStack", Affine3D[].class, double.class);
		dm.setAccessible(true);
		int N = 6;
		Affine3D[] m = new Affine3D[N];
		for (int k = 0; k < N; k++) m[k] = Affine3D.rotationAbout(160, 160, 0, 0, 0, 0.35 * k - 0.2 * (k % 2)).then(Affine3D.translation(0.9 * k, 0.6 * k, 0));
		Volume stack = (Volume) dm.invoke(null, m, Double.parseDouble(a[0]));
		AlignSettings s = SliceAligner.defaults().acceptUnconverged(true);
		if (a.length > 1) s.whitening(Double.parseDouble(a[1]));
		if (a.length > 2) s.bandLimit(Double.parseDouble(a[2]));
		SliceAlignResult r = SliceAligner.align(stack, SliceAlignMode.RIGID, s, 0, false, Progress.NONE);
		for (int k = 1; k < N; k++) {
			Affine3D pairTruth = m[k - 1].concatenate(m[k].inverse());
			Affine3D est = r.pairs().get(k).transform();
			System.out.printf("pair %d: err %.4f px rot %.4f %s%n", k, SyntheticCell.rmsErrorVoxels(est, pairTruth, 320, 320, 1) , est.concatenate(pairTruth.inverse()).rotationAngleDegrees(), r.pairs().get(k).message());
		}
	}
}
