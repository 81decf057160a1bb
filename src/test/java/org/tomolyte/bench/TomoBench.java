package org.tomolyte.bench;

import org.tomolyte.tomo.CenterPhaseCorrelation;
import org.tomolyte.tomo.CenterVo;
import org.tomolyte.tomo.Fbp;
import org.tomolyte.tomo.FilterWindow;
import org.tomolyte.tomo.Padding;
import org.tomolyte.tomo.Phantoms;
import org.tomolyte.tomo.Sinograms;

/** Times FBP and centre finding on a 2048-wide, 1500-angle slice and a 3077-wide, 3001-angle slice. */
public class TomoBench {
	public static void main(String[] args) {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		bench(2048, 1500, threads);
		bench(3077, 3001, threads);
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static void bench(int width, int angles, int threads) {
		double[] a = Sinograms.evenAnglesRad(angles, 0, 180);
		double center = width / 2.0 + 13.3;
		float[][] sino = Phantoms.cell(width * 0.4).sinogram(a, width, center);
		Fbp fbp = new Fbp(FilterWindow.HANN, Padding.EDGE, true, threads);
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			long c0 = cpuNanos();
			fbp.reconstruct(sino, a, center, 0);
			System.out.printf("FBP %d x %d angles, %d threads: %.2f s wall, %.2f s CPU%n", width, angles, threads,
					(System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9);
		}
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			long c0 = cpuNanos();
			double vo = new CenterVo(0.5, threads).find(sino, a, 0, 0);
			long t1 = System.nanoTime();
			double pc = CenterPhaseCorrelation.find(a, sino).centerPx;
			System.out.printf("Centre %d x %d: Vo %.3f (true %.3f) %.2f s wall (%.2f s CPU incl. PC), phase correlation %.3f %.2f s%n", width, angles, vo,
					center, (t1 - t0) / 1e9, (cpuNanos() - c0) / 1e9, pc, (System.nanoTime() - t1) / 1e9);
		}
	}
}
