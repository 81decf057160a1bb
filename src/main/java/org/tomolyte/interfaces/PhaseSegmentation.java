package org.tomolyte.interfaces;

import java.util.stream.IntStream;

import org.tomolyte.model.Volume;

/**
 * Three- (or four-) phase label slices of a volume under given thresholds: each voxel becomes the byte code of
 * its {@link Phase}. Also counts the phase fractions, the simplest check of a segmentation.
 */
public final class PhaseSegmentation {
	private final byte[][] labels;
	private final int width, height;

	private PhaseSegmentation(byte[][] labels, int width, int height) {
		this.labels = labels;
		this.width = width;
		this.height = height;
	}

	public static PhaseSegmentation classify(Volume v, PhaseThresholds t) {
		byte[][] out = new byte[v.depth()][];
		IntStream.range(0, v.depth()).parallel().forEach(z -> {
			float[] s = v.slice(z);
			byte[] o = new byte[s.length];
			for (int i = 0; i < s.length; i++) o[i] = Phase.of(s[i], t).code();
			out[z] = o;
		});
		return new PhaseSegmentation(out, v.width(), v.height());
	}

	/** The label slice z (shared). */
	public byte[] slice(int z) {
		return labels[z];
	}

	public Phase phase(int x, int y, int z) {
		return Phase.values()[labels[z][y * width + x]];
	}

	/** Fraction of all voxels in each phase, indexed by {@link Phase#ordinal()}. */
	public double[] fractions() {
		long[] c = new long[Phase.values().length];
		long n = 0;
		for (byte[] s : labels) {
			for (byte b : s) c[b]++;
			n += s.length;
		}
		double[] f = new double[c.length];
		for (int i = 0; i < c.length; i++) f[i] = c[i] / (double) n;
		return f;
	}

	/** Labels as a float volume (codes 0–3) for display. */
	public Volume toVolume(Volume like) {
		float[][] s = new float[labels.length][];
		for (int z = 0; z < s.length; z++) {
			s[z] = new float[width * height];
			for (int i = 0; i < s[z].length; i++) s[z][i] = labels[z][i];
		}
		return new Volume(width, height, s, like.voxelXUm(), like.voxelYUm(), like.voxelZUm());
	}
}
