package org.tomolyte.align;

import java.nio.file.Path;

import org.tomolyte.TestData;
import org.tomolyte.model.Volume;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageProcessor;

/** Loads the real XCT slices of the shared data (MIT-licensed Li-ion cell from MPJ-Imaging/battery_xct_workflows). */
final class RealData {
	private RealData() {}

	static float[] slice(Path file) {
		ImagePlus imp = new Opener().openImage(file.toString());
		if (imp == null) throw new IllegalStateException("ImageJ could not open " + file);
		ImageProcessor ip = imp.getProcessor().convertToFloatProcessor();
		return (float[]) ip.getPixels();
	}

	static int width(Path file) {
		return new Opener().openImage(file.toString()).getWidth();
	}

	/**
	 * Slices im031…im070 of the real cell volume, cropped to {@code size}² around (cx, cy) and box-averaged
	 * in x and y by {@code bin} (the crop is taken before binning).
	 */
	static Volume cellVolume(int cx, int cy, int size, int bin, int first, int count, double voxelUm) {
		Path dir = TestData.file("xct/battery_xct_workflows/cell_vol_031-070");
		int out = size / bin;
		float[][] slices = new float[count][];
		for (int k = 0; k < count; k++) {
			Path f = dir.resolve(String.format("im%03d.tif", first + k));
			if (!f.toFile().exists()) throw new IllegalStateException("Missing real slice " + f);
			float[] s = slice(f);
			int w = 728;
			float[] o = new float[out * out];
			for (int y = 0; y < out; y++)
				for (int x = 0; x < out; x++) {
					double sum = 0;
					for (int b = 0; b < bin; b++)
						for (int a = 0; a < bin; a++)
							sum += s[(cy - size / 2 + y * bin + b) * w + cx - size / 2 + x * bin + a];
					o[y * out + x] = (float) (sum / (bin * bin));
				}
			slices[k] = o;
		}
		return new Volume(out, out, slices, voxelUm, voxelUm, voxelUm);
	}
}
