package org.tomolyte.io;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

/**
 * Writes 32-bit float images and stacks as ImageJ TIFFs with their axes calibrated (origin, step and unit
 * per axis), atomically. Used for result maps such as the DRT map (x = log10 τ, y = spectrum).
 */
public final class FloatImages {
	private FloatImages() {}

	/** One calibrated axis: value of pixel i = origin + i·step. */
	public static final class Axis {
		final double origin, step;
		final String unit;

		public Axis(double origin, double step, String unit) {
			this.origin = origin;
			this.step = step;
			this.unit = unit;
		}
	}

	/**
	 * Writes slices[s][y][x] as a stack named by {@code sliceLabels}.
	 *
	 * @param info text stored in the TIFF's info (ImageJ "Show Info"), e.g. how the values were computed
	 */
	public static void writeStack(Path file, float[][][] slices, String[] sliceLabels, Axis x, Axis y, String info) throws IOException {
		int h = slices[0].length, w = slices[0][0].length;
		ImageStack stack = new ImageStack(w, h);
		for (int s = 0; s < slices.length; s++) {
			float[] px = new float[w * h];
			for (int r = 0; r < h; r++)
				System.arraycopy(slices[s][r], 0, px, r * w, w);
			FloatProcessor fp = new FloatProcessor(w, h, px);
			stack.addSlice(sliceLabels[s], fp);
		}
		ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
		Calibration cal = imp.getCalibration();
		cal.pixelWidth = x.step;
		cal.xOrigin = -x.origin / x.step;
		cal.setXUnit(x.unit);
		cal.pixelHeight = y.step;
		cal.yOrigin = -y.origin / y.step;
		cal.setYUnit(y.unit);
		if (info != null) imp.setProperty("Info", info);
		imp.getProcessor().resetMinAndMax();
		OutputFolder.writeAtomically(file, tmp -> {
			boolean ok = stack.getSize() > 1 ? new FileSaver(imp).saveAsTiffStack(tmp.toString()) : new FileSaver(imp).saveAsTiff(tmp.toString());
			if (!ok) throw new IOException("Could not write TIFF " + file);
		});
	}
}
