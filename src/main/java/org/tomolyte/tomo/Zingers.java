package org.tomolyte.tomo;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Zinger removal (isolated over-bright pixels from scattered radiation hitting the detector) on a projection or a
 * sinogram, by the local-mean ratio test of Vo, Atwood &amp; Drakopoulos, "Data processing methods and data
 * acquisition for samples larger than the field of view in parallel-beam tomography", Opt. Express 29, 17849 (2021),
 * as implemented by algotom's {@code remove_zinger}: a pixel is a zinger when (value − L) / |L| exceeds
 * {@code threshold}, L being the mean (or median) of the 8 pixels at distance {@code size} (so a zinger up to
 * {@code size} pixels wide does not contaminate its own reference); optionally only connected blobs of at most
 * {@code max_blob_pixels} pixels count, so that real sharp features are spared. Zingers are replaced by L.
 * <p>
 * The ratio is meaningful on intensities (raw or flat-field-corrected projections, before −log), the usual place
 * for this step; on a −log sinogram zingers are dark, use {@link Polarity#DARK} there. Stripe and ring removal
 * (Vo, Atwood &amp; Drakopoulos, Opt. Express 26, 28396, 2018) lives in {@link org.tomolyte.tomo.stripes}.
 * Invalid input or settings raise {@link IllegalArgumentException} with a message naming the parameter.
 */
public final class Zingers {
	private Zingers() {}

	/** How the local reference level is formed from the 8 neighbours at distance {@code size}. */
	public enum Level {
		/** Mean, as in algotom. */
		MEAN,
		/** Median (of the 8), more robust when zingers are dense. */
		MEDIAN
	}

	/** Which deviations count. */
	public enum Polarity {
		/** Brighter than the local level (zingers in intensity images). */
		BRIGHT,
		/** Darker than the local level (zingers after −log). */
		DARK,
		/** Either way. */
		BOTH
	}

	/** Immutable settings; defaults {@code threshold=0.08 size=2 max_blob_pixels=4 level=mean polarity=bright}. */
	public static final class Settings {
		public static final Settings DEFAULT = new Settings(0.08, 2, 4, Level.MEAN, Polarity.BRIGHT);

		/** Relative deviation from the local level above which a pixel is a zinger (algotom recommends 0.05–0.1). */
		public final double threshold;
		/** Distance in pixels of the reference neighbours; the largest zinger width handled. */
		public final int size;
		/** Largest connected blob (8-connected) still taken as a zinger; 0 turns the blob check off. */
		public final int maxBlobPixels;
		public final Level level;
		public final Polarity polarity;

		public Settings(double threshold, int size, int maxBlobPixels, Level level, Polarity polarity) {
			if (!(threshold > 0) || !Double.isFinite(threshold))
				throw new IllegalArgumentException("zinger threshold must be a finite number > 0, got " + threshold);
			if (size < 1 || size > 64) throw new IllegalArgumentException("zinger size must be 1 to 64 pixels, got " + size);
			if (maxBlobPixels < 0)
				throw new IllegalArgumentException("zinger max_blob_pixels must be >= 0 (0 = no blob check), got " + maxBlobPixels);
			if (level == null || polarity == null)
				throw new IllegalArgumentException("zinger level and polarity must be given");
			this.threshold = threshold;
			this.size = size;
			this.maxBlobPixels = maxBlobPixels;
			this.level = level;
			this.polarity = polarity;
		}

		public Settings withThreshold(double v) {
			return new Settings(v, size, maxBlobPixels, level, polarity);
		}

		public Settings withSize(int v) {
			return new Settings(threshold, v, maxBlobPixels, level, polarity);
		}

		public Settings withMaxBlobPixels(int v) {
			return new Settings(threshold, size, v, level, polarity);
		}

		public Settings withLevel(Level v) {
			return new Settings(threshold, size, maxBlobPixels, v, polarity);
		}

		public Settings withPolarity(Polarity v) {
			return new Settings(threshold, size, maxBlobPixels, level, v);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "threshold=%s size=%d max_blob_pixels=%d level=%s polarity=%s", threshold,
					size, maxBlobPixels, level.name().toLowerCase(Locale.ROOT), polarity.name().toLowerCase(Locale.ROOT));
		}
	}

	/** The corrected image, where zingers were found, and how many pixels were replaced. */
	public static final class Result {
		public final float[][] image;
		/** True at replaced pixels, {@code [row][column]}. */
		public final boolean[][] replaced;
		public final int replacedPixels;

		Result(float[][] image, boolean[][] replaced, int replacedPixels) {
			this.image = image;
			this.replaced = replaced;
			this.replacedPixels = replacedPixels;
		}
	}

	/** Removes zingers with the default settings and the given threshold. */
	public static Result remove(float[][] image, double threshold) {
		return remove(image, Settings.DEFAULT.withThreshold(threshold));
	}

	/**
	 * Finds and replaces zingers; the input is not modified. Deterministic and parallel over rows.
	 *
	 * @param image projection {@code [row][column]} or sinogram {@code [angle][column]}, finite values
	 */
	public static Result remove(float[][] image, Settings settings) {
		check(image);
		int height = image.length, width = image[0].length;
		float[][] level = new float[height][width];
		boolean[][] candidate = new boolean[height][width];
		int d = settings.size;
		IntStream.range(0, height).parallel().forEach(y -> {
			float[] neighbours = new float[8];
			int[] ys = { clamp(y - d, height), y, clamp(y + d, height) };
			for (int x = 0; x < width; x++) {
				int[] xs = { clamp(x - d, width), x, clamp(x + d, width) };
				int k = 0;
				for (int i = 0; i < 3; i++)
					for (int j = 0; j < 3; j++)
						if (i != 1 || j != 1) neighbours[k++] = image[ys[i]][xs[j]];
				float ref = settings.level == Level.MEAN ? mean(neighbours) : median8(neighbours);
				level[y][x] = ref;
				double denominator = ref != 0 ? Math.abs(ref) : 1.0;
				double deviation = (image[y][x] - ref) / denominator;
				boolean hit;
				switch (settings.polarity) {
				case BRIGHT:
					hit = deviation > settings.threshold;
					break;
				case DARK:
					hit = deviation < -settings.threshold;
					break;
				default:
					hit = Math.abs(deviation) > settings.threshold;
				}
				candidate[y][x] = hit;
			}
		});
		boolean[][] replaced = settings.maxBlobPixels > 0 ? smallBlobs(candidate, settings.maxBlobPixels) : candidate;
		float[][] out = new float[height][width];
		int count = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				if (replaced[y][x]) {
					out[y][x] = level[y][x];
					count++;
				} else out[y][x] = image[y][x];
			}
		return new Result(out, replaced, count);
	}

	/** Keeps only 8-connected blobs of at most maxPixels pixels. */
	static boolean[][] smallBlobs(boolean[][] mask, int maxPixels) {
		int height = mask.length, width = mask[0].length;
		boolean[][] out = new boolean[height][width];
		boolean[][] seen = new boolean[height][width];
		int[] stack = new int[16];
		int[] blob = new int[maxPixels + 1];
		for (int y0 = 0; y0 < height; y0++)
			for (int x0 = 0; x0 < width; x0++) {
				if (!mask[y0][x0] || seen[y0][x0]) continue;
				int top = 0, size = 0;
				stack[top++] = y0 * width + x0;
				seen[y0][x0] = true;
				while (top > 0) {
					int p = stack[--top];
					if (size <= maxPixels) blob[size] = p;
					size++;
					int py = p / width, px = p % width;
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							int ny = py + dy, nx = px + dx;
							if (ny < 0 || ny >= height || nx < 0 || nx >= width || seen[ny][nx] || !mask[ny][nx]) continue;
							seen[ny][nx] = true;
							if (top == stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
							stack[top++] = ny * width + nx;
						}
				}
				if (size <= maxPixels)
					for (int i = 0; i < size; i++)
						out[blob[i] / width][blob[i] % width] = true;
			}
		return out;
	}

	private static void check(float[][] image) {
		if (image == null || image.length == 0 || image[0] == null || image[0].length == 0)
			throw new IllegalArgumentException("zinger removal: the image is empty");
		int width = image[0].length;
		for (int y = 0; y < image.length; y++) {
			if (image[y] == null || image[y].length != width)
				throw new IllegalArgumentException("zinger removal: row " + y + " is not " + width + " pixels wide like row 0");
			for (int x = 0; x < width; x++)
				if (!Float.isFinite(image[y][x]))
					throw new IllegalArgumentException("zinger removal: value at row " + y + ", column " + x + " is "
							+ image[y][x] + " (expected finite values)");
		}
	}

	private static int clamp(int i, int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}

	private static float mean(float[] v) {
		double s = 0;
		for (float f : v)
			s += f;
		return (float) (s / v.length);
	}

	private static float median8(float[] v) {
		java.util.Arrays.sort(v);
		return 0.5f * (v[3] + v[4]);
	}
}
