package org.tomolyte.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.tomolyte.cracks.CrackSettings;
import org.tomolyte.cracks.CrackTracker;
import org.tomolyte.cracks.CrackTrackingResult;
import org.tomolyte.cracks.TrackedObject;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Bench of "Track Cracks": five aligned 512 × 512 × 256 scans (1.3 µm voxels) of a tilted interface with a
 * crack that grows, an edge chip that detaches, noise — through segmentation, interface metrics, detection,
 * measurement and tracking with the default 80 µm slab. Prints wall time, CPU time and peak heap. Run with
 * {@code java -Xmx4g -cp ... org.tomolyte.bench.CrackBench}.
 */
public class CrackBench {
	static final int N = 512, NZ = 256;

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("streaming")) {
			streaming();
			return;
		}
		List<Volume> scans = new ArrayList<>();
		for (int s = 0; s < 5; s++) scans.add(scan(s));
		double[] start = { 0, 600, 1200, 1800, 2400 };
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
		System.gc();
		long heapBefore = used();
		long cpu0 = cpu();
		long t0 = System.nanoTime();
		CrackTrackingResult r = CrackTracker.track(scans, start, null, 0.126, CrackSettings.defaults(), Progress.NONE);
		double wall = (System.nanoTime() - t0) / 1e9, cpuS = (cpu() - cpu0) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
		for (int s = 0; s < 5; s++)
			for (TrackedObject o : r.objects(s))
				System.out.printf("scan %d track %d %s %s depth %.1f µm area %.0f µm² volume %.0f µm³ opening %.2f µm%n", s, o.trackId(), o.measurement().kind().label(),
						o.eventLabel(), o.measurement().depthUm(), o.measurement().areaUm2(), o.measurement().volumeUm3(), o.measurement().openingUm());
		System.out.printf("5 scans %d×%d×%d: wall %.1f s, CPU (all threads) %.1f s, %d processors; input %.0f MB, heap before %.0f MB, peak heap (sum of pool peaks) %.0f MB%n",
				N, N, NZ, wall, cpuS, Runtime.getRuntime().availableProcessors(), 5.0 * N * N * NZ * 4 / 1e6, heapBefore / 1e6, peak / 1e6);
	}

	/** The same series with scans made on demand (the loader overload): time and peak heap with three scans held at most. */
	static void streaming() {
		double[] start = { 0, 600, 1200, 1800, 2400 };
		System.gc();
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
		long cpu0 = cpu(), t0 = System.nanoTime();
		CrackTrackingResult r = CrackTracker.track(5, CrackBench::scan, start, null, 0.126, CrackSettings.defaults(), Progress.NONE);
		double wall = (System.nanoTime() - t0) / 1e9, cpuS = (cpu() - cpu0) / 1e9;
		long peak = 0;
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
		System.out.printf("streaming 5 scans %d×%d×%d (scan synthesis included): wall %.1f s, CPU %.1f s, %d tracks; peak heap %.0f MB (one scan = %.0f MB)%n", N, N, NZ,
				wall, cpuS, r.byTrack().size(), peak / 1e6, N * N * NZ * 4 / 1e6);
	}

	static long used() {
		Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}

	static long cpu() {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return os.getProcessCpuTime();
	}

	/** A fast analytic scan: linear partial volume across the interface, the crack sheet and the chip; Gaussian noise. */
	static Volume scan(int s) {
		double e = 1.4, lm = 0.22, oring = 0.33, noise = 0.04;
		double c = (N - 1) / 2.0, pellet = 240, contact = 200;
		double depth = new double[] { 0, 12, 25, 38, 50 }[s], open = new double[] { 0, 2, 2.4, 2.8, 3.2 }[s];
		double az = Math.toRadians(30), ox = c + (contact - 30) * Math.cos(az), oy = c + (contact - 30) * Math.sin(az);
		double tx = -Math.sin(az), ty = Math.cos(az), mx = -Math.cos(az), my = -Math.sin(az); // dips towards the centre
		double dip = Math.toRadians(75), cot = Math.cos(dip) / Math.sin(dip), sin = Math.sin(dip);
		double chipX = ox - 12 * mx, chipY = oy - 12 * my;
		boolean chip = s >= 3, chipFilled = s >= 4, crackFilled = s >= 4;
		float[][] out = new float[NZ][N * N];
		IntStream.range(0, NZ).parallel().forEach(z -> {
			SplittableRandom rnd = new SplittableRandom(1000L * s + z);
			float[] sl = out[z];
			for (int y = 0; y < N; y++)
				for (int x = 0; x < N; x++) {
					double r = Math.hypot(x - c, y - c);
					double h = 120 + 0.01 * (x - c) - 0.005 * (y - c) + 0.4 * Math.sin(x * 0.05) * Math.cos(y * 0.04);
					double below = h - z;
					double above = r < contact ? lm : oring;
					double frac = Math.max(0, Math.min(1, below + 0.5));
					double v = r > pellet ? 0 : above + (e - above) * frac;
					if (r <= pellet && below > -0.5 && depth > 0) {
						double dx = x - ox, dy = y - oy, u = dx * tx + dy * ty, ee = dx * mx + dy * my, dd = Math.max(0, below);
						double a = 1.3 * depth, rho2 = (u / a) * (u / a) + (dd / depth) * (dd / depth);
						if (rho2 < 1) {
							double half = 0.5 * open * Math.pow(1 - rho2, 0.25) / sin;
							double f = Math.max(0, Math.min(1, half + 0.5 - Math.abs(ee - dd * cot))) * frac;
							v -= f * (e - (crackFilled ? lm : 0));
						}
						if (chip) {
							double cu = ((x - chipX) * tx + (y - chipY) * ty) / 9, ce = ((x - chipX) * mx + (y - chipY) * my) / 6, cd = dd / 5;
							if (cu * cu + ce * ce + cd * cd <= 1 && below > 0) v = chipFilled ? lm : 0;
						}
					}
					sl[y * N + x] = (float) (v + noise * Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble()));
				}
		});
		return new Volume(N, N, out, 1.3, 1.3, 1.3);
	}
}
