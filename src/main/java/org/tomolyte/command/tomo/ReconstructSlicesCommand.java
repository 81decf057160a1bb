package org.tomolyte.command.tomo;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.tomo.FilterWindow;
import org.tomolyte.tomo.Reconstructor;
import org.tomolyte.tomo.TomoInput;

/**
 * Raw projections (or a sinogram) to calibrated slices: flat/dark normalisation and −log, zinger removal,
 * stripe (ring) removal (Vo 2018), centre of rotation, filtered back-projection; streamed row by row into
 * a TIFF stack (output ending in .tif) or a folder of slices, with memory bounded by a few sinograms.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Tomography>Reconstruct Slices", attrs = @Attr(name = "no-legacy"))
public class ReconstructSlicesCommand extends TomolyteCommand {
	@Parameter(label = "input", description = "HDF5/NeXus scan, TIFF projection folder/stack, or a single-sinogram TIFF")
	private File input;
	@Parameter(label = "center", required = false, description = "Centre of rotation in pixels, or auto")
	private String center = "auto";
	@Parameter(label = "rows", required = false, description = "Detector rows first-last, a single row, or all")
	private String rows = "all";
	@Parameter(label = "angles", required = false, description = "Degree range (0-180) or an angle file; read from the file when it holds them")
	private String angles = "";
	@Parameter(label = "log", required = false, description = "False when the input already holds line integrals")
	private boolean log = true;
	@Parameter(label = "rings", required = false, description = "Stripe filter: none, sorting, filtering, fitting, large, dead, all (with parameters, e.g. [all snr=2.5]). Default none: every stripe filter also alters real features near the rotation axis, so choose one with Remove Stripes first")
	private String rings = "none";
	@Parameter(label = "polar_rings", required = false, description = "Also remove remaining rings from each reconstructed slice (polar-coordinate filter about the slice centre)")
	private boolean polar_rings = false;
	@Parameter(label = "zinger", required = false, description = "Zinger threshold (0 = off)")
	private double zinger = 0.08;
	@Parameter(label = "filter", required = false, choices = { "ram-lak", "shepp-logan", "hann", "hamming", "cosine" })
	private String filter = "hann";
	@Parameter(label = "half_acquisition", required = false, description = "360° scan with the axis near a detector edge")
	private boolean half_acquisition = false;
	@Parameter(label = "pixel_um", required = false, description = "Pixel size (µm) when the file does not give it; 0 = from the file")
	private double pixel_um = 0;
	@Parameter(label = "bits", required = false, choices = { "32", "16" })
	private String bits = "32";
	@Parameter(label = "datasets", required = false, description = "HDF5 dataset paths when the layout is not detected: [data=/a white=/b dark=/c theta=/d image_key=/e]")
	private String datasets = "";
	@Parameter(label = "output", description = "A .tif stack, or a folder for one TIFF per slice")
	private File output;

	@Override
	protected void execute() throws Exception {
		TomoInput.Spec spec = TomoParameters.input(input, angles, pixel_um, log, datasets);
		Reconstructor.Settings s = new Reconstructor.Settings().center(center).rows(rows).log(log).filter(FilterWindow.parse(filter))
				.halfAcquisition(half_acquisition).output(Integer.parseInt(bits), Double.NaN, Double.NaN).preprocess(TomoParameters.preprocess(zinger, rings))
				.postprocess(polar_rings ? new org.tomolyte.tomo.stripes.PolarRingFilter()::apply : null);
		Reconstructor.Result r = Reconstructor.run(TomoInput.open(spec), s, output.toPath(), progress());
		info(String.format("rows %d-%d reconstructed with centre %.2f px -> %s", r.firstRow, r.lastRow, r.centerPx, r.output));
	}
}
