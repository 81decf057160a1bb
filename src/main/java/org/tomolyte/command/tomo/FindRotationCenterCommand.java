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
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.tomo.FindCenter;
import org.tomolyte.tomo.TomoInput;

/**
 * Centre of rotation by Vo's Fourier double-wedge metric (coarse-to-fine, sub-pixel), checked by 0°/180°
 * phase correlation; 360° scans by their first half or in offset-axis (half-acquisition) mode. Writes a
 * CSV with {@code row,center_px} (and both methods' values, and the axis tilt when several rows are given).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Tomography>Find Rotation Center", attrs = @Attr(name = "no-legacy"))
public class FindRotationCenterCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "HDF5/NeXus scan, TIFF projection folder/stack, or a single-sinogram TIFF")
	private File input;
	@Parameter(label = "row", required = false, description = "Detector row(s), e.g. 100 or 100,300,500; -1 = middle row")
	private String row = "-1";
	@Parameter(label = "angles", required = false, description = "Degree range spanned evenly (0-180) or an angle file; read from the file when it holds them")
	private String angles = "";
	@Parameter(label = "method", required = false, choices = { "vo", "phase-correlation" })
	private String method = "vo";
	@Parameter(label = "mode", required = false, choices = { "standard", "half-acquisition" })
	private String mode = "standard";
	@Parameter(label = "search_from", required = false, description = "Search range start (px); 0 and 0 = automatic")
	private double search_from = 0;
	@Parameter(label = "search_to", required = false)
	private double search_to = 0;
	@Parameter(label = "log", required = false, description = "False when the input already holds line integrals")
	private boolean log = true;
	@Parameter(label = "rings", required = false, description = "Stripe filter applied before the search (none, sorting, all, ...). Default none: every stripe filter also alters real features near the rotation axis, so choose one with Remove Stripes first")
	private String rings = "none";
	@Parameter(label = "zinger", required = false, description = "Zinger threshold applied before the search (0 = off)")
	private double zinger = 0.08;
	@Parameter(label = "datasets", required = false, description = "HDF5 dataset paths when the layout is not detected: [data=/a white=/b dark=/c theta=/d image_key=/e]")
	private String datasets = "";
	@Parameter(label = "output", description = "CSV file to write (row,center_px,...)", style = "save")
	private File output;

	private Table table;

	@Override
	protected void execute() throws Exception {
		TomoInput.Spec spec = TomoParameters.input(input, angles, 0, log, datasets);
		FindCenter.Settings s = new FindCenter.Settings().method(FindCenter.Method.parse(method))
				.mode(mode.equals("half-acquisition") ? FindCenter.Mode.HALF_ACQUISITION : FindCenter.Mode.STANDARD).rows(rows(row)).range(search_from, search_to)
				.preprocess(TomoParameters.preprocess(zinger, rings));
		FindCenter.Result r = FindCenter.run(TomoInput.open(spec), s, progress());
		table = r.table();
		CsvTables.write(table, output.toPath());
		info(String.format("centre of rotation: %.2f px", r.center()));
	}

	static int[] rows(String spec) {
		String t = spec == null ? "" : spec.trim();
		if (t.isEmpty()) return new int[] { -1 };
		String[] parts = t.split("[,;\\s]+");
		int[] r = new int[parts.length];
		for (int i = 0; i < parts.length; i++)
			r[i] = Integer.parseInt(parts[i]);
		return r;
	}

	@Override
	public List<Table> tables() {
		return table == null ? Collections.emptyList() : Collections.singletonList(table);
	}
}
