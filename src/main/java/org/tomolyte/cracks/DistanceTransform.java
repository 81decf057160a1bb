package org.tomolyte.cracks;

/**
 * Exact squared Euclidean distance transform of a small 3D box (Felzenszwalb &amp; Huttenlocher 2012, Theory
 * Comput. 8, 415): separable lower envelopes of parabolas along x, y, z. Used for the ball-opening that tells
 * thick chips from thin cracks.
 */
final class DistanceTransform {
	private DistanceTransform() {}

	/**
	 * @param source true where distance is zero (the features)
	 * @return squared distance (voxels²) of every voxel to the nearest source voxel; +∞ if there is none
	 */
	static float[] squared(boolean[] source, int nx, int ny, int nz) {
		float[] f = new float[nx * ny * nz];
		for (int i = 0; i < f.length; i++) f[i] = source[i] ? 0 : Float.POSITIVE_INFINITY;
		int nmax = Math.max(nx, Math.max(ny, nz));
		float[] line = new float[nmax], outLine = new float[nmax], zk = new float[nmax + 1];
		int[] v = new int[nmax];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				int base = (z * ny + y) * nx;
				for (int x = 0; x < nx; x++) line[x] = f[base + x];
				edt1d(line, nx, outLine, v, zk);
				for (int x = 0; x < nx; x++) f[base + x] = outLine[x];
			}
		for (int z = 0; z < nz; z++)
			for (int x = 0; x < nx; x++) {
				for (int y = 0; y < ny; y++) line[y] = f[(z * ny + y) * nx + x];
				edt1d(line, ny, outLine, v, zk);
				for (int y = 0; y < ny; y++) f[(z * ny + y) * nx + x] = outLine[y];
			}
		for (int y = 0; y < ny; y++)
			for (int x = 0; x < nx; x++) {
				for (int z = 0; z < nz; z++) line[z] = f[(z * ny + y) * nx + x];
				edt1d(line, nz, outLine, v, zk);
				for (int z = 0; z < nz; z++) f[(z * ny + y) * nx + x] = outLine[z];
			}
		return f;
	}

	private static void edt1d(float[] f, int n, float[] d, int[] v, float[] z) {
		int k = -1;
		for (int q = 0; q < n; q++) {
			if (f[q] == Float.POSITIVE_INFINITY) continue;
			if (k < 0) {
				k = 0;
				v[0] = q;
				z[0] = Float.NEGATIVE_INFINITY;
				z[1] = Float.POSITIVE_INFINITY;
				continue;
			}
			float s;
			while (true) {
				int p = v[k];
				s = ((f[q] + q * (float) q) - (f[p] + p * (float) p)) / (2f * (q - p));
				if (s <= z[k] && k > 0) k--;
				else break;
			}
			if (s <= z[k]) { // k == 0 and the new parabola dominates everywhere
				v[0] = q;
				z[0] = Float.NEGATIVE_INFINITY;
				z[1] = Float.POSITIVE_INFINITY;
				continue;
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Float.POSITIVE_INFINITY;
		}
		if (k < 0) {
			for (int q = 0; q < n; q++) d[q] = Float.POSITIVE_INFINITY;
			return;
		}
		int j = 0;
		for (int q = 0; q < n; q++) {
			while (z[j + 1] < q) j++;
			int p = v[j];
			d[q] = (q - p) * (float) (q - p) + f[p];
		}
	}
}
