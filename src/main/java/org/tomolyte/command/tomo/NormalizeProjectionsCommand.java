package org.tomolyte.command.tomo;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.tiff.TiffStackWriter;
import org.tomolyte.tomo.FlatField;
import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.ProjectionSource;
import org.tomolyte.tomo.TomoInput;

/**
 * Flat/dark normalisation and −log of raw projections, written as a stack of sinograms (one slice per
 * detector row: angles × detector pixels, line integrals) that any reconstruction reads; streamed band by
 * band, so memory stays bounded by a few detector rows.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Tomography>Normalize Projections", attrs = @Attr(name = "no-legacy"))
public class NormalizeProjectionsCommand extends TomolyteCommand {
	@Parameter(label = "input", description = "HDF5/NeXus scan or TIFF projections with flats and darks")
	private File input;
	@Parameter(label = "angles", required = false)
	private String angles = "";
	@Parameter(label = "combine", required = false, choices = { "mean", "median" }, description = "How the flat and dark stacks are combined")
	private String combine = "mean";
	@Parameter(label = "output", description = "Sinogram stack (.tif)", style = "save")
	private File output;

	@Override
	protected void execute() throws Exception {
		ProjectionSource src = TomoInput.open(TomoParameters.input(input, angles, 0, true));
		FlatField ff = new FlatField(combine.equals("median") ? FlatField.Combine.MEDIAN : FlatField.Combine.MEAN, true, true, 1e-4);
		int rows = src.height(), band = Math.max(1, src.preferredBandRows());
		long clamped = 0;
		int dead = 0;
		try (TiffStackWriter w = new TiffStackWriter(output.toPath(), src.width(), src.anglesRad().length, rows, 32, src.pixelSizeUm(), Double.NaN, Double.NaN,
				"line integral", "Tomolyte sinograms of " + input.getName() + ": slice = detector row, rows = angles, values = -log(transmission) after "
						+ combine + " flat/dark correction")) {
			for (int first = 0; first < rows; first += band) {
				progress().checkCancelled();
				progress().report((double) first / rows, "Normalising rows " + first + "–" + Math.min(rows, first + band));
				FlatField.Result r = ff.apply(src.readRows(first, Math.min(band, rows - first)));
				ProjectionSet set = r.projections();
				clamped += r.clampedCount();
				dead = Math.max(dead, r.deadPixels());
				for (int k = 0; k < set.height(); k++) {
					float[][] sino = set.sinogram(k);
					float[] flat = new float[sino.length * sino[0].length];
					for (int a = 0; a < sino.length; a++)
						System.arraycopy(sino[a], 0, flat, a * sino[a].length, sino[a].length);
					w.write(flat);
				}
			}
			w.commit();
		}
		info(rows + " sinograms written; " + clamped + " non-positive transmissions clamped, " + dead + " dead detector pixels filled");
	}
}
