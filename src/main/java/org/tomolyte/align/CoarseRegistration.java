package org.tomolyte.align;

import java.util.List;
import java.util.Locale;

import org.tomolyte.model.Volume;

/**
 * Coarse translation between two downsampled volumes: windowed, partially whitened phase correlation gives
 * several candidate peaks, and the candidate whose shifted overlap has the highest normalised
 * cross-correlation wins, computed after removing each column's mean along z. The verification is what stops
 * a lock on lab-frame features (ring artifacts, constant along the rotation axis) that stay put while the
 * sample moves and produce a strong peak at zero shift.
 */
final class CoarseRegistration {
	private CoarseRegistration() {}

	/** The translation (µm) mapping the scan into the reference, measured at the given levels. */
	static Affine3D translation(Level ref, Level scan, AlignSettings s, String scanName) {
		Volume rv = ref.volume;
		int nx = rv.width(), ny = rv.height(), nz = rv.depth();
		float[] a = flatten(rv);
		float[] b = onReferenceGrid(ref, scan);
		Correlator c = new Correlator(nx, ny, nz, s.tukeyAlpha(), s.whitening(), s.suppressAxialRings());
		List<Correlator.Peak> peaks = c.correlate(a, b, s.candidatePeaks());
		// verification always ignores what is constant along the rotation axis: lab-frame rings would otherwise
		// make the zero-shift candidate look best whatever the spectrum weighting did
		float[] av = nz > 2 ? removeAxialMean(a, nx, ny, nz) : a;
		float[] bv = nz > 2 ? removeAxialMean(b, nx, ny, nz) : b;
		Correlator.Peak best = null;
		double bestNcc = Double.NEGATIVE_INFINITY;
		StringBuilder tried = new StringBuilder();
		for (Correlator.Peak p : peaks) {
			int dx = (int) Math.round(p.dx), dy = (int) Math.round(p.dy), dz = (int) Math.round(p.dz);
			long overlap = (long) (nx - Math.abs(dx)) * (ny - Math.abs(dy)) * (nz - Math.abs(dz));
			double fraction = overlap / ((double) nx * ny * nz);
			tried.append(String.format(Locale.ROOT, " (%d,%d,%d): overlap %.2f", dx, dy, dz, fraction));
			if (fraction < s.minOverlapFraction()) continue;
			double ncc = shiftedNcc(av, bv, nx, ny, nz, dx, dy, dz);
			tried.append(String.format(Locale.ROOT, " ncc %.3f;", ncc));
			if (ncc > bestNcc) {
				bestNcc = ncc;
				best = p;
			}
		}
		if (best == null)
			throw new AlignException("Scan " + scanName + " does not overlap the reference by at least " + s.minOverlapFraction()
					+ " of its volume at any candidate shift (voxels at factor " + ref.factor + "):" + tried);
		if (bestNcc < s.minNcc())
			throw new AlignException(String.format(Locale.ROOT, "Scan %s does not match the reference: best normalised cross-correlation %.3f < minNcc %.3f; candidates:%s",
					scanName, bestNcc, s.minNcc(), tried));
		return Affine3D.translation(best.dx * rv.voxelXUm(), best.dy * rv.voxelYUm(), best.dz * rv.voxelZUm());
	}

	static float[] flatten(Volume v) {
		int plane = v.width() * v.height();
		float[] out = new float[plane * v.depth()];
		for (int z = 0; z < v.depth(); z++)
			System.arraycopy(v.slice(z), 0, out, z * plane, plane);
		return out;
	}

	/** The scan read on the reference level's grid (identity transform); outside filled with the scan mean. */
	static float[] onReferenceGrid(Level ref, Level scan) {
		Volume rv = ref.volume, sv = scan.volume;
		boolean same = rv.width() == sv.width() && rv.height() == sv.height() && rv.depth() == sv.depth()
				&& rv.voxelXUm() == sv.voxelXUm() && rv.voxelYUm() == sv.voxelYUm() && rv.voxelZUm() == sv.voxelZUm()
				&& ref.originXUm == scan.originXUm && ref.originYUm == scan.originYUm && ref.originZUm == scan.originZUm;
		if (same) return flatten(sv);
		int nx = rv.width(), ny = rv.height(), nz = rv.depth();
		float[] out = new float[nx * ny * nz];
		double[] um = new double[3], vox = new double[3];
		double sum = 0;
		long n = 0;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					ref.toUm(x, y, z, um);
					scan.toVoxel(um, vox);
					float v = Sampler.sample(sv, vox[0], vox[1], vox[2], Interpolation.LINEAR, Float.NaN);
					out[(z * ny + y) * nx + x] = v;
					if (!Float.isNaN(v)) {
						sum += v;
						n++;
					}
				}
		float mean = n > 0 ? (float) (sum / n) : 0;
		for (int i = 0; i < out.length; i++)
			if (Float.isNaN(out[i])) out[i] = mean;
		return out;
	}

	static float[] removeAxialMean(float[] a, int nx, int ny, int nz) {
		int plane = nx * ny;
		double[] mean = new double[plane];
		for (int z = 0; z < nz; z++)
			for (int i = 0; i < plane; i++)
				mean[i] += a[z * plane + i];
		float[] out = new float[a.length];
		for (int z = 0; z < nz; z++)
			for (int i = 0; i < plane; i++)
				out[z * plane + i] = (float) (a[z * plane + i] - mean[i] / nz);
		return out;
	}

	/** NCC of reference(x) and scan(x − d) over their overlap. */
	static double shiftedNcc(float[] a, float[] b, int nx, int ny, int nz, int dx, int dy, int dz) {
		double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
		long n = 0;
		for (int z = Math.max(0, dz); z < Math.min(nz, nz + dz); z++)
			for (int y = Math.max(0, dy); y < Math.min(ny, ny + dy); y++) {
				int ia = (z * ny + y) * nx, ib = ((z - dz) * ny + (y - dy)) * nx - dx;
				for (int x = Math.max(0, dx); x < Math.min(nx, nx + dx); x++) {
					double u = a[ia + x], v = b[ib + x];
					sa += u;
					sb += v;
					saa += u * u;
					sbb += v * v;
					sab += u * v;
					n++;
				}
			}
		if (n < 2) return Double.NEGATIVE_INFINITY;
		double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
		return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
	}
}
