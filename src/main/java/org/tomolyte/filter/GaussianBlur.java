package org.tomolyte.filter;

import java.util.Arrays;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Parallel;
import org.tomolyte.task.Progress;

/**
 * Separable Gaussian blur of a {@link Volume} with clamped edges, in place, slice-parallel; every pass runs
 * along contiguous memory. Used to give synthetic scans the system's point spread and to take the noise out
 * of scans before intensity-based registration. The result does not depend on the thread count.
 */
public final class GaussianBlur {
	/** Voxels per run of the z pass (16 KB of output). */
	private static final int RUN = 4096;

	private GaussianBlur() {}

	/** Blurs with the same σ (voxels) along x, y and z (z skipped for a single slice). */
	public static void blur(Volume v, double sigma, int threads, Progress progress) {
		blur(v, sigma, sigma, v.depth() > 1 ? sigma : 0, threads, progress);
	}

	/** Blurs with σ (voxels) per axis; an axis with σ ≤ 0 is left alone. */
	public static void blur(Volume v, double sigmaX, double sigmaY, double sigmaZ, int threads, Progress progress) {
		blur(v, v.slices(), sigmaX, sigmaY, sigmaZ, threads, progress);
	}

	/**
	 * A blurred copy (same σ along x, y and z; z skipped for a single slice); the input is unchanged. Cheaper
	 * than copying and blurring in place: the first pass reads the input and writes the copy.
	 */
	public static Volume blurredCopy(Volume v, double sigma, int threads, Progress progress) {
		float[][] out = new float[v.depth()][];
		blur(v, out, sigma, sigma, v.depth() > 1 ? sigma : 0, threads, progress);
		return new Volume(v.width(), v.height(), out, v.voxelXUm(), v.voxelYUm(), v.voxelZUm());
	}

	/** Blurs {@code in} into {@code slices}: its own slices (in place), or an array of nulls filled here. */
	private static void blur(Volume in, float[][] slices, double sigmaX, double sigmaY, double sigmaZ, int threads, Progress progress) {
		int w = in.width(), h = in.height(), d = in.depth();
		float[] kx = kernel(sigmaX), ky = kernel(sigmaY), kz = kernel(sigmaZ);
		ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[w * h]);
		if (slices[0] == null && kx == null && ky == null)
			for (int z = 0; z < d; z++) slices[z] = in.slice(z).clone();
		if (kx != null || ky != null) Parallel.forEach(d, threads, progress.sub(0, 0.5), "Blurring", z -> {
			if (slices[z] == null) slices[z] = new float[w * h];
			blurSlice(in.slice(z), slices[z], buffers.get(), w, h, kx, ky);
		});
		if (kz == null || d == 1) {
			progress.report(1, null);
			return;
		}
		int rad = kz.length / 2;
		// along z in place: contiguous blocks of slices, each swept upwards with a window of the original
		// slices it still needs; the originals just outside a block are copied before anything is written
		int blocks = Math.min(d, Parallel.threads(threads));
		int[] start = new int[blocks + 1];
		for (int b = 0; b <= blocks; b++)
			start[b] = (int) ((long) d * b / blocks);
		float[][][] below = new float[blocks][][], above = new float[blocks][][];
		for (int b = 0; b < blocks; b++) {
			below[b] = new float[rad][];
			above[b] = new float[rad][];
			for (int j = 1; j <= rad; j++) {
				int zb = start[b] - j, za = start[b + 1] - 1 + j;
				below[b][j - 1] = zb >= 0 ? slices[zb].clone() : null;
				above[b][j - 1] = za < d ? slices[za].clone() : null;
			}
		}
		Parallel.forEach(blocks, threads, progress.sub(0.5, 1), "Blurring", b -> {
			int z0 = start[b], z1 = start[b + 1], win = 2 * rad + 1;
			// window[(z + rad) % win] holds the original of slice z for z0 − rad ≤ z < z1 + rad (clamped)
			float[][] window = new float[win][];
			java.util.function.IntFunction<float[]> original = z -> {
				int zc = clamp(z, d);
				if (zc < z0) return below[b][z0 - zc - 1];
				if (zc >= z1) return above[b][zc - z1];
				return null; // inside the block: from the window
			};
			for (int z = z0 - rad; z < z0 + rad && z < z1 + rad; z++) {
				int zc = clamp(z, d);
				float[] o = original.apply(z);
				window[Math.floorMod(z, win)] = o != null ? o : slices[zc].clone();
			}
			for (int z = z0; z < z1; z++) {
				int ahead = z + rad, zc = clamp(ahead, d);
				float[] o = original.apply(ahead);
				window[Math.floorMod(ahead, win)] = o != null ? o : slices[zc].clone();
				float[][] taps = new float[win][];
				for (int j = -rad; j <= rad; j++)
					taps[j + rad] = window[Math.floorMod(z + j, win)];
				blurAlongZ(taps, kz, slices[z]);
			}
		});
	}

	/**
	 * The x and y passes of the blur for one slice of width × height: {@code src} into {@code s} (may be the same
	 * array), with {@code tmp} (same length) as scratch; kernels from {@link #kernel}, null to skip an axis. The
	 * same sums as the volume blur, so a slice-by-slice blur (of a volume read from disk) matches it exactly.
	 */
	public static void blurSlice(float[] src, float[] s, float[] tmp, int w, int h, float[] kx, float[] ky) {
		if (kx != null) {
			int rad = kx.length / 2;
			for (int y = 0; y < h; y++) {
				int o = y * w;
				// the edges with clamping; the interior tap by tap along the row (same sums in the same order per
				// voxel, but a loop the JIT vectorises)
				for (int x = 0; x < Math.min(rad, w); x++)
					tmp[o + x] = clampedTaps(src, o, x, w, kx, rad);
				for (int x = Math.max(rad, w - rad); x < w; x++)
					tmp[o + x] = clampedTaps(src, o, x, w, kx, rad);
				if (w > 2 * rad) {
					Arrays.fill(tmp, o + rad, o + w - rad, 0f);
					for (int j = -rad; j <= rad; j++) {
						float kj = kx[j + rad];
						for (int x = o + rad, e = o + w - rad; x < e; x++)
							tmp[x] += kj * src[x + j];
					}
				}
			}
		} else System.arraycopy(src, 0, tmp, 0, src.length);
		if (ky != null) {
			int rad = ky.length / 2;
			Arrays.fill(s, 0f);
			for (int y = 0; y < h; y++) {
				int o = y * w;
				for (int j = -rad; j <= rad; j++) {
					int row = clamp(y + j, h) * w;
					float kj = ky[j + rad];
					for (int x = 0; x < w; x++) s[o + x] += kj * tmp[row + x];
				}
			}
		} else System.arraycopy(tmp, 0, s, 0, s.length);
	}

	/**
	 * The z pass for one output slice: {@code out} = Σ kz[j] · taps[j], taps being the (x–y blurred) slices
	 * z − rad … z + rad, edges already clamped by the caller. In cache-sized runs, so that the output run stays in
	 * cache across the taps; the sums are the same as the volume blur's.
	 */
	public static void blurAlongZ(float[][] taps, float[] kz, float[] out) {
		Arrays.fill(out, 0f);
		for (int i0 = 0; i0 < out.length; i0 += RUN) {
			int i1 = Math.min(out.length, i0 + RUN);
			for (int j = 0; j < kz.length; j++) {
				float[] orig = taps[j];
				float kj = kz[j];
				for (int i = i0; i < i1; i++) out[i] += kj * orig[i];
			}
		}
	}

	/** Normalised Gaussian taps over ±⌈3σ⌉, or null for σ ≤ 0. */
	public static float[] kernel(double sigma) {
		if (!(sigma > 0)) return null;
		int rad = (int) Math.ceil(3 * sigma);
		float[] k = new float[2 * rad + 1];
		double sum = 0;
		for (int i = -rad; i <= rad; i++) sum += Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = -rad; i <= rad; i++) k[i + rad] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
		return k;
	}

	private static float clampedTaps(float[] src, int o, int x, int w, float[] k, int rad) {
		float a = 0;
		for (int j = -rad; j <= rad; j++)
			a += k[j + rad] * src[o + clamp(x + j, w)];
		return a;
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
