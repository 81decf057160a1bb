package org.tomolyte.synth.cell;

import org.tomolyte.task.Parallel;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Renders one scan of the phantom on the voxel grid of the scan frame: each voxel's grey value is the mean
 * attenuation over s³ sub-samples of the voxel box (partial-volume edges, so sub-voxel truth is meaningful),
 * taken only where the voxel is near a boundary, with the solid phases scaled by the sample's texture at the
 * voxel centre; the label is the material at the voxel centre. A scan
 * voxel centre p (µm) is looked up in the phantom at T(p), T the scan's scan → reference transform.
 */
public final class PhantomRenderer {
	private PhantomRenderer() {}

	/** The noise-free partial-volume rendering (µ in cm⁻¹) and the labels of one scan. */
	public static RenderedScan render(CellPhantom phantom, RigidTransform scanToReference, int supersampling, int threads, Progress progress) {
		CellParameters p = phantom.geometry().params();
		int w = p.widthVoxels(), h = p.heightVoxels(), d = p.depthVoxels();
		double v = p.voxelUm();
		Volume grey = new Volume(w, h, d, v), labels = new Volume(w, h, d, v);
		int ss = supersampling;
		// the grey value only sees the sub-sample points, which lie within √3 (1/2 − 1/(2s)) voxels of the centre
		double radius = Math.sqrt(3) * (0.5 - 0.5 / ss) * v * 1.001 + 1e-9;
		// sub-sample offsets in the scan frame, rotated into the reference frame once
		double[][] off = new double[ss * ss * ss][];
		int k = 0;
		for (int a = 0; a < ss; a++)
			for (int b = 0; b < ss; b++)
				for (int c = 0; c < ss; c++) {
					double[] o = { ((c + 0.5) / ss - 0.5) * v, ((b + 0.5) / ss - 0.5) * v, ((a + 0.5) / ss - 0.5) * v };
					off[k++] = scanToReference.applyToVector(o);
				}
		// blocks of B × B pixels of a slice whose whole extent is one material are filled at once: the bulk
		// (electrolyte, collector, air) costs one look-up per block
		final int bs = 8;
		double blockRadius = 0.5 * Math.sqrt(2.0 * bs * bs + 1) * v * 1.001;
		Parallel.forEach(d, threads, progress, "Rendering scan", z -> {
			float[] gs = grey.slice(z), ls = labels.slice(z);
			double[] q = new double[3];
			for (int by = 0; by < h; by += bs)
				for (int bx = 0; bx < w; bx += bs) {
					int ex = Math.min(w, bx + bs), ey = Math.min(h, by + bs);
					scanToReference.apply((bx + 0.5 * (ex - bx - 1)) * v, (by + 0.5 * (ey - by - 1)) * v, z * v, q);
					if (phantom.isUniform(q[0], q[1], q[2], blockRadius)) {
						Material m = phantom.classify(q[0], q[1], q[2]);
						double mu = phantom.muPerCm(m);
						float lab = m.label();
						boolean textured = m.isTextured();
						for (int y = by; y < ey; y++)
							for (int x = bx; x < ex; x++) {
								if (textured) {
									scanToReference.apply(x * v, y * v, z * v, q);
									gs[y * w + x] = (float) (mu * phantom.textureFactor(q[0], q[1], q[2]));
								} else gs[y * w + x] = (float) mu;
								ls[y * w + x] = lab;
							}
						continue;
					}
					for (int y = by; y < ey; y++)
						for (int x = bx; x < ex; x++) {
							scanToReference.apply(x * v, y * v, z * v, q);
							Material m = phantom.classify(q[0], q[1], q[2]);
							int i = y * w + x;
							ls[i] = m.label();
							// the texture varies over several voxels: take it at the voxel centre
							double tex = phantom.textureFactor(q[0], q[1], q[2]);
							if (ss == 1 || phantom.isUniform(q[0], q[1], q[2], radius)) {
								gs[i] = (float) (phantom.muPerCm(m) * (m.isTextured() ? tex : 1));
							} else {
								double s = 0;
								for (double[] o : off) {
									Material ms = phantom.classify(q[0] + o[0], q[1] + o[1], q[2] + o[2]);
									s += phantom.muPerCm(ms) * (ms.isTextured() ? tex : 1);
								}
								gs[i] = (float) (s / off.length);
							}
						}
				}
		});
		return new RenderedScan(grey, labels);
	}
}
