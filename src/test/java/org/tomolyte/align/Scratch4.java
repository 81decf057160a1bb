package org.tomolyte.align;
import java.util.*;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;
public class Scratch4 {
	public static void main(String[] a) {
		double ns = a.length > 0 ? Double.parseDouble(a[0]) : 1;
		for (long seed : new long[] { 7, 8, 9, 10 }) {
			SyntheticCell cell = new SyntheticCell(192, 192, 48, seed, 0.02, -0.015);
			cell.noise *= ns;
			Volume v = cell.scan(Affine3D.identity(), 1);
			for (int step : new int[] { 4 }) {
				InterfaceResult r = InterfaceLeveller.measure(v, new InterfaceSettings().stepVoxels(step), Progress.NONE);
				Volume map = r.heightMapUm();
				List<double[]> pts = new ArrayList<>();
				double ss = 0; int n = 0;
				for (int j = 0; j < map.height(); j++) for (int i = 0; i < map.width(); i++) {
					if (Float.isNaN(map.get(i, j, 0))) continue;
					double truth = 0;
					for (int bb = 0; bb < step; bb++) for (int aa = 0; aa < step; aa++) truth += cell.trueHeightScan(i * step + aa, j * step + bb) / (step * step);
					pts.add(new double[] { i * step, j * step, truth });
					double e = map.get(i, j, 0) / 2 - truth; ss += e * e; n++;
					if (seed == 7 && step == 4 && Math.abs(e) > 1) System.out.printf("   bad tile r=%.1f err %.2f%n", Math.hypot(i*step+1.5-95.5, j*step+1.5-95.5), e);
				}
				double[] plane = new double[3];
				InterfaceLeveller.robustPlane(pts, 1000, false, plane);
				System.out.printf("seed %d step %d: err dU %.4f dV %.4f valid %d inl %d  hrms %.3f%n", seed, step, r.tiltUDeg() - Math.toDegrees(Math.atan(plane[1])), r.tiltVDeg() - Math.toDegrees(Math.atan(plane[2])), r.validCount(), r.inlierCount(), Math.sqrt(ss/n));
			}
		}
	}
}
