package org.tomolyte.model;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * A calibrated 3D grey-value volume held as one float array per slice (x fastest, then y; z = slice), the
 * layout of an ImageJ 32-bit stack, so conversion to and from {@code ImagePlus} and imglib2 is free of
 * copies. Voxel sizes are in µm; the centre of voxel (0,0,0) is the origin of the physical frame.
 */
public final class Volume {
	private final int width;
	private final int height;
	private final float[][] slices;
	private final double voxelXUm;
	private final double voxelYUm;
	private final double voxelZUm;

	/** Wraps existing slices (not copied); each must hold width × height values. */
	public Volume(int width, int height, float[][] slices, double voxelXUm, double voxelYUm, double voxelZUm) {
		if (width <= 0 || height <= 0 || slices.length == 0)
			throw new IllegalArgumentException("Volume must have positive size, got " + width + "×" + height + "×" + slices.length);
		for (int z = 0; z < slices.length; z++)
			if (slices[z].length != width * height)
				throw new IllegalArgumentException("Slice " + z + " holds " + slices[z].length + " values, expected " + width * height);
		this.width = width;
		this.height = height;
		this.slices = slices;
		this.voxelXUm = voxelXUm;
		this.voxelYUm = voxelYUm;
		this.voxelZUm = voxelZUm;
	}

	/** A zero-filled isotropic volume. */
	public Volume(int width, int height, int depth, double voxelUm) {
		this(width, height, new float[depth][width * height], voxelUm, voxelUm, voxelUm);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int depth() {
		return slices.length;
	}

	public double voxelXUm() {
		return voxelXUm;
	}

	public double voxelYUm() {
		return voxelYUm;
	}

	public double voxelZUm() {
		return voxelZUm;
	}

	/** The slice's pixels (shared, x fastest). */
	public float[] slice(int z) {
		return slices[z];
	}

	public float[][] slices() {
		return slices;
	}

	public float get(int x, int y, int z) {
		return slices[z][y * width + x];
	}

	public void set(int x, int y, int z, float v) {
		slices[z][y * width + x] = v;
	}

	/** A deep copy with the same calibration. */
	public Volume copy() {
		float[][] c = new float[slices.length][];
		for (int z = 0; z < c.length; z++)
			c[z] = slices[z].clone();
		return new Volume(width, height, c, voxelXUm, voxelYUm, voxelZUm);
	}

	/** An empty volume of the same size and calibration. */
	public Volume emptyLike() {
		return new Volume(width, height, new float[slices.length][width * height], voxelXUm, voxelYUm, voxelZUm);
	}

	/** An imglib2 view (x, y, z) on the same memory. */
	public RandomAccessibleInterval<FloatType> asImg() {
		List<RandomAccessibleInterval<FloatType>> list = new ArrayList<>(slices.length);
		for (float[] s : slices)
			list.add(ArrayImgs.floats(s, width, height));
		return Views.stack(list);
	}

	@Override
	public String toString() {
		return "Volume[" + width + "×" + height + "×" + slices.length + ", voxel " + voxelXUm + "×" + voxelYUm + "×" + voxelZUm + " µm]";
	}
}
