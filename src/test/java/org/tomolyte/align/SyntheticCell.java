package org.tomolyte.align;

import java.util.Random;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * Test volumes for registration: a cell-like sample (housing wall, textured electrolyte below a tilted,
 * slightly rough interface, weakly textured liquid metal above) moved by a known rigid transform with the
 * package's cubic resampler, then lab-frame ring artifacts (which do not move) and Gaussian noise added.
 */
final class SyntheticCell {
	static final double VOXEL_UM = 2.0;
	final int width, height, depth, margin;
	final Volume sample; // sample frame with margin on every side
	final float[] roughVoxels; // interface roughness (voxels) per sample-frame column
	double roughnessVoxels = 0.3;
	final double interfaceZ0, slopeX, slopeY; // interface height (voxels) at the volume centre, slopes dz/dx, dz/dy
	double noise = 0.05;
	double ringAmplitude = 0.08;

	/** A sample of the given scan size; tilt slopes are dz/dx and dz/dy of the interface. */
	SyntheticCell(int width, int height, int depth, long seed, double slopeX, double slopeY) {
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.margin = 16;
		this.slopeX = slopeX;
		this.slopeY = slopeY;
		this.interfaceZ0 = depth * 0.55;
		int w = width + 2 * margin, h = height + 2 * margin, d = depth + 2 * margin;
		Random rnd = new Random(seed);
		float[][] tex = new float[d][w * h];
		for (float[] s : tex)
			for (int i = 0; i < s.length; i++)
				s[i] = (float) rnd.nextGaussian();
		blur(tex, w, h, 1.2);
		float[][] rough = new float[1][w * h];
		for (int i = 0; i < rough[0].length; i++)
			rough[0][i] = (float) rnd.nextGaussian();
		blur2d(rough[0], w, h, 3.0);
		double sd = std(tex), rsd = std(rough);
		roughVoxels = new float[w * h];
		for (int i = 0; i < roughVoxels.length; i++)
			roughVoxels[i] = (float) (roughnessVoxels * rough[0][i] / rsd);
		Volume v = new Volume(w, h, tex, VOXEL_UM, VOXEL_UM, VOXEL_UM);
		double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
		double rOuter = 0.47 * Math.min(width, height), wall = 4;
		for (int z = 0; z < d; z++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double t = tex[z][y * w + x] / sd;
					double r = Math.hypot(x - cx, y - cy);
					double zi = interfaceHeightSampleFrame(x, y) + roughVoxels[y * w + x];
					double metal = smoothStep(z - zi); // 0 electrolyte, 1 metal
					double inside = 1 - smoothStep(r - (rOuter - wall));
					double housing = smoothStep(r - (rOuter - wall)) * (1 - smoothStep(r - rOuter));
					double electrolyte = 0.55 + 0.12 * t, liquid = 0.2 + 0.03 * t;
					double value = inside * ((1 - metal) * electrolyte + metal * liquid) + housing * (0.85 + 0.05 * t);
					tex[z][y * w + x] = (float) value;
				}
		this.sample = v;
	}

	/** Interface height (voxels, sample frame with margin) above sample-frame voxel (x, y). */
	double interfaceHeightSampleFrame(double x, double y) {
		double cx = (width + 2 * margin - 1) / 2.0, cy = (height + 2 * margin - 1) / 2.0;
		return margin + interfaceZ0 + slopeX * (x - cx) + slopeY * (y - cy);
	}

	/** Interface height (voxels) at scan voxel (x, y) of an unmoved scan. */
	double interfaceHeightScan(double x, double y) {
		return interfaceHeightSampleFrame(x + margin, y + margin) - margin;
	}

	/** True interface height (voxels, plane + roughness) at integer voxel (x, y) of an unmoved scan. */
	double trueHeightScan(int x, int y) {
		return interfaceHeightScan(x, y) + roughVoxels[(y + margin) * (width + 2 * margin) + x + margin];
	}

	/**
	 * The scan seen when the sample is moved by {@code motion} (µm, scan frame = sample frame without margin):
	 * the registration must then find {@code motion.inverse()}.
	 */
	Volume scan(Affine3D motion, long noiseSeed) {
		double m = margin * VOXEL_UM;
		Affine3D a = motion.concatenate(Affine3D.translation(-m, -m, -m));
		OutputGrid grid = new OutputGrid(width, height, depth, VOXEL_UM, VOXEL_UM, VOXEL_UM, 0, 0, 0);
		Volume v = Resampler.resample(sample, a, grid, Interpolation.CUBIC, 0f, 0, Progress.NONE);
		addRingsAndNoise(v, noiseSeed);
		return v;
	}

	void addRingsAndNoise(Volume v, long seed) {
		Random rnd = new Random(seed);
		double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
		double[] radii = { 7, 13, 22, 31, 37, 44, 52 };
		for (int z = 0; z < v.depth(); z++) {
			float[] s = v.slice(z);
			for (int y = 0; y < height; y++)
				for (int x = 0; x < width; x++) {
					double r = Math.hypot(x - cx, y - cy), ring = 0;
					for (int k = 0; k < radii.length; k++) {
						double rr = radii[k] * Math.min(width, height) / 128.0;
						ring += ((k & 1) == 0 ? 1 : -1) * Math.exp(-0.5 * (r - rr) * (r - rr) / 0.6);
					}
					s[y * width + x] += (float) (ringAmplitude * ring + noise * rnd.nextGaussian());
				}
		}
	}

	/** A symmetric step of about one voxel width centred at 0, so its steepest point is the edge position. */
	static double smoothStep(double d) {
		return 0.5 * (1 + Math.tanh(1.1 * d));
	}

	static double std(float[][] a) {
		double s = 0, ss = 0;
		long n = 0;
		for (float[] r : a)
			for (float v : r) {
				s += v;
				ss += v * v;
				n++;
			}
		return Math.sqrt(ss / n - (s / n) * (s / n));
	}

	static void blur(float[][] v, int w, int h, double sigma) {
		for (float[] s : v)
			blur2d(s, w, h, sigma);
		int d = v.length;
		double[] k = kernel(sigma);
		int r = k.length / 2;
		float[] col = new float[d];
		for (int i = 0; i < w * h; i++) {
			for (int z = 0; z < d; z++)
				col[z] = v[z][i];
			for (int z = 0; z < d; z++) {
				double acc = 0;
				for (int j = -r; j <= r; j++)
					acc += k[j + r] * col[Math.max(0, Math.min(d - 1, z + j))];
				v[z][i] = (float) acc;
			}
		}
	}

	static void blur2d(float[] s, int w, int h, double sigma) {
		double[] k = kernel(sigma);
		int r = k.length / 2;
		float[] tmp = new float[s.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int j = -r; j <= r; j++)
					acc += k[j + r] * s[y * w + Math.max(0, Math.min(w - 1, x + j))];
				tmp[y * w + x] = (float) acc;
			}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double acc = 0;
				for (int j = -r; j <= r; j++)
					acc += k[j + r] * tmp[Math.max(0, Math.min(h - 1, y + j)) * w + x];
				s[y * w + x] = (float) acc;
			}
	}

	static double[] kernel(double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++)
			sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		return k;
	}

	/** RMS distance (voxels) between the images of a grid of points of the scan volume under two transforms. */
	static double rmsErrorVoxels(Affine3D estimate, Affine3D truth, int w, int h, int d) {
		return rmsErrorVoxels(estimate, truth, w, h, d, VOXEL_UM);
	}

	/** As above for a volume of the given isotropic voxel size (a 2D image: d = 1). */
	static double rmsErrorVoxels(Affine3D estimate, Affine3D truth, int w, int h, int d, double voxelUm) {
		double ss = 0;
		int n = 0;
		for (int z = 0; z <= 4; z++)
			for (int y = 0; y <= 4; y++)
				for (int x = 0; x <= 4; x++) {
					double[] p = { x * (w - 1) / 4.0 * voxelUm, y * (h - 1) / 4.0 * voxelUm, z * (d - 1) / 4.0 * voxelUm };
					double[] a = estimate.apply(p, new double[3]), b = truth.apply(p, new double[3]);
					ss += (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]);
					n++;
				}
		return Math.sqrt(ss / n) / voxelUm;
	}
}
