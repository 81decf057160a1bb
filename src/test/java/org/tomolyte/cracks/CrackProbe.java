package org.tomolyte.cracks;

import java.util.List;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/** Scratch main: prints detections and measurements on the test cell against its truth. */
public class CrackProbe {
	public static void main(String[] a) {
		TestCell c = new TestCell();
		if (a.length > 0) c.noiseSigma = Double.parseDouble(a[0]);
		Volume ref = c.render(0);
		ReferenceFrame rf = ReferenceFrame.of(ref, CrackSettings.defaults(), Progress.NONE);
		System.out.println(rf.thresholds() + " " + rf.levels() + " slab " + rf.zLow() + ".." + rf.zHigh() + " contact cols " + rf.contact().columnCount() + " " + rf.contact().description());
		for (int s = 1; s < 5; s++) {
			Volume v = c.render(s);
			List<VoxelObject> objs = LostElectrolyteDetector.detect(rf, v, CrackSettings.defaults(), 0);
			List<ObjectMeasurement> ms = ObjectMeasurer.measure(rf, v, objs);
			System.out.printf("scan %d truth crack depth %.2f vol %.1f area %.1f open %.2f chip vol %.1f%n", s, c.crackDepthUm(s), c.crackVolumeUm3(s), c.crackFaceAreaUm2(s), c.crackOpeningUm(s), c.chipVolumeUm3());
			for (ObjectMeasurement m : ms)
				System.out.printf("   %s vox %d depth %.2f len %.2f area %.1f vol %.1f open %.2f inf %b dip %.1f strike %.1f%n", m.kind(), m.voxelCount(), m.depthUm(), m.lengthUm(), m.areaUm2(), m.volumeUm3(), m.openingUm(), m.infiltrated(), m.dipDeg(), m.strikeDeg());
		}
	}
}
