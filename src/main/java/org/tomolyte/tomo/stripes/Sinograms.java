package org.tomolyte.tomo.stripes;

/** Checks and small array helpers shared by the stripe filters. */
final class Sinograms {
	private Sinograms() {}

	/** Throws a {@link StripeException} unless the sinogram is a non-empty finite rectangle of at least the given size. */
	static void check(float[][] sinogram, int minAngles, int minWidth, String filterName) {
		if (sinogram == null || sinogram.length == 0 || sinogram[0] == null || sinogram[0].length == 0)
			throw new StripeException(filterName + ": the sinogram is empty (expected float[angles][width])");
		int width = sinogram[0].length;
		for (int a = 0; a < sinogram.length; a++) {
			float[] row = sinogram[a];
			if (row == null || row.length != width)
				throw new StripeException(filterName + ": sinogram row " + a + " has " + (row == null ? 0 : row.length)
						+ " pixels but row 0 has " + width + " (rows must all be the same width)");
			for (int x = 0; x < width; x++)
				if (!Float.isFinite(row[x]))
					throw new StripeException(filterName + ": sinogram value at angle row " + a + ", detector column " + x
							+ " is " + row[x] + "; replace non-finite values (e.g. from log of non-positive counts) first");
		}
		if (sinogram.length < minAngles || width < minWidth)
			throw new StripeException(filterName + ": the sinogram is " + sinogram.length + " angles x " + width
					+ " pixels; this filter needs at least " + minAngles + " angles x " + minWidth + " pixels");
	}

	static float[][] copy(float[][] s) {
		float[][] c = new float[s.length][];
		for (int i = 0; i < s.length; i++)
			c[i] = s[i].clone();
		return c;
	}

	/**
	 * Mirror index as in scipy.ndimage mode 'reflect' (d c b a | a b c d | d c b a): the edge sample is repeated.
	 * Works for any offset, also windows wider than the data.
	 */
	static int reflect(int i, int n) {
		if (n == 1) return 0;
		int period = 2 * n;
		int m = i % period;
		if (m < 0) m += period;
		return m < n ? m : period - 1 - m;
	}

	/** Mirror index excluding the edge sample, as numpy.pad mode 'reflect' (d c b | a b c d | c b a). */
	static int mirror(int i, int n) {
		if (n == 1) return 0;
		int period = 2 * n - 2;
		int m = i % period;
		if (m < 0) m += period;
		return m < n ? m : period - m;
	}

	static int requireOddSize(int size, String key) {
		if (size < 1) throw new StripeException(key + " must be at least 1, got " + size);
		return size | 1;
	}
}
