package org.tomolyte.align;
import java.util.List;
import org.tomolyte.model.Volume;
public class Scratch3 {
	public static void main(String[] a) {
		for (double amp : new double[] { 6, 10, 16 }) {
			SyntheticCell cell = new SyntheticCell(128, 128, 64, 3, 0, 0);
			cell.ringAmplitude *= amp;
			Affine3D shift = Affine3D.translation(9 * 2.0, -6 * 2.0, 4 * 2.0);
			Volume ref = cell.scan(Affine3D.identity(), 31), scan = cell.scan(shift, 32);
			for (double p : new double[] { 1.0, 0.7 }) {
				Correlator plain = new Correlator(128, 128, 64, 0.5, p, false);
				List<Correlator.Peak> peaks = plain.correlate(CoarseRegistration.flatten(ref), CoarseRegistration.flatten(scan), 3);
				System.out.println(amp + " p=" + p + " " + peaks);
			}
		}
	}
}
