package org.tomolyte.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Random;

import org.tomolyte.align.Affine3D;
import org.tomolyte.align.AlignSettings;
import org.tomolyte.align.InterfaceLeveller;
import org.tomolyte.align.InterfaceResult;
import org.tomolyte.align.InterfaceSettings;
import org.tomolyte.align.Interpolation;
import org.tomolyte.align.OutputGrid;
import org.tomolyte.align.RegistrationResult;
import org.tomolyte.align.Resampler;
import org.tomolyte.align.RigidRegistration;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Benchmark of the alignment package on a pair of 512 × 512 × 256 volumes (the targets: register a
 * pair in ≤ 5 s on 2 cores; level and resample one volume in ≤ 3 s). Prints wall time, process CPU time,
 * accuracy against the known motion and peak heap. Run with -Xmx3g; args: [threads] [size-x] [size-z].
 */
public final class AlignBench {
	public static void main(String[] args) {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 512, d = args.length > 2 ? Integer.parseInt(args[2]) : 256;
		double voxel = 1.0;
		long t0 = System.nanoTime();
		Volume ref = cell(n, n, d, voxel, 1);
		// the sample moved: 1.5° about z, 0.5° and −0.4° tilts about the centre, several voxels with sub-voxel parts
		Affine3D motion = Affine3D.rotationAbout(n / 2.0, n / 2.0, d / 2.0, 0.5, -0.4, 1.5).then(Affine3D.translation(6.4, -3.7, 2.3));
		Volume scan = Resampler.resample(ref, motion, OutputGrid.of(ref), Interpolation.LINEAR, 0f, threads, Progress.NONE);
		noise(ref, 0.05, 2);
		noise(scan, 0.05, 3);
		System.out.printf("generated %d×%d×%d pair in %.1f s (not timed below)%n", n, n, d, (System.nanoTime() - t0) / 1e9);
		resetPeaks();
		System.gc();
		long base = usedHeap();

		AlignSettings s = new AlignSettings().threads(threads).suppressAxialRings(!Boolean.getBoolean("rings.off")).intensityRefinement(!Boolean.getBoolean("refine.off")).finestFactor(Integer.getInteger("finest", 1));
		RegistrationResult warm = RigidRegistration.register(ref, scan, s, null, "warm-up", Progress.NONE); // JIT warm-up
		Timer reg = new Timer();
		RegistrationResult r = RigidRegistration.register(ref, scan, s, null, "t01", Progress.NONE);
		reg.stop();
		Affine3D truth = motion.inverse();
		System.out.printf("register pair: %.2f s wall, %.2f s CPU (%d threads); error %.4f voxels max at corners, rotation %.4f°; %s%n", reg.wall, reg.cpu, threads,
				r.transform().maxDifferenceUm(truth, n, n, d) / voxel, r.transform().concatenate(truth.inverse()).rotationAngleDegrees(), r.message());
		if (!warm.converged()) System.out.println("warm-up did not converge: " + warm);

		Timer lev = new Timer();
		InterfaceResult level = InterfaceLeveller.measure(ref, new InterfaceSettings(), Progress.NONE);
		lev.stop();
		Timer res = new Timer();
		Volume out = Resampler.resample(scan, level.levelling().concatenate(r.transform()), OutputGrid.of(ref), Interpolation.LINEAR, 0f, threads, Progress.NONE);
		res.stop();
		System.out.printf("level: %.2f s wall, %.2f s CPU (tilt %.3f°); resample trilinear: %.2f s wall, %.2f s CPU; level + resample %.2f s%n", lev.wall, lev.cpu,
				level.tiltDeg(), res.wall, res.cpu, lev.wall + res.wall);
		Timer cub = new Timer();
		float[] sink = new float[1];
		Resampler.resample(scan, r.transform(), OutputGrid.of(ref), Interpolation.CUBIC, 0f, threads, (z, sl) -> sink[0] += sl[0], Progress.NONE);
		cub.stop();
		System.out.printf("resample cubic, slice by slice (nothing kept): %.2f s wall, %.2f s CPU%n", cub.wall, cub.cpu);
		long peak = peakHeap();
		System.out.printf("memory: two input volumes %.0f MB; peak heap %.0f MB; heap above the inputs at start %.0f MB (output volume %.0f MB)%n",
				2.0 * n * n * d * 4 / 1e6, peak / 1e6, (peak - base) / 1e6, 1.0 * n * n * d * 4 / 1e6);
		if (out.depth() < 0) System.out.println();
	}

	/** Layers (electrolyte below a tilted interface, liquid metal above) with smooth random texture, rings. */
	static Volume cell(int w, int h, int d, double voxel, long seed) {
		Random rnd = new Random(seed);
		int g = 4, gw = w / g + 3, gh = h / g + 3, gd = d / g + 3;
		float[] lattice = new float[gw * gh * gd];
		for (int i = 0; i < lattice.length; i++)
			lattice[i] = (float) rnd.nextGaussian();
		float[][] slices = new float[d][w * h];
		java.util.stream.IntStream.range(0, d).parallel().forEach(z -> {
			float[] s = slices[z];
			double fz = z / (double) g;
			int z0 = (int) fz;
			double tz = fz - z0;
			for (int y = 0; y < h; y++) {
				double fy = y / (double) g;
				int y0 = (int) fy;
				double ty = fy - y0;
				for (int x = 0; x < w; x++) {
					double fx = x / (double) g;
					int x0 = (int) fx;
					double tx = fx - x0;
					double t = 0;
					for (int c = 0; c < 2; c++)
						for (int b = 0; b < 2; b++)
							for (int a = 0; a < 2; a++)
								t += (a == 0 ? 1 - tx : tx) * (b == 0 ? 1 - ty : ty) * (c == 0 ? 1 - tz : tz) * lattice[((z0 + c) * gh + y0 + b) * gw + x0 + a];
					double zi = d * 0.55 + 0.01 * (x - w / 2.0) - 0.007 * (y - h / 2.0);
					double metal = 0.5 * (1 + Math.tanh(1.1 * (z - zi)));
					double r = Math.hypot(x - w / 2.0, y - h / 2.0);
					double ring = 0.08 * Math.sin(r * 0.9) * Math.exp(-0.5 * Math.pow((r % 37) - 18, 2) / 4.0);
					s[y * w + x] = (float) ((1 - metal) * (0.55 + 0.12 * t) + metal * (0.2 + 0.03 * t) + ring);
				}
			}
		});
		return new Volume(w, h, slices, voxel, voxel, voxel);
	}

	static void noise(Volume v, double sigma, long seed) {
		java.util.stream.IntStream.range(0, v.depth()).parallel().forEach(z -> {
			Random r = new Random(seed * 100003 + z);
			float[] s = v.slice(z);
			for (int i = 0; i < s.length; i++)
				s[i] += (float) (sigma * r.nextGaussian());
		});
	}

	static final class Timer {
		final long w0 = System.nanoTime(), c0 = cpuNanos();
		double wall, cpu;

		void stop() {
			wall = (System.nanoTime() - w0) / 1e9;
			cpu = (cpuNanos() - c0) / 1e9;
		}
	}

	static long cpuNanos() {
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
	}

	static long usedHeap() {
		Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}

	static void resetPeaks() {
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			p.resetPeakUsage();
	}

	static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == java.lang.management.MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
		return sum;
	}
}
