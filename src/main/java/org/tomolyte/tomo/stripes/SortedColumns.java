package org.tomolyte.tomo.stripes;

import java.util.Arrays;

/**
 * Each sinogram column sorted along the angles, with the permutation that undoes it: the "sort forward / sort
 * backward" step at the heart of Vo et al. (2018), algorithms 3 and 5. After sorting, a stripe (a column that is
 * offset from its neighbours) becomes a step across smooth rows, which a filter along the detector removes.
 * <p>
 * Layout is rank-major ({@code values[rank][column]}) so that the detector-direction filters read contiguous
 * rows. Sorting runs on blocks of columns gathered into a local column-major buffer (a cache-friendly
 * transpose); the argsort is a stable radix sort of order-preserving integer images of the values.
 */
final class SortedColumns {
	private static final int BLOCK = 64;

	/** Sorted values, {@code [rank][column]}, ascending in rank. */
	final float[][] values;
	/** Angle row each sorted value came from, {@code [rank][column]}. */
	final int[][] angleOf;

	private SortedColumns(float[][] values, int[][] angleOf) {
		this.values = values;
		this.angleOf = angleOf;
	}

	static SortedColumns of(float[][] sinogram) {
		int rows = sinogram.length;
		int width = sinogram[0].length;
		float[][] values = new float[rows][width];
		int[][] angleOf = new int[rows][width];
		Parallel.chunks(width, BLOCK, (x0, x1) -> {
			int nb = x1 - x0;
			float[][] cols = new float[nb][rows];
			int[][] keys = new int[nb][rows];
			for (int a = 0; a < rows; a++) {
				float[] src = sinogram[a];
				for (int b = 0; b < nb; b++) {
					cols[b][a] = src[x0 + b];
					keys[b][a] = sortableBits(src[x0 + b]);
				}
			}
			int[][] order = new int[nb][];
			RadixSorter sorter = new RadixSorter(rows);
			for (int b = 0; b < nb; b++)
				order[b] = sorter.argsort(keys[b]);
			for (int r = 0; r < rows; r++) {
				float[] v = values[r];
				int[] ix = angleOf[r];
				for (int b = 0; b < nb; b++) {
					int a = order[b][r];
					ix[x0 + b] = a;
					v[x0 + b] = cols[b][a];
				}
			}
		});
		return new SortedColumns(values, angleOf);
	}

	/**
	 * Stable least-significant-digit radix argsort of int keys (4 passes of 8 bits): ties keep ascending angle
	 * order, and it avoids the branch mispredictions of comparison sorts on noisy data.
	 */
	static final class RadixSorter {
		private final int[] count = new int[257];
		private final int[] keyBuffer, indexBuffer;

		RadixSorter(int n) {
			keyBuffer = new int[n];
			indexBuffer = new int[n];
		}

		/** Returns the permutation sorting keys ascending as signed ints; keys is overwritten. */
		int[] argsort(int[] keys) {
			int n = keys.length;
			int[] index = new int[n];
			for (int i = 0; i < n; i++) {
				index[i] = i;
				keys[i] ^= 0x80000000; // signed order as unsigned order
			}
			int[] sk = keys, si = index, dk = keyBuffer, di = indexBuffer;
			for (int shift = 0; shift < 32; shift += 8) {
				Arrays.fill(count, 0);
				for (int i = 0; i < n; i++)
					count[((sk[i] >>> shift) & 0xff) + 1]++;
				if (count[((sk[0] >>> shift) & 0xff) + 1] == n) continue; // every key shares this digit
				for (int d = 0; d < 256; d++)
					count[d + 1] += count[d];
				for (int i = 0; i < n; i++) {
					int pos = count[(sk[i] >>> shift) & 0xff]++;
					dk[pos] = sk[i];
					di[pos] = si[i];
				}
				int[] t = sk;
				sk = dk;
				dk = t;
				t = si;
				si = di;
				di = t;
			}
			return si == indexBuffer ? si.clone() : si;
		}
	}

	/**
	 * Puts rank-major values (same shape as {@link #values}, e.g. after filtering) back at the angle each rank came
	 * from, giving a sinogram {@code [angle][column]}.
	 */
	float[][] unsort(float[][] rankValues) {
		int rows = values.length;
		int width = values[0].length;
		float[][] out = new float[rows][width];
		Parallel.chunks(width, BLOCK, (x0, x1) -> {
			int nb = x1 - x0;
			float[][] cols = new float[nb][rows];
			for (int r = 0; r < rows; r++) {
				float[] v = rankValues[r];
				int[] ix = angleOf[r];
				for (int b = 0; b < nb; b++)
					cols[b][ix[x0 + b]] = v[x0 + b];
			}
			for (int a = 0; a < rows; a++) {
				float[] dst = out[a];
				for (int b = 0; b < nb; b++)
					dst[x0 + b] = cols[b][a];
			}
		});
		return out;
	}

	/**
	 * Order-preserving map of a float onto a signed int (negative floats have their magnitude bits flipped); −0 and
	 * +0 map alike.
	 */
	private static int sortableBits(float v) {
		int bits = Float.floatToIntBits(v == 0f ? 0f : v);
		return bits >= 0 ? bits : bits ^ 0x7fffffff;
	}
}
