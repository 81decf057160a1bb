package org.tomolyte.align;

import org.tomolyte.task.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tomolyte.model.Volume;

/**
 * Block matching between a reference and a scan at one pyramid level: textured blocks of the reference
 * (Shi–Tomasi criterion: smallest eigenvalue of the 3D structure tensor, so that a block constrains all
 * three directions) are compared with the scan resampled through the current transform, and the sub-voxel
 * peak of their partially whitened phase correlation gives one point correspondence per block.
 */
final class BlockMatcher {
	/** A reference block: its first voxel (level indices), its texture score and gradient structure tensor. */
	static final class Block {
		final int x0, y0, z0;
		final double texture;
		/** Σ ∇I ∇Iᵀ over the block, gradients per voxel of the level (symmetric 3×3; z row and column 0 in 2D). */
		final double[][] tensor;

		Block(int x0, int y0, int z0, double[][] tensor) {
			this.x0 = x0;
			this.y0 = y0;
			this.z0 = z0;
			this.tensor = tensor;
			this.texture = minEigen(tensor);
		}
	}

	/** Correspondences: scan point ↔ reference point (µm), the block they came from and its NCC. */
	static final class Matches {
		final List<double[]> scanUm = new ArrayList<>();
		final List<double[]> refUm = new ArrayList<>();
		final List<Block> blocks = new ArrayList<>();
		final List<Double> ncc = new ArrayList<>();

		int size() {
			return blocks.size();
		}
	}

	private final Level ref, scan;
	final int bx, by, bz;
	private final AlignSettings settings;
	private final ThreadLocal<Correlator> correlators;

	BlockMatcher(Level ref, Level scan, int blockSize, AlignSettings settings) {
		this.ref = ref;
		this.scan = scan;
		Volume r = ref.volume;
		this.bx = blockDim(blockSize, r.width());
		this.by = blockDim(blockSize, r.height());
		this.bz = blockDim(blockSize, r.depth());
		this.settings = settings;
		this.correlators = ThreadLocal.withInitial(() -> new Correlator(bx, by, bz, settings.tukeyAlpha(), settings.whitening(), settings.suppressAxialRings(), settings.bandLimit()));
	}

	private static int blockDim(int wanted, int n) {
		int b = Math.min(wanted, n / 2);
		return Math.max(Math.min(n, 8), b);
	}

	/**
	 * Textured, unmasked candidate blocks on a regular grid (stride = half a block), at most {@code maxBlocks}
	 * with the highest texture, ignoring blocks whose texture is below a fifth of the 90th percentile.
	 */
	List<Block> select(int maxBlocks, Volume mask) {
		Volume r = ref.volume;
		List<int[]> corners = new ArrayList<>();
		for (int z : starts(r.depth(), bz))
			for (int y : starts(r.height(), by))
				for (int x : starts(r.width(), bx))
					corners.add(new int[] { x, y, z });
		Block[] scored = new Block[corners.size()];
		Parallel.forEach(corners.size(), settings.threads(), i -> {
			int[] c = corners.get(i);
			if (!keep(c, mask)) return;
			scored[i] = new Block(c[0], c[1], c[2], tensor(c[0], c[1], c[2]));
		});
		List<Block> ok = new ArrayList<>();
		for (Block b : scored)
			if (b != null && b.texture > 0) ok.add(b);
		if (ok.isEmpty()) return ok;
		double[] t = ok.stream().mapToDouble(b -> b.texture).sorted().toArray();
		double threshold = 0.2 * t[(int) Math.floor(0.9 * (t.length - 1))];
		List<Block> sel = new ArrayList<>();
		for (Block b : ok)
			if (b.texture >= threshold) sel.add(b);
		if (sel.size() > maxBlocks) {
			// keep the most textured, ties resolved by grid order so the choice is deterministic
			sel.sort((a, b) -> Double.compare(b.texture, a.texture));
			sel = new ArrayList<>(sel.subList(0, maxBlocks));
		}
		return sel;
	}

	private static int[] starts(int n, int b) {
		if (n <= b) return new int[] { 0 };
		int stride = Math.max(1, b / 2);
		int count = (n - b) / stride + 1;
		int[] s = new int[count];
		int margin = (n - b - (count - 1) * stride) / 2;
		for (int i = 0; i < count; i++)
			s[i] = margin + i * stride;
		return s;
	}

	/** User mask (≥ half the block inside) and excluded grey range (≤ 10 % of the block inside it). */
	private boolean keep(int[] c, Volume mask) {
		double lo = settings.excludeGreyMin(), hi = settings.excludeGreyMax();
		boolean grey = lo <= hi;
		if (mask == null && !grey) return true;
		int in = 0, excluded = 0, n = 0;
		double[] um = new double[3];
		for (int z = c[2]; z < c[2] + bz; z += 2)
			for (int y = c[1]; y < c[1] + by; y += 2)
				for (int x = c[0]; x < c[0] + bx; x += 2) {
					n++;
					if (mask != null) {
						ref.toUm(x, y, z, um);
						int mx = Sampler.clamp((int) Math.round(um[0] / mask.voxelXUm()), mask.width());
						int my = Sampler.clamp((int) Math.round(um[1] / mask.voxelYUm()), mask.height());
						int mz = Sampler.clamp((int) Math.round(um[2] / mask.voxelZUm()), mask.depth());
						if (mask.get(mx, my, mz) != 0) in++;
					}
					if (grey) {
						float v = ref.volume.get(x, y, z);
						if (v >= lo && v <= hi) excluded++;
					}
				}
		if (mask != null && in * 2 < n) return false;
		return !(grey && excluded * 10 > n);
	}

	/** The structure tensor summed over the block (central differences, every other voxel for large blocks). */
	private double[][] tensor(int x0, int y0, int z0) {
		Volume v = ref.volume;
		double[][] s = new double[3][3];
		int step = bx >= 16 ? 2 : 1;
		int zs = bz > 2 ? z0 + 1 : z0, ze = bz > 2 ? z0 + bz - 1 : z0 + bz;
		for (int z = zs; z < ze; z += step)
			for (int y = y0 + 1; y < y0 + by - 1; y += step)
				for (int x = x0 + 1; x < x0 + bx - 1; x += step) {
					double gx = 0.5 * (v.get(x + 1, y, z) - v.get(x - 1, y, z));
					double gy = 0.5 * (v.get(x, y + 1, z) - v.get(x, y - 1, z));
					double gz = v.depth() > 1 && bz > 2 ? 0.5 * (v.get(x, y, z + 1) - v.get(x, y, z - 1)) : 0;
					s[0][0] += gx * gx;
					s[0][1] += gx * gy;
					s[0][2] += gx * gz;
					s[1][1] += gy * gy;
					s[1][2] += gy * gz;
					s[2][2] += gz * gz;
				}
		s[1][0] = s[0][1];
		s[2][0] = s[0][2];
		s[2][1] = s[1][2];
		return s;
	}

	/** Smallest eigenvalue of the tensor (of its x–y part when it has no z gradient, i.e. a 2D block). */
	static double minEigen(double[][] s) {
		if (s[2][2] == 0) return Math.min(s[0][0], s[1][1]) > 0 ? minEigen2(s[0][0], s[0][1], s[1][1]) : 0;
		double[] ev = new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(s)).getRealEigenvalues();
		return Arrays.stream(ev).min().orElse(0);
	}

	private static double minEigen2(double a, double b, double c) {
		double tr = a + c, det = a * c - b * b;
		return tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
	}

	/**
	 * Matches every block whose image lies inside the scan under {@code scanToRef}; blocks that fall outside
	 * are skipped for this round.
	 */
	Matches match(List<Block> blocks, Affine3D scanToRef) {
		Affine3D refToScan = scanToRef.inverse();
		// level voxel (ref) → level voxel (scan): V_scan⁻¹ ∘ T⁻¹ ∘ V_ref
		Volume rv = ref.volume, sv = scan.volume;
		Affine3D vref = Affine3D.of(rv.voxelXUm(), 0, 0, ref.originXUm, 0, rv.voxelYUm(), 0, ref.originYUm, 0, 0, rv.voxelZUm(), ref.originZUm);
		Affine3D vscan = Affine3D.of(sv.voxelXUm(), 0, 0, scan.originXUm, 0, sv.voxelYUm(), 0, scan.originYUm, 0, 0, sv.voxelZUm(), scan.originZUm);
		Affine3D voxelMap = vscan.inverse().concatenate(refToScan).concatenate(vref);
		double[][] scanPts = new double[blocks.size()][];
		double[][] refPts = new double[blocks.size()][];
		double[] nccs = new double[blocks.size()];
		boolean fine = ref.factor == 1;
		Interpolation mode = fine ? settings.matchInterpolation() : Interpolation.LINEAR;
		Parallel.forEach(blocks.size(), settings.threads(), i -> {
			Block b = blocks.get(i);
			if (!inside(b, voxelMap, sv)) return;
			float[] a = extract(rv, b);
			float[] m = warp(sv, b, voxelMap, mode);
			List<Correlator.Peak> peaks = correlators.get().correlate(a, m, 1);
			if (peaks.isEmpty()) return;
			Correlator.Peak p = peaks.get(0);
			double cx = b.x0 + (bx - 1) / 2.0, cy = b.y0 + (by - 1) / 2.0, cz = b.z0 + (bz - 1) / 2.0;
			double[] c = new double[3];
			ref.toUm(cx, cy, cz, c);
			scanPts[i] = refToScan.apply(c, new double[3]);
			refPts[i] = new double[] { c[0] + p.dx * rv.voxelXUm(), c[1] + p.dy * rv.voxelYUm(), c[2] + p.dz * rv.voxelZUm() };
			nccs[i] = ncc(a, m);
		});
		Matches out = new Matches();
		for (int i = 0; i < blocks.size(); i++)
			if (scanPts[i] != null) {
				out.scanUm.add(scanPts[i]);
				out.refUm.add(refPts[i]);
				out.blocks.add(blocks.get(i));
				out.ncc.add(nccs[i]);
			}
		return out;
	}

	private boolean inside(Block b, Affine3D voxelMap, Volume sv) {
		double[] p = new double[3];
		for (int c = 0; c < 8; c++) {
			p[0] = b.x0 + (c & 1) * (bx - 1);
			p[1] = b.y0 + ((c >> 1) & 1) * (by - 1);
			p[2] = b.z0 + ((c >> 2) & 1) * (bz - 1);
			voxelMap.apply(p, p);
			if (p[0] < 0 || p[1] < 0 || p[0] > sv.width() - 1 || p[1] > sv.height() - 1) return false;
			if (sv.depth() > 1 && (p[2] < 0 || p[2] > sv.depth() - 1)) return false;
		}
		return true;
	}

	private float[] extract(Volume v, Block b) {
		float[] out = new float[bx * by * bz];
		int i = 0;
		for (int z = 0; z < bz; z++) {
			float[] s = v.slice(b.z0 + z);
			for (int y = 0; y < by; y++) {
				System.arraycopy(s, (b.y0 + y) * v.width() + b.x0, out, i, bx);
				i += bx;
			}
		}
		return out;
	}

	private float[] warp(Volume sv, Block b, Affine3D voxelMap, Interpolation mode) {
		float[] out = new float[bx * by * bz];
		double[] m = voxelMap.toArray();
		int i = 0;
		for (int z = 0; z < bz; z++)
			for (int y = 0; y < by; y++) {
				double px = b.x0, py = b.y0 + y, pz = b.z0 + z;
				double sx = m[0] * px + m[1] * py + m[2] * pz + m[3];
				double sy = m[4] * px + m[5] * py + m[6] * pz + m[7];
				double sz = m[8] * px + m[9] * py + m[10] * pz + m[11];
				for (int x = 0; x < bx; x++) {
					double qx = sx + m[0] * x, qy = sy + m[4] * x, qz = sz + m[8] * x;
					out[i++] = mode == Interpolation.CUBIC ? Sampler.cubicClamped(sv, qx, qy, qz) : Sampler.linearClamped(sv, qx, qy, qz);
				}
			}
		return out;
	}

	static double ncc(float[] a, float[] b) {
		double ma = 0, mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= b.length;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.length; i++) {
			double u = a[i] - ma, v = b[i] - mb;
			sab += u * v;
			saa += u * u;
			sbb += v * v;
		}
		return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
	}
}
