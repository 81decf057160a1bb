package org.tomolyte.interfaces;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Edge-preserving denoising by the 3D median over a cube of side 2r + 1 (Tukey's running median, the usual
 * XCT pre-filter before thresholding). It keeps phase boundaries sharp but removes features thinner than
 * r + 1 voxels, so crack detection runs on the unfiltered grey values; slices are filtered in parallel and the
 * result does not depend on the thread count.
 */
public final class MedianFilter3D {
	private MedianFilter3D() {}

	public static Volume filter(Volume in, int radius, Progress progress) {
		if (radius < 0 || radius > 3) throw new InterfaceException("Median radius must be 0 to 3 voxels, got " + radius);
		if (radius == 0) return in.copy();
		int w = in.width(), h = in.height(), d = in.depth();
		float[][] out = new float[d][];
		int[] done = { 0 };
		IntStream.range(0, d).parallel().forEach(z -> {
			float[] o = new float[w * h];
			int n = 2 * radius + 1;
			float[] buf = new float[n * n * n];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					int k = 0;
					for (int dz = -radius; dz <= radius; dz++) {
						float[] s = in.slice(Math.max(0, Math.min(d - 1, z + dz)));
						for (int dy = -radius; dy <= radius; dy++) {
							int yy = Math.max(0, Math.min(h - 1, y + dy)) * w;
							for (int dx = -radius; dx <= radius; dx++)
								buf[k++] = s[yy + Math.max(0, Math.min(w - 1, x + dx))];
						}
					}
					Arrays.sort(buf, 0, k);
					o[y * w + x] = buf[k / 2];
				}
			out[z] = o;
			synchronized (done) {
				done[0]++;
				if (!progress.isCancelled()) progress.report(done[0] / (double) d, "Median filter");
			}
		});
		progress.checkCancelled();
		return new Volume(w, h, out, in.voxelXUm(), in.voxelYUm(), in.voxelZUm());
	}
}
