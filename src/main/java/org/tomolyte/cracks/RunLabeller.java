package org.tomolyte.cracks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * 3D connected components (26-connectivity) of a foreground given slice by slice, stored as runs along x and
 * joined with union-find (the run-based labelling of Rosenfeld &amp; Pfaltz 1966 / He et al. 2008). Memory grows
 * with the number of runs, not the slab size, so a full-width slab of a large scan stays cheap. Rows are
 * extracted in parallel; the result does not depend on the thread count.
 */
public final class RunLabeller {
	/** Decides foreground voxels of one row and their score (e.g. deficit). */
	public interface RowSource {
		/**
		 * Writes the foreground score of row (y, z) into {@code out} (length width): NaN or below zero = background.
		 */
		void row(int y, int z, float[] out);
	}

	/** One component: its runs and score maximum. */
	public static final class Component {
		public final List<int[]> runs = new ArrayList<>(); // {z, y, x0, x1}
		public long voxels;
		public float maxScore = Float.NEGATIVE_INFINITY;
	}

	private RunLabeller() {}

	/** Components of the foreground in slices [z0, z1], ordered by their first run (z, y, x). */
	public static List<Component> label(int width, int height, int z0, int z1, RowSource src) {
		int nz = z1 - z0 + 1;
		int rows = nz * height;
		int[][] rowRuns = new int[rows][];
		float[][] rowMax = new float[rows][];
		IntStream.range(0, nz).parallel().forEach(kz -> {
			float[] buf = new float[width];
			int[] tmp = new int[width + 2];
			float[] tmax = new float[width / 2 + 2];
			for (int y = 0; y < height; y++) {
				src.row(y, z0 + kz, buf);
				int n = 0;
				for (int x = 0; x < width; ) {
					if (!(buf[x] >= 0)) { x++; continue; }
					int s = x;
					float m = buf[x];
					while (x < width && buf[x] >= 0) { m = Math.max(m, buf[x]); x++; }
					tmp[2 * n] = s;
					tmp[2 * n + 1] = x - 1;
					tmax[n] = m;
					n++;
				}
				if (n > 0) {
					int r = kz * height + y;
					rowRuns[r] = java.util.Arrays.copyOf(tmp, 2 * n);
					rowMax[r] = java.util.Arrays.copyOf(tmax, n);
				}
			}
		});
		int[] first = new int[rows + 1];
		for (int r = 0; r < rows; r++) first[r + 1] = first[r] + (rowRuns[r] == null ? 0 : rowRuns[r].length / 2);
		int total = first[rows];
		int[] parent = new int[total];
		for (int i = 0; i < total; i++) parent[i] = i;
		for (int kz = 0; kz < nz; kz++)
			for (int y = 0; y < height; y++) {
				int r = kz * height + y;
				if (rowRuns[r] == null) continue;
				link(rowRuns, first, parent, r, kz, y, 0, -1, height);
				if (kz > 0) for (int dy = -1; dy <= 1; dy++) link(rowRuns, first, parent, r, kz, y, -1, dy, height);
			}
		java.util.Map<Integer, Component> byRoot = new java.util.LinkedHashMap<>();
		List<Component> out = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			if (rowRuns[r] == null) continue;
			int kz = r / height, y = r % height;
			for (int k = 0; k < rowRuns[r].length / 2; k++) {
				int root = find(parent, first[r] + k);
				Component c = byRoot.get(root);
				if (c == null) {
					c = new Component();
					byRoot.put(root, c);
					out.add(c);
				}
				int x0 = rowRuns[r][2 * k], x1 = rowRuns[r][2 * k + 1];
				c.runs.add(new int[] { z0 + kz, y, x0, x1 });
				c.voxels += x1 - x0 + 1;
				c.maxScore = Math.max(c.maxScore, rowMax[r][k]);
			}
		}
		return out;
	}

	private static void link(int[][] rowRuns, int[] first, int[] parent, int r, int kz, int y, int dz, int dy, int height) {
		int yy = y + dy;
		if (yy < 0 || yy >= height) return;
		int q = (kz + dz) * height + yy;
		if (rowRuns[q] == null) return;
		int[] a = rowRuns[r], b = rowRuns[q];
		int i = 0, j = 0;
		while (i < a.length / 2 && j < b.length / 2) {
			int as = a[2 * i], ae = a[2 * i + 1], bs = b[2 * j], be = b[2 * j + 1];
			if (bs <= ae + 1 && be >= as - 1) union(parent, first[r] + i, first[q] + j);
			if (ae < be) i++;
			else j++;
		}
	}

	private static int find(int[] p, int i) {
		while (p[i] != i) {
			p[i] = p[p[i]];
			i = p[i];
		}
		return i;
	}

	private static void union(int[] p, int a, int b) {
		int ra = find(p, a), rb = find(p, b);
		if (ra == rb) return;
		if (ra < rb) p[rb] = ra;
		else p[ra] = rb;
	}
}
