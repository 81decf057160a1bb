package org.tomolyte.cracks;

import java.util.Arrays;

/**
 * One detected object of one scan: its kind and voxels (sorted linear indices z·W·H + y·W + x of the full
 * scan), plus, for chips, the core voxels deep inside it (used to read what fills it).
 */
public final class VoxelObject {
	private final ObjectKind kind;
	private final long[] voxels;
	private final long[] core;
	private final int width, height;
	private final int[] box; // x0, x1, y0, y1, z0, z1

	VoxelObject(ObjectKind kind, long[] voxels, long[] core, int width, int height) {
		this.kind = kind;
		this.voxels = voxels;
		Arrays.sort(this.voxels);
		this.core = core;
		this.width = width;
		this.height = height;
		int[] b = { Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1 };
		long wh = (long) width * height;
		for (long v : voxels) {
			int z = (int) (v / wh), r = (int) (v % wh), y = r / width, x = r % width;
			b[0] = Math.min(b[0], x); b[1] = Math.max(b[1], x);
			b[2] = Math.min(b[2], y); b[3] = Math.max(b[3], y);
			b[4] = Math.min(b[4], z); b[5] = Math.max(b[5], z);
		}
		this.box = b;
	}

	public ObjectKind kind() {
		return kind;
	}

	/** Sorted linear voxel indices (shared, do not modify). */
	public long[] voxels() {
		return voxels;
	}

	public int voxelCount() {
		return voxels.length;
	}

	/** Voxels deep inside a chip (empty for cracks). */
	public long[] core() {
		return core;
	}

	/** Bounding box {x0, x1, y0, y1, z0, z1} (inclusive). */
	public int[] box() {
		return box.clone();
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Number of voxels shared with {@code o} (both sorted). */
	public long intersection(VoxelObject o) {
		long[] a = voxels, b = o.voxels;
		int i = 0, j = 0;
		long n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) { n++; i++; j++; }
			else if (a[i] < b[j]) i++;
			else j++;
		}
		return n;
	}

	/**
	 * Number of voxels of {@code o} within Chebyshev distance {@code tol} of this object (how much of o this
	 * object contains, allowing residual misregistration).
	 */
	public long containedWithin(VoxelObject o, int tol) {
		int[] a = box, b = o.box;
		if (b[0] > a[1] + tol || b[1] < a[0] - tol || b[2] > a[3] + tol || b[3] < a[2] - tol || b[4] > a[5] + tol || b[5] < a[4] - tol) return 0;
		int x0 = a[0] - tol, y0 = a[2] - tol, z0 = a[4] - tol;
		int nx = a[1] - a[0] + 1 + 2 * tol, ny = a[3] - a[2] + 1 + 2 * tol, nz = a[5] - a[4] + 1 + 2 * tol;
		boolean[] m = new boolean[nx * ny * nz];
		long wh = (long) width * height;
		for (long v : voxels) {
			int z = (int) (v / wh), r = (int) (v % wh), y = r / width, x = r % width;
			m[((z - z0) * ny + (y - y0)) * nx + (x - x0)] = true;
		}
		m = dilate(m, nx, ny, nz, tol);
		long n = 0;
		for (long v : o.voxels) {
			int z = (int) (v / wh), r = (int) (v % wh), y = r / width, x = r % width;
			int xx = x - x0, yy = y - y0, zz = z - z0;
			if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) continue;
			if (m[(zz * ny + yy) * nx + xx]) n++;
		}
		return n;
	}

	/** Separable Chebyshev dilation (a cube of side 2r + 1). */
	static boolean[] dilate(boolean[] m, int nx, int ny, int nz, int r) {
		if (r <= 0) return m;
		boolean[] a = m.clone(), b = new boolean[m.length];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					boolean v = false;
					for (int k = Math.max(0, x - r); k <= Math.min(nx - 1, x + r) && !v; k++) v = a[(z * ny + y) * nx + k];
					b[(z * ny + y) * nx + x] = v;
				}
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					boolean v = false;
					for (int k = Math.max(0, y - r); k <= Math.min(ny - 1, y + r) && !v; k++) v = b[(z * ny + k) * nx + x];
					a[(z * ny + y) * nx + x] = v;
				}
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					boolean v = false;
					for (int k = Math.max(0, z - r); k <= Math.min(nz - 1, z + r) && !v; k++) v = a[(k * ny + y) * nx + x];
					b[(z * ny + y) * nx + x] = v;
				}
		return b;
	}
}
