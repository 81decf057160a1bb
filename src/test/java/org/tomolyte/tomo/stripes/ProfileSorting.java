package org.tomolyte.tomo.stripes;
import java.util.Random;
public class ProfileSorting {
	public static void main(String[] args) {
		int angles = 1500, width = 2048;
		Random random = new Random(1);
		float[][] s = new float[angles][width];
		for (float[] row : s) for (int x = 0; x < width; x++) row[x] = (float) random.nextGaussian();
		for (int it = 0; it < 6; it++) {
			long t0 = System.nanoTime();
			SortedColumns sc = SortedColumns.of(s);
			long t1 = System.nanoTime();
			float[][] m = MedianFilters.alongRows(sc.values, 21);
			long t2 = System.nanoTime();
			float[][] out = sc.unsort(m);
			long t3 = System.nanoTime();
			System.out.printf("sort %.3f median %.3f unsort %.3f%n", (t1-t0)/1e9, (t2-t1)/1e9, (t3-t2)/1e9);
		}
	}
}
