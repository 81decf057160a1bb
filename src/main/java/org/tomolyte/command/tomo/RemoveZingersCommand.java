package org.tomolyte.command.tomo;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.align.SliceSource;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.tiff.TiffStackWriter;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.tomo.Zingers;

/**
 * Zinger removal (local-mean ratio threshold with a blob-size check) on every image of a TIFF stack of
 * projections or sinograms, slice by slice; reports how many pixels were replaced.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Tomography>Remove Zingers", attrs = @Attr(name = "no-legacy"))
public class RemoveZingersCommand extends TomolyteCommand {
	@Parameter(label = "input", description = "TIFF stack of projections or sinograms")
	private File input;
	@Parameter(label = "threshold", required = false, description = "Relative excess over the local level that makes a zinger")
	private double threshold = 0.08;
	@Parameter(label = "size", required = false, description = "Neighbourhood half-size (px)")
	private int size = 2;
	@Parameter(label = "max_blob", required = false, description = "Largest blob (px) still counted as a zinger; 0 = no check")
	private int max_blob = 4;
	@Parameter(label = "polarity", required = false, choices = { "bright", "dark", "both" }, description = "bright for counts, dark or both for line integrals")
	private String polarity = "bright";
	@Parameter(label = "output", description = "Cleaned stack (.tif)", style = "save")
	private File output;

	@Override
	protected void execute() throws Exception {
		SliceSource in = VolumeTiff.slices(input.toPath());
		Zingers.Settings s = Zingers.Settings.DEFAULT.withThreshold(threshold).withSize(size).withMaxBlobPixels(max_blob)
				.withPolarity(Zingers.Polarity.valueOf(polarity.toUpperCase(java.util.Locale.ROOT)));
		long replaced = 0;
		int w = in.width(), h = in.height();
		try (TiffStackWriter out = VolumeTiff.writer(output.toPath(), w, h, in.depth(), in.voxelXUm(),
				"Tomolyte: zingers removed from " + input.getName() + " (" + s + ")")) {
			for (int z = 0; z < in.depth(); z++) {
				progress().checkCancelled();
				progress().report((double) z / in.depth(), null);
				float[] px = in.slice(z);
				float[][] img = new float[h][w];
				for (int y = 0; y < h; y++)
					System.arraycopy(px, y * w, img[y], 0, w);
				Zingers.Result r = Zingers.remove(img, s);
				replaced += r.replacedPixels;
				float[] o = new float[w * h];
				for (int y = 0; y < h; y++)
					System.arraycopy(r.image[y], 0, o, y * w, w);
				out.write(o);
			}
			out.commit();
		}
		info(replaced + " zinger pixels replaced in " + in.depth() + " images");
	}
}
