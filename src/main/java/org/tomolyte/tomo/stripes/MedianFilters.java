package org.tomolyte.tomo.stripes;

import java.util.Arrays;

/**
 * Median filters with scipy.ndimage's 'reflect' boundary, as used by Vo et al. (2018) on sorted sinograms:
 * along rows only (dim 1) or over a square window (dim 2). Window sizes are odd.
 */
final class MedianFilters {
	private MedianFilters() {}

	/** Median of each row along its length (the detector direction of a sinogram), parallel over rows. */
	static float[][] alongRows(float[][] image, int size) {
		int rows = image.length;
		int width = image[0].length;
		float[][] out = new float[rows][width];
		if (size <= 1) {
			for (int r = 0; r < rows; r++)
				System.arraycopy(image[r], 0, out[r], 0, width);
			return out;
		}
		Parallel.chunks(rows, 16, (from, to) -> {
			float[] window = new float[size];
			for (int r = from; r < to; r++)
				row(image[r], size, out[r], window);
		});
		return out;
	}

	/**
	 * Sliding median of one line: a sorted window is kept and updated by one removal and one insertion per
	 * step, which for the window sizes used here (≤ ~100) beats per-pixel selection.
	 */
	static void row(float[] in, int size, float[] out, float[] window) {
		int n = in.length;
		int half = size / 2;
		// reflect-padded copy, so the sliding loop needs no index arithmetic
		float[] padded = new float[n + 2 * half];
		for (int i = 0; i < padded.length; i++)
			padded[i] = in[Sinograms.reflect(i - half, n)];
		System.arraycopy(padded, 0, window, 0, size);
		Arrays.sort(window, 0, size);
		out[0] = window[half];
		for (int i = 1; i < n; i++) {
			float leaving = padded[i - 1];
			float entering = padded[i + size - 1];
			if (leaving != entering) replace(window, size, leaving, entering);
			out[i] = window[half];
		}
	}

	/** Removes one occurrence of {@code old} from the sorted window and inserts {@code value}, keeping it sorted. */
	private static void replace(float[] w, int size, float old, float value) {
		// primitive comparisons (not Arrays.binarySearch) so that -0.0 and 0.0 count as the same value
		int lo = 0, hi = size;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (w[mid] < old) lo = mid + 1;
			else hi = mid;
		}
		int pos = lo;
		if (value > old) {
			int j = pos;
			while (j + 1 < size && w[j + 1] < value) {
				w[j] = w[j + 1];
				j++;
			}
			w[j] = value;
		} else {
			int j = pos;
			while (j > 0 && w[j - 1] > value) {
				w[j] = w[j - 1];
				j--;
			}
			w[j] = value;
		}
	}

	/** Median over a size × size window, parallel over rows (used for the optional dim = 2 filters). */
	static float[][] square(float[][] image, int size) {
		int rows = image.length;
		int width = image[0].length;
		float[][] out = new float[rows][width];
		int half = size / 2;
		Parallel.chunks(rows, 8, (from, to) -> {
			float[] window = new float[size * size];
			for (int r = from; r < to; r++) {
				for (int x = 0; x < width; x++) {
					int k = 0;
					for (int dr = -half; dr <= half; dr++) {
						float[] src = image[Sinograms.reflect(r + dr, rows)];
						for (int dx = -half; dx <= half; dx++)
							window[k++] = src[Sinograms.reflect(x + dx, width)];
					}
					out[r][x] = select(window, k, k / 2);
				}
			}
		});
		return out;
	}

	/** Median of a 1D array with 'reflect' edges, returned as a new array. */
	static float[] line(float[] in, int size) {
		float[] out = new float[in.length];
		row(in, size, out, new float[size]);
		return out;
	}

	static double[] line(double[] in, int size) {
		float[] f = new float[in.length];
		for (int i = 0; i < f.length; i++)
			f[i] = (float) in[i];
		float[] m = line(f, size);
		double[] out = new double[in.length];
		for (int i = 0; i < out.length; i++)
			out[i] = m[i];
		return out;
	}

	/** k-th smallest of a[0..n) (Hoare quickselect; reorders a). */
	static float select(float[] a, int n, int k) {
		int lo = 0, hi = n - 1;
		while (lo < hi) {
			float pivot = a[(lo + hi) >>> 1];
			int i = lo, j = hi;
			while (i <= j) {
				while (a[i] < pivot) i++;
				while (a[j] > pivot) j--;
				if (i <= j) {
					float t = a[i];
					a[i] = a[j];
					a[j] = t;
					i++;
					j--;
				}
			}
			if (k <= j) hi = j;
			else if (k >= i) lo = i;
			else return a[k];
		}
		return a[k];
	}
}
