package org.tomolyte.cracks;

import java.util.List;

import org.tomolyte.model.Volume;

/**
 * The tracked objects of one scan as label images coloured by track ID (0 = background): whole slices, outlines
 * for ROI overlays, or a full label volume. Built on demand from the objects' voxel lists, so keeping every
 * scan's labels costs only the objects' size.
 */
public final class ScanLabels {
	private final int width, height, depth;
	private final List<TrackedObject> objects;

	ScanLabels(int width, int height, int depth, List<TrackedObject> objects) {
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.objects = objects;
	}

	public List<TrackedObject> objects() {
		return objects;
	}

	/** Track IDs of slice z (x fastest). */
	public int[] labelSlice(int z) {
		int[] out = new int[width * height];
		long wh = (long) width * height;
		long lo = z * wh, hi = lo + wh;
		for (TrackedObject o : objects) {
			long[] v = o.object().voxels();
			int k = lowerBound(v, lo);
			for (; k < v.length && v[k] < hi; k++) out[(int) (v[k] - lo)] = o.trackId();
		}
		return out;
	}

	/** Track IDs on the objects' outlines in slice z (pixels with a 4-neighbour of another label), 0 elsewhere. */
	public int[] outlineSlice(int z) {
		int[] l = labelSlice(z), out = new int[l.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int i = y * width + x, id = l[i];
				if (id == 0) continue;
				boolean edge = x == 0 || y == 0 || x == width - 1 || y == height - 1 || l[i - 1] != id || l[i + 1] != id || l[i - width] != id || l[i + width] != id;
				if (edge) out[i] = id;
			}
		return out;
	}

	/** A full float label volume with the calibration of {@code like}. */
	public Volume toVolume(Volume like) {
		float[][] s = new float[depth][];
		for (int z = 0; z < depth; z++) {
			int[] l = labelSlice(z);
			s[z] = new float[l.length];
			for (int i = 0; i < l.length; i++) s[z][i] = l[i];
		}
		return new Volume(width, height, s, like.voxelXUm(), like.voxelYUm(), like.voxelZUm());
	}

	private static int lowerBound(long[] a, long x) {
		int lo = 0, hi = a.length;
		while (lo < hi) {
			int m = (lo + hi) >>> 1;
			if (a[m] < x) lo = m + 1;
			else hi = m;
		}
		return lo;
	}
}
