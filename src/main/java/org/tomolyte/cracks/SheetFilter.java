package org.tomolyte.cracks;

/**
 * Multi-scale Hessian sheetness of a small 3D box of deficit values (bright = lost electrolyte): at each scale
 * σ the field is Gaussian-smoothed, the Hessian taken by central differences, and a voxel scores
 * σ² (−λ₁) exp(−λ₂² / (2 (λ₁/2)²)) when the most negative eigenvalue λ₁ dominates the next one λ₂ — one strong
 * curvature across the sheet, little along it (plate measure after Frangi et al. 1998, MICCAI, LNCS 1496, 130,
 * and Descoteaux et al. 2005 for sheets). The maximum over scales is returned. Used to follow a crack's thin
 * tips below the hysteresis grow level.
 */
final class SheetFilter {
	private SheetFilter() {}

	static float[] sheetness(float[] f, int nx, int ny, int nz, double[] scales) {
		float[] best = new float[f.length];
		for (double s : scales) {
			float[] g = smooth(f, nx, ny, nz, s);
			for (int z = 1; z < nz - 1; z++)
				for (int y = 1; y < ny - 1; y++)
					for (int x = 1; x < nx - 1; x++) {
						int i = (z * ny + y) * nx + x, sx = 1, sy = nx, sz = nx * ny;
						double hxx = g[i + sx] - 2 * g[i] + g[i - sx], hyy = g[i + sy] - 2 * g[i] + g[i - sy], hzz = g[i + sz] - 2 * g[i] + g[i - sz];
						double hxy = 0.25 * (g[i + sx + sy] - g[i + sx - sy] - g[i - sx + sy] + g[i - sx - sy]);
						double hxz = 0.25 * (g[i + sx + sz] - g[i + sx - sz] - g[i - sx + sz] + g[i - sx - sz]);
						double hyz = 0.25 * (g[i + sy + sz] - g[i + sy - sz] - g[i - sy + sz] + g[i - sy - sz]);
						double[] ev = eigenvalues(hxx, hyy, hzz, hxy, hxz, hyz);
						// ev ascending: ev[0] most negative
						double l1 = ev[0], l2 = Math.abs(ev[1]) > Math.abs(ev[2]) ? ev[1] : ev[2];
						if (l1 >= 0) continue;
						double v = s * s * (-l1) * Math.exp(-l2 * l2 / (0.5 * l1 * l1));
						if (v > best[i]) best[i] = (float) v;
					}
		}
		return best;
	}

	/** Eigenvalues of a symmetric 3 × 3 matrix, ascending (trigonometric solution of the characteristic cubic). */
	static double[] eigenvalues(double a, double b, double c, double d, double e, double f) {
		double p1 = d * d + e * e + f * f;
		if (p1 < 1e-20) {
			double[] r = { a, b, c };
			java.util.Arrays.sort(r);
			return r;
		}
		double q = (a + b + c) / 3;
		double p2 = (a - q) * (a - q) + (b - q) * (b - q) + (c - q) * (c - q) + 2 * p1;
		double p = Math.sqrt(p2 / 6);
		double b11 = (a - q) / p, b22 = (b - q) / p, b33 = (c - q) / p, b12 = d / p, b13 = e / p, b23 = f / p;
		double r = 0.5 * (b11 * (b22 * b33 - b23 * b23) - b12 * (b12 * b33 - b23 * b13) + b13 * (b12 * b23 - b22 * b13));
		double phi = r <= -1 ? Math.PI / 3 : r >= 1 ? 0 : Math.acos(r) / 3;
		double e1 = q + 2 * p * Math.cos(phi), e3 = q + 2 * p * Math.cos(phi + 2 * Math.PI / 3), e2 = 3 * q - e1 - e3;
		double[] out = { e3, e2, e1 };
		java.util.Arrays.sort(out);
		return out;
	}

	static float[] smooth(float[] f, int nx, int ny, int nz, double sigma) {
		int r = Math.max(1, (int) Math.ceil(3 * sigma));
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		float[] a = f.clone(), b = new float[f.length];
		int[] stride = { 1, nx, nx * ny }, len = { nx, ny, nz };
		for (int axis = 0; axis < 3; axis++) {
			int st = stride[axis], n = len[axis];
			for (int i = 0; i < f.length; i++) {
				int pos = (i / st) % n;
				double acc = 0;
				for (int j = -r; j <= r; j++) {
					int q = Math.max(0, Math.min(n - 1, pos + j));
					acc += k[j + r] * a[i + (q - pos) * st];
				}
				b[i] = (float) acc;
			}
			float[] t = a;
			a = b;
			b = t;
		}
		return a;
	}
}
