package org.tomolyte.ij1;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.tomolyte.cracks.ScanLabels;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.model.Volume;
import org.tomolyte.view.Charts;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

/**
 * Crack and chip outlines drawn over the grey slices of a scan, coloured by track (the suite's palette),
 * as an RGB TIFF stack that opens in any ImageJ with the scan's calibration.
 */
public final class OutlineOverlays {
	private OutlineOverlays() {}

	public static void write(Volume scan, ScanLabels labels, Path file) throws IOException {
		int w = scan.width(), h = scan.height();
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		for (int z = 0; z < scan.depth(); z++)
			for (float v : scan.slice(z))
				if (Float.isFinite(v)) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
		float range = hi > lo ? hi - lo : 1;
		ImageStack st = new ImageStack(w, h);
		for (int z = 0; z < scan.depth(); z++) {
			float[] g = scan.slice(z);
			int[] outline = labels.outlineSlice(z);
			int[] rgb = new int[w * h];
			for (int i = 0; i < rgb.length; i++) {
				if (outline[i] > 0) {
					Color c = Charts.PALETTE[(outline[i] - 1) % Charts.PALETTE.length];
					rgb[i] = c.getRGB() & 0xFFFFFF;
				} else {
					int v = (int) Math.max(0, Math.min(255, 255 * (g[i] - lo) / range));
					rgb[i] = v << 16 | v << 8 | v;
				}
			}
			st.addSlice("z=" + z, new ColorProcessor(w, h, rgb));
		}
		ImagePlus imp = new ImagePlus(file.getFileName().toString(), st);
		imp.getCalibration().pixelWidth = scan.voxelXUm();
		imp.getCalibration().pixelHeight = scan.voxelYUm();
		imp.getCalibration().pixelDepth = scan.voxelZUm();
		imp.getCalibration().setUnit("micron");
		imp.setProperty("Info", "Tomolyte: crack/chip outlines coloured by track over the grey scan");
		OutputFolder.writeAtomically(file, tmp -> {
			if (!new FileSaver(imp).saveAsTiffStack(tmp.toString())) throw new IOException("Could not write " + file);
		});
	}
}
