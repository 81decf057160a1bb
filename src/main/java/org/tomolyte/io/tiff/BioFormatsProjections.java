package org.tomolyte.io.tiff;

import java.lang.reflect.Method;
import java.nio.file.Path;

import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.TomoException;

import ij.ImagePlus;
import ij.ImageStack;

/**
 * Projection series in formats ImageJ cannot read itself (vendor microscope and detector formats), opened
 * through Bio-Formats when it is present at run time, as it is in Fiji. Tomolyte neither bundles nor
 * compiles against Bio-Formats; without it the error says how to proceed.
 */
public final class BioFormatsProjections {
	private static final String BF = "loci.plugins.BF";

	private BioFormatsProjections() {}

	/** True when Bio-Formats' ImageJ plugin classes can be loaded (Fiji, or its jars on the class path). */
	public static boolean available() {
		return bioFormats() != null;
	}

	private static Class<?> bioFormats() {
		for (ClassLoader cl : new ClassLoader[] { Thread.currentThread().getContextClassLoader(), BioFormatsProjections.class.getClassLoader() }) {
			if (cl == null) continue;
			try {
				return Class.forName(BF, true, cl);
			} catch (ClassNotFoundException | LinkageError e) {
				// try the next loader
			}
		}
		return null;
	}

	/**
	 * Opens the file's first series as projections (one image plane per projection).
	 *
	 * @param anglesForCount the projection angles (radians) for a given number of planes
	 * @param kind raw counts, or line integrals already normalised
	 */
	public static ProjectionSet open(Path file, java.util.function.IntFunction<double[]> anglesForCount, double pixelSizeUm, ProjectionSet.Kind kind) {
		Class<?> bf = bioFormats();
		if (bf == null)
			throw new TomoException(file + ": this format needs Bio-Formats, which is not available here. In Fiji (which ships Bio-Formats) it is used "
					+ "automatically; elsewhere open the file in Fiji and save it as a TIFF stack, or convert it to HDF5.");
		ImagePlus[] images;
		try {
			Method m = bf.getMethod("openImagePlus", String.class);
			images = (ImagePlus[]) m.invoke(null, file.toString());
		} catch (ReflectiveOperationException e) {
			Throwable c = e.getCause() != null ? e.getCause() : e;
			throw new TomoException(file + ": Bio-Formats could not read it (" + c.getMessage() + ")", c);
		}
		if (images == null || images.length == 0) throw new TomoException(file + ": Bio-Formats found no image in it");
		ImageStack stack = images[0].getStack();
		int n = stack.getSize(), w = stack.getWidth(), h = stack.getHeight();
		double[] anglesRad = anglesForCount.apply(n);
		if (anglesRad == null || anglesRad.length != n)
			throw new TomoException(file + ": " + n + " projections but " + (anglesRad == null ? "no" : anglesRad.length) + " angles; give an angle range or file");
		float[][] proj = new float[n][];
		for (int i = 0; i < n; i++)
			proj[i] = (float[]) stack.getProcessor(i + 1).convertToFloatProcessor().getPixels();
		double um = !Double.isNaN(pixelSizeUm) ? pixelSizeUm : images[0].getCalibration().pixelWidth;
		return new ProjectionSet(w, h, 0, proj, anglesRad, null, null, null, um, kind, file.getFileName() + " (Bio-Formats)");
	}
}
