package org.tomolyte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.tomolyte.align.Affine3D;
import org.tomolyte.align.AlignResult;
import org.tomolyte.align.AlignSettings;
import org.tomolyte.align.SliceSource;
import org.tomolyte.align.TimeSeriesAligner;
import org.tomolyte.io.tiff.TiffStackWriter;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.task.Progress;

/**
 * Benchmark of the alignment of volumes larger than the heap ({@link TimeSeriesAligner#alignStreaming}): writes a
 * pair of 16-bit TIFF scans (default 1024 × 1024 × 512, 1 GiB each on disk, 2 GiB each as float), generated
 * slice by slice from a continuous textured field with lab-frame rings and noise, the second moved by a known
 * rigid motion; then aligns them from disk, writing the aligned scans slice by slice. Run with a heap smaller
 * than one scan, e.g. {@code -Xmx1g}. Prints the time of each stage, the error against the truth and the peak
 * heap. Args: [size-x] [size-z] [factor] [work-dir].
 */
public final class AlignStreamingBench {
	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024, d = args.length > 1 ? Integer.parseInt(args[1]) : 512;
		int factor = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		Path dir = Files.createDirectories(Paths.get(args.length > 3 ? args[3] : "/tmp/align-streaming-bench"));
		Path a = dir.resolve("t00.tif"), b = dir.resolve("t01.tif");
		// scan → reference: 1.2° about z, 0.4° and −0.3° tilts about the centre, then several voxels with sub-voxel parts
		Affine3D truth = Affine3D.rotationAbout(n / 2.0, n / 2.0, d / 2.0, 0.4, -0.3, 1.2).then(Affine3D.translation(5.3, -2.6, 1.7));
		Field f = new Field(n, n, d, 7);
		AlignBench.Timer gen = new AlignBench.Timer();
		if (!Files.exists(a) || !Files.exists(b) || Boolean.getBoolean("regenerate")) {
			write(f, Affine3D.identity(), a, 11);
			write(f, truth, b, 12);
		}
		gen.stop();
		System.out.printf("scans %d×%d×%d, 16-bit on disk %.2f GB each (%.2f GB each as float); generated in %.0f s; heap limit %.2f GB%n", n, n, d,
				Files.size(a) / 1e9, 4.0 * n * n * d / 1e9, gen.wall, Runtime.getRuntime().maxMemory() / 1e9);
		AlignBench.resetPeaks();
		List<SliceSource> sources = Arrays.asList(VolumeTiff.slices(a), VolumeTiff.slices(b));
		AlignSettings s = new AlignSettings().levelInterface(false).acceptUnconverged(true).intensityRefinement(!Boolean.getBoolean("refine.off"));
		long[] stageStart = { System.nanoTime() };
		List<String> stages = new ArrayList<>();
		Progress p = new Progress() {
			String last = "";

			@Override
			public boolean isCancelled() {
				return false;
			}

			@Override
			public void report(double fraction, String message) {
				if (message == null) return;
				String head = message.split(" ")[0];
				if (!head.equals(last)) {
					long now = System.nanoTime();
					if (!last.isEmpty()) stages.add(String.format("%s %.1f s", last, (now - stageStart[0]) / 1e9));
					stageStart[0] = now;
					last = head;
				}
			}
		};
		AlignBench.Timer all = new AlignBench.Timer();
		Path[] outs = { dir.resolve("aligned-t00.tif"), dir.resolve("aligned-t01.tif") };
		TiffStackWriter[] writers = new TiffStackWriter[2];
		AlignResult r = TimeSeriesAligner.alignStreaming(sources, Arrays.asList("t00", "t01"), factor, s, (i, grid) -> {
			writers[i] = VolumeTiff.writer(outs[i], grid.width(), grid.height(), grid.depth(), grid.voxelXUm(), "aligned");
			return (z, slice) -> {
				writers[i].write(slice);
				if (writers[i].written() == grid.depth()) {
					writers[i].commit();
					writers[i].close();
				}
			};
		}, p);
		all.stop();
		p.report(1, "end");
		double err = r.transforms().get(1).maxDifferenceUm(truth, n, n, d);
		System.out.printf("aligned from disk at factor %d in %.1f s wall, %.1f s CPU; stages: %s%n", factor, all.wall, all.cpu, String.join(", ", stages));
		System.out.printf("error %.4f voxel max at the corners, rotation %.4f°; %s%n", err, r.transforms().get(1).concatenate(truth.inverse()).rotationAngleDegrees(),
				r.registrations().get(1).message());
		System.out.printf("peak heap %.0f MB (one scan as float: %.0f MB)%n", AlignBench.peakHeap() / 1e6, 4.0 * n * n * d / 1e6);
		System.exit(0); // JTransforms' idle pool threads would otherwise keep the JVM up for a minute
	}

	/** Writes the scan whose voxel p shows the field at scanToRef(p), plus rings about the slice centre and noise. */
	static void write(Field f, Affine3D scanToRef, Path file, long seed) {
		int w = f.w, h = f.h, d = f.d;
		try (TiffStackWriter out = new TiffStackWriter(file, w, h, d, 16, 1.0, 0, 1, null, "bench scan")) {
			double[] m = scanToRef.toArray();
			float[] s = new float[w * h];
			for (int z = 0; z < d; z++) {
				final int zz = z;
				Random rnd = new Random(seed * 1000003L + z);
				float[] noise = new float[w * h];
				for (int i = 0; i < noise.length; i++)
					noise[i] = (float) (0.02 * rnd.nextGaussian());
				java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
					for (int x = 0; x < w; x++) {
						double px = m[0] * x + m[1] * y + m[2] * zz + m[3], py = m[4] * x + m[5] * y + m[6] * zz + m[7], pz = m[8] * x + m[9] * y + m[10] * zz + m[11];
						double r = Math.hypot(x - (w - 1) / 2.0, y - (h - 1) / 2.0);
						double ring = 0.01 * Math.sin(r * 0.9) * Math.exp(-0.5 * Math.pow((r % 37) - 18, 2) / 4.0);
						s[y * w + x] = (float) (f.value(px, py, pz) + ring) + noise[y * w + x];
					}
				});
				out.write(s);
			}
			out.commit();
		}
	}

	/** A smooth random texture (trilinear on a 4-voxel lattice) in two phases split by a tilted interface. */
	static final class Field {
		final int w, h, d, gw, gh, gd;
		final float[] lattice;

		Field(int w, int h, int d, long seed) {
			this.w = w;
			this.h = h;
			this.d = d;
			gw = w / 4 + 8;
			gh = h / 4 + 8;
			gd = d / 4 + 8;
			lattice = new float[gw * gh * gd];
			Random rnd = new Random(seed);
			for (int i = 0; i < lattice.length; i++)
				lattice[i] = (float) rnd.nextGaussian();
		}

		double value(double x, double y, double z) {
			double fx = x / 4 + 4, fy = y / 4 + 4, fz = z / 4 + 4;
			int x0 = Math.max(0, Math.min(gw - 2, (int) Math.floor(fx))), y0 = Math.max(0, Math.min(gh - 2, (int) Math.floor(fy))),
					z0 = Math.max(0, Math.min(gd - 2, (int) Math.floor(fz)));
			double tx = Math.max(0, Math.min(1, fx - x0)), ty = Math.max(0, Math.min(1, fy - y0)), tz = Math.max(0, Math.min(1, fz - z0));
			double t = 0;
			for (int c = 0; c < 2; c++)
				for (int b = 0; b < 2; b++)
					for (int a = 0; a < 2; a++)
						t += (a == 0 ? 1 - tx : tx) * (b == 0 ? 1 - ty : ty) * (c == 0 ? 1 - tz : tz) * lattice[((z0 + c) * gh + y0 + b) * gw + x0 + a];
			double zi = d * 0.55 + 0.01 * (x - w / 2.0) - 0.007 * (y - h / 2.0);
			double metal = 0.5 * (1 + Math.tanh(1.1 * (z - zi)));
			return (1 - metal) * (0.55 + 0.06 * t) + metal * (0.2 + 0.015 * t);
		}
	}
}
