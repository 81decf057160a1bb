package org.tomolyte.tomo.stripes;

/**
 * Sorting-based stripe removal, algorithm 3 of Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396 (2018): each
 * column is sorted along the angles, the sorted image is median-filtered along the detector (dim 1) or over a
 * square window (dim 2), and the values are put back in their original angular order. Removes small and
 * medium full or partial stripes while leaving the angular structure of each column intact.
 */
public final class SortingFilter implements StripeFilter {

	/** Immutable settings with the published defaults ({@code size=21 dim=1}). */
	public static final class Settings {
		/** Published defaults: size 21, dim 1. */
		public static final Settings DEFAULT = new Settings(21, 1);

		/** Median window size in pixels along the detector (odd; even values are rounded up). */
		public final int size;
		/** 1: filter along the detector only; 2: size × size window on the sorted image. */
		public final int dim;

		public Settings(int size, int dim) {
			this.size = Sinograms.requireOddSize(size, "sorting: size");
			if (dim != 1 && dim != 2) throw new StripeException("sorting: dim must be 1 or 2, got " + dim);
			this.dim = dim;
		}

		public Settings withSize(int newSize) {
			return new Settings(newSize, dim);
		}

		public Settings withDim(int newDim) {
			return new Settings(size, newDim);
		}
	}

	private final Settings settings;

	public SortingFilter(Settings settings) {
		this.settings = settings;
	}

	public SortingFilter() {
		this(Settings.DEFAULT);
	}

	public Settings settings() {
		return settings;
	}

	@Override
	public float[][] apply(float[][] sinogram) {
		Sinograms.check(sinogram, 1, 1, "sorting");
		return sortFilterUnsort(sinogram, settings.size, settings.dim);
	}

	/** The sort – median – unsort core, shared with the filtering-based method. */
	static float[][] sortFilterUnsort(float[][] sinogram, int size, int dim) {
		SortedColumns sorted = SortedColumns.of(sinogram);
		float[][] smooth = dim == 2 ? MedianFilters.square(sorted.values, size)
				: MedianFilters.alongRows(sorted.values, size);
		return sorted.unsort(smooth);
	}

	@Override
	public String name() {
		return "sorting";
	}

	@Override
	public String parameters() {
		return "size=" + settings.size + " dim=" + settings.dim;
	}
}
