package org.tomolyte.command.align;

import java.util.Locale;

/**
 * How "Align Time Series" holds its scans: loaded whole as float32 (with their aligned copies), or streamed
 * (registered on box-downsampled copies, then resampled slice by slice from disk and written as the slices
 * come), and the downsampling factor of a streamed run. A pure function of the scan sizes and the Java heap,
 * so the choice can be checked without data.
 */
final class MemoryPlan {
	static final String AUTO = "auto", LOAD = "load", STREAM = "stream";
	/** Smallest width and height (voxels) an automatically chosen factor may leave the copies with. */
	static final int MIN_COPY_EDGE = 16;

	/** True to stream, false to load. */
	final boolean stream;
	/** Downsampling factor of the registered copies when streaming; 1 when loading. */
	final int factor;
	/** Estimated heap a loaded run needs (bytes). */
	final long loadBytes;
	/** The downsampled copies of all scans (bytes); 0 when loading. */
	final long copyBytes;
	final long heapBytes;
	private final String memory;
	private final int scans;

	private MemoryPlan(String memory, boolean stream, int factor, long loadBytes, long copyBytes, long heapBytes, int scans) {
		this.memory = memory;
		this.stream = stream;
		this.factor = factor;
		this.loadBytes = loadBytes;
		this.copyBytes = copyBytes;
		this.heapBytes = heapBytes;
		this.scans = scans;
	}

	/**
	 * Decides for scans of the given sizes ({width, height, depth} each) and a heap of {@code heapBytes}
	 * ({@code Runtime.maxMemory()}). {@code memory}: "load", "stream", or "auto" = stream when a loaded run
	 * ({@link #loadBytes}) would need more than half the heap. {@code downsample}: the factor when streaming,
	 * or 0 for the smallest power of two, at least 2, whose copies of all scans fit a quarter of the heap.
	 *
	 * @throws IllegalArgumentException for an unknown mode, a negative factor, or scans too large for the heap
	 *         even when downsampled as far as the registration can go
	 */
	static MemoryPlan choose(String memory, int downsample, int[][] sizes, long heapBytes) {
		String m = memory == null ? AUTO : memory.trim().toLowerCase(Locale.ROOT);
		if (!m.equals(AUTO) && !m.equals(LOAD) && !m.equals(STREAM))
			throw new IllegalArgumentException("memory=" + memory + " is not one of auto, load, stream");
		if (downsample < 0) throw new IllegalArgumentException("downsample=" + downsample + ": give 0 (automatic) or a factor of at least 1");
		long load = loadBytes(sizes);
		boolean stream = m.equals(STREAM) || (m.equals(AUTO) && load > heapBytes / 2);
		if (!stream) return new MemoryPlan(m, false, 1, load, 0, heapBytes, sizes.length);
		int f = downsample;
		if (f == 0) {
			f = 2;
			while (copyBytes(sizes, f) > heapBytes / 4) {
				if (tooSmall(sizes, 2 * f))
					throw new IllegalArgumentException(String.format(Locale.ROOT,
							"%d scans of %s as float32 do not fit a Java heap of %s even as copies downsampled by %d (%s, more than a quarter of it); "
									+ "give Java more memory (Edit > Options > Memory in Fiji, TOMOLYTE_JAVA_OPTS=-Xmx16g for ./tomolyte)",
							sizes.length, gb(scanBytes(sizes)), gb(heapBytes), f, gb(copyBytes(sizes, f))));
				f *= 2;
			}
		}
		return new MemoryPlan(m, true, f, load, copyBytes(sizes, f), heapBytes, sizes.length);
	}

	/** All scans as float32, twice (the scans and their aligned copies), plus two of the largest for the registration's working copies. */
	static long loadBytes(int[][] sizes) {
		long largest = 0;
		for (int[] s : sizes)
			largest = Math.max(largest, 4L * s[0] * s[1] * s[2]);
		return 2 * scanBytes(sizes) + 2 * largest;
	}

	/** All scans as float32. */
	static long scanBytes(int[][] sizes) {
		long sum = 0;
		for (int[] s : sizes)
			sum += 4L * s[0] * s[1] * s[2];
		return sum;
	}

	/** The float32 copies box-downsampled by {@code f} (partial blocks dropped, as the aligner does). */
	static long copyBytes(int[][] sizes, int f) {
		long sum = 0;
		for (int[] s : sizes)
			sum += 4L * (s[0] / f) * (s[1] / f) * (s[2] / f);
		return sum;
	}

	private static boolean tooSmall(int[][] sizes, int f) {
		for (int[] s : sizes)
			if (s[0] / f < MIN_COPY_EDGE || s[1] / f < MIN_COPY_EDGE || s[2] / f < 1) return true;
		return false;
	}

	/** One line for the log: the mode and why. */
	String describe() {
		if (!stream)
			return String.format(Locale.ROOT, "memory=%s: loading %d scans (about %s with their aligned copies; Java heap %s)", memory, scans, gb(loadBytes),
					gb(heapBytes));
		return String.format(Locale.ROOT, "memory=%s: streaming %d scans (loading them would need about %s; Java heap %s): registering on copies downsampled by %d (%s)",
				memory, scans, gb(loadBytes), gb(heapBytes), factor, gb(copyBytes));
	}

	private static String gb(long bytes) {
		return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)) : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
	}
}
