package org.tomolyte.command.tomo;

import java.io.File;
import java.util.Collections;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.FloatImages;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.tomo.FlatField;
import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.TomoInput;
import org.tomolyte.tomo.stripes.StripeFilters;
import org.tomolyte.tomo.stripes.StripePreview;

/**
 * Stripe (ring-artifact) removal on one sinogram with a before/after preview: writes
 * {@code before.tif}/{@code after.tif} (line integrals) and {@code stripes.csv} with the stripe energy and
 * sharpness before and after, so a method and its parameters can be chosen before a whole reconstruction.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Tomography>Remove Stripes", attrs = @Attr(name = "no-legacy"))
public class RemoveStripesCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "Scan or sinogram TIFF")
	private File input;
	@Parameter(label = "row", required = false, description = "Detector row of the sinogram (-1 = middle)")
	private int row = -1;
	@Parameter(label = "angles", required = false)
	private String angles = "";
	@Parameter(label = "log", required = false)
	private boolean log = true;
	@Parameter(label = "rings", required = false, description = "none, sorting, filtering, fitting, large, dead, all, with parameters: [all snr=2.5 la_size=61]")
	private String rings = "sorting";
	@Parameter(label = "output", style = "directory")
	private File output;

	private Table table;

	@Override
	protected void execute() throws Exception {
		org.tomolyte.tomo.ProjectionSource src = TomoInput.open(TomoParameters.input(input, angles, 0, log));
		int r = row < 0 ? src.height() / 2 : row;
		ProjectionSet set = src.readRows(r, 1);
		float[][] sino = set.kind() == ProjectionSet.Kind.COUNTS ? FlatField.defaults().apply(set).projections().sinogram(0) : set.sinogram(0);
		StripePreview p = StripePreview.of(sino, StripeFilters.parse(rings));
		table = new Table("stripes", "row", "filter", "stripe_energy_before", "stripe_energy_after", "sharpness_before", "sharpness_after", "rms_change");
		table.addRow(r, p.filter, p.stripeEnergyBefore, p.stripeEnergyAfter, p.sharpnessBefore, p.sharpnessAfter, p.rmsChange);
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			FloatImages.Axis x = new FloatImages.Axis(0, 1, "pixel"), y = new FloatImages.Axis(0, 1, "angle");
			FloatImages.writeStack(out.file("before.tif"), new float[][][] { p.before }, new String[] { "before" }, x, y, "sinogram row " + r + " before " + p.filter);
			FloatImages.writeStack(out.file("after.tif"), new float[][][] { p.after }, new String[] { "after" }, x, y, "sinogram row " + r + " after " + p.filter);
			CsvTables.write(table, out.file("stripes.csv"));
			out.commit();
		}
		info(String.format("%s: stripe energy x%.2f, sharpness x%.3f", p.filter, p.stripeEnergyRatio(), p.sharpnessRatio()));
	}

	@Override
	public List<Table> tables() {
		return table == null ? Collections.emptyList() : Collections.singletonList(table);
	}
}
