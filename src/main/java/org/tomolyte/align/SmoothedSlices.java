package org.tomolyte.align;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomolyte.filter.GaussianBlur;

/**
 * A Gaussian-smoothed view (same σ along x, y and z, clamped edges) of a volume read slice by slice: each
 * requested slice is made from the x–y blurred slices within ±3σ, kept in a small cache, so a sweep in
 * increasing z reads every source slice once and holds only a window of slices. The values are exactly those
 * of {@link GaussianBlur#blurredCopy} on the whole volume. For the intensity refinement of volumes too large
 * for memory.
 */
final class SmoothedSlices implements SliceSource {
	private final SliceSource source;
	private final float[] kxy, kz;
	private final int rad;
	private final Map<Integer, float[]> blurredXY, smoothed;
	private final float[] tmp;
	private long sourceReads;

	/** Smooths {@code source} by σ voxels (σ ≤ 0: the slices are passed through). */
	SmoothedSlices(SliceSource source, double sigma) {
		this.source = source;
		kxy = GaussianBlur.kernel(sigma);
		kz = source.depth() > 1 ? kxy : null;
		rad = kz == null ? 0 : kz.length / 2;
		blurredXY = lru(2 * rad + 2);
		smoothed = lru(4);
		tmp = new float[source.width() * source.height()];
	}

	private static Map<Integer, float[]> lru(int capacity) {
		return new LinkedHashMap<Integer, float[]>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
				return size() > capacity;
			}
		};
	}

	@Override public int width() { return source.width(); }
	@Override public int height() { return source.height(); }
	@Override public int depth() { return source.depth(); }
	@Override public double voxelXUm() { return source.voxelXUm(); }
	@Override public double voxelYUm() { return source.voxelYUm(); }
	@Override public double voxelZUm() { return source.voxelZUm(); }

	/** How many slices were read from the source so far (a sweep reads each about once). */
	long sourceReads() {
		return sourceReads;
	}

	@Override
	public float[] slice(int z) {
		if (z < 0 || z >= depth()) throw new IndexOutOfBoundsException("slice " + z + " of a volume of depth " + depth());
		if (kxy == null) return source.slice(z);
		float[] s = smoothed.get(z);
		if (s != null) return s;
		if (kz == null) s = xy(z).clone();
		else {
			s = new float[tmp.length];
			float[][] taps = new float[kz.length][];
			for (int j = -rad; j <= rad; j++)
				taps[j + rad] = xy(Math.min(Math.max(z + j, 0), depth() - 1));
			GaussianBlur.blurAlongZ(taps, kz, s);
		}
		smoothed.put(z, s);
		return s;
	}

	private float[] xy(int z) {
		float[] b = blurredXY.get(z);
		if (b != null) return b;
		b = new float[tmp.length];
		sourceReads++;
		GaussianBlur.blurSlice(source.slice(z), b, tmp, width(), height(), kxy, kxy);
		blurredXY.put(z, b);
		return b;
	}
}
