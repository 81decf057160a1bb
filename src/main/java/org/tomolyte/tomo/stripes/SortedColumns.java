package org.tomolyte.tomo.stripes;

import java.util.Arrays;

/**
 * Each sinogram column sorted along the angles, with the permutation that undoes it: the "sort forward / sort
 * backward" step at the heart of Vo et al. (2018), algorithms 3 and 5. After sorting, a stripe (a column that is
 * offset from its neighbours) becomes a step across smooth rows, which a filter along the detector removes.
 * <p>
 * Layout is rank-major ({@code values[rank][column]}) so that the detector-direction filters read contiguous
 * rows. Sorting runs on blocks of columns gathered into a local column-major buffer (a cache-friendly
 * transpose); value and angle index are packed into one {@code long} so a primitive sort does the argsort.
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
			long[][] keys = new long[nb][rows];
			for (int a = 0; a < rows; a++) {
				float[] src = sinogram[a];
				for (int b = 0; b < nb; b++)
					keys[b][a] = ((long) sortableBits(src[x0 + b]) << 32) | a;
			}
			for (int b = 0; b < nb; b++)
				Arrays.sort(keys[b]);
			for (int r = 0; r < rows; r++) {
				float[] v = values[r];
				int[] ix = angleOf[r];
				for (int b = 0; b < nb; b++) {
					int a = (int) (keys[b][r] & 0xffffffffL);
					ix[x0 + b] = a;
					v[x0 + b] = sinogram[a][x0 + b];
				}
			}
		});
		return new SortedColumns(values, angleOf);
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
	 * Order-preserving map of a float onto a signed int (negative floats have their magnitude bits flipped) so
	 * that comparing the packed longs compares values first and angle index second, which makes ties stable.
	 */
	private static int sortableBits(float v) {
		int bits = Float.floatToIntBits(v == 0f ? 0f : v);
		return bits >= 0 ? bits : bits ^ 0x7fffffff;
	}
}
