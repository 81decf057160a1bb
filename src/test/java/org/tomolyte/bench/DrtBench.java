package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.tomolyte.drt.DrtFitter;
import org.tomolyte.drt.DrtMap;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.drt.Drt;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.task.Progress;

/**
 * DRT speed: time per spectrum after the kernels are built (one core, exact NNLS), 1000 spectra on two
 * threads, and heap use of streaming vs. keeping the map. Synthetic 2×ZARC spectra with noise on grids of
 * 41, 81 and 110 frequencies. Run: java -cp ... org.tomolyte.bench.DrtBench
 */
public final class DrtBench {
	public static Spectrum spectrum(int n, Random rnd, double r1) {
		double[] f = new double[n], re = new double[n], im = new double[n];
		for (int i = 0; i < n; i++) {
			f[i] = 1e6 * Math.pow(1e-8, i / (n - 1.0));
			double w = 2 * Math.PI * f[i], zr = 10, zi = 0;
			for (double[] z : new double[][] { { r1, 0.1, 0.8 }, { 50, 1e-4, 0.8 } }) {
				double m = Math.pow(w * z[1], z[2]), a = 1 + m * Math.cos(z[2] * Math.PI / 2), b = m * Math.sin(z[2] * Math.PI / 2), d = a * a + b * b;
				zr += z[0] * a / d;
				zi -= z[0] * b / d;
			}
			re[i] = zr + 0.2 * rnd.nextGaussian();
			im[i] = zi + 0.2 * rnd.nextGaussian();
		}
		return new Spectrum(f, re, im, 35.0 * r1, 35.0 * r1 + 30, 3, 0.4);
	}

	public static void main(String[] args) {
		Random rnd = new Random(1);
		for (boolean peaks : new boolean[] { false, true })
			for (int n : new int[] { 41, 81, 110 }) {
				DrtFitter fitter = new DrtFitter(DrtSettings.builder().findPeaks(peaks).build());
				List<Spectrum> list = new ArrayList<>();
				for (int k = 0; k < 400; k++) list.add(spectrum(n, rnd, 10 + k % 50));
				long t0 = System.nanoTime();
				fitter.fit(list.get(0), "setup");
				long setup = System.nanoTime() - t0;
				for (int rep = 0; rep < 3; rep++) for (Spectrum s : list) fitter.fit(s, "warm");
				// CPU time of this thread: the machine is shared, wall time would count other processes
				java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
				t0 = System.nanoTime();
				long c0 = mx.getCurrentThreadCpuTime();
				for (Spectrum s : list) fitter.fit(s, "timed");
				double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / list.size();
				double wall = (System.nanoTime() - t0) / 1e6 / list.size();
				System.out.printf("n=%3d peaks=%-5s setup %.1f ms, per spectrum %.3f ms CPU (%.3f ms wall), 1 thread%n", n, peaks, setup / 1e6, cpu, wall);
			}
		for (boolean peaks : new boolean[] { false, true }) {
			List<Spectrum> list = new ArrayList<>();
			for (int k = 0; k < 1000; k++) list.add(spectrum(81, rnd, 10 + k % 50));
			SpectrumSeries series = new SpectrumSeries("bench", list);
			DrtSettings st = DrtSettings.builder().findPeaks(peaks).build();
			Drt.map(series, st, 2, Progress.NONE); // warm-up (JIT, kernel build)
			long t0 = System.nanoTime();
			DrtMap m = Drt.map(series, st, 2, Progress.NONE);
			double mapS = (System.nanoTime() - t0) / 1e9;
			t0 = System.nanoTime();
			int[] count = new int[1];
			Drt.stream(series, st, 2, Progress.NONE, item -> count[0]++);
			double streamS = (System.nanoTime() - t0) / 1e9;
			System.out.printf("1000 spectra x 81 f, peaks=%s, 2 threads: map %.2f s, stream %.2f s (%d spectra)%n", peaks, mapS, streamS, m.size() + 0 * count[0]);
		}
		// memory: heap growth while keeping the map vs streaming 4000 spectra
		List<Spectrum> big = new ArrayList<>();
		for (int k = 0; k < 4000; k++) big.add(spectrum(81, rnd, 10 + k % 50));
		SpectrumSeries series = new SpectrumSeries("mem", big);
		DrtSettings st = DrtSettings.builder().findPeaks(false).build();
		long before = used();
		long[] peakHeap = { 0 };
		Drt.stream(series, st, 2, Progress.NONE, item -> peakHeap[0] = Math.max(peakHeap[0], usedNoGc()));
		long streamGrowth = used() - before;
		DrtMap kept = Drt.map(series, st, 2, Progress.NONE);
		long mapGrowth = used() - before;
		System.out.printf("4000 spectra: retained heap after streaming %+.1f MB, with the map kept %+.1f MB (%d rows)%n", streamGrowth / 1e6, mapGrowth / 1e6,
				kept.size());
	}

	static long used() {
		for (int i = 0; i < 3; i++) System.gc();
		return usedNoGc();
	}

	static long usedNoGc() {
		Runtime r = Runtime.getRuntime();
		return r.totalMemory() - r.freeMemory();
	}
}
