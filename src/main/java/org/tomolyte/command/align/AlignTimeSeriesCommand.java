package org.tomolyte.command.align;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.align.AlignResult;
import org.tomolyte.align.AlignSettings;
import org.tomolyte.align.Interpolation;
import org.tomolyte.align.InterfaceResult;
import org.tomolyte.align.TimeSeriesAligner;
import org.tomolyte.align.TransformTables;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/**
 * Sub-voxel 3D rigid registration of every scan to a reference scan (coarse phase correlation with
 * candidate checks, fine block matching in unchanging regions, robust rigid fit), optional levelling of
 * the anode–electrolyte interface, and one resampling per scan onto the common field of view. Writes
 * {@code t00.tif}…, {@code transforms.csv} (3×4 affine scan → reference in µm, and its readable
 * decomposition), {@code residuals.csv}, {@code interface.csv} and TransformJ-readable matrices.
 * <p>
 * The scans come from a folder of TIFF stacks (name order), a scans.csv, or one ImageJ hyperstack TIFF whose
 * time frames are the scans (named t00, t01, … by frame index; see {@link org.tomolyte.io.tiff.HyperstackTiff}).
 * No scan times are written, so a hyperstack's frame interval is not used.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Alignment>Align Time Series", attrs = @Attr(name = "no-legacy"))
public class AlignTimeSeriesCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "Folder of TIFF scans (name order), a scans.csv (scan,file,start_s) or one ImageJ hyperstack TIFF (time frames = scans)")
	private File input;
	@Parameter(label = "reference", required = false, description = "Index of the reference scan")
	private int reference = 0;
	@Parameter(label = "mask", required = false, description = "auto (exclude regions that change), none, or a mask TIFF (non-zero = use)")
	private String mask = "auto";
	@Parameter(label = "level_interface", required = false, description = "Rotate so the anode-electrolyte interface is horizontal")
	private boolean level_interface = true;
	@Parameter(label = "interpolation", required = false, choices = { "linear", "cubic" })
	private String interpolation = "linear";
	@Parameter(label = "chain", required = false, description = "Register each scan to the previous one (with a consistency check to the reference)")
	private boolean chain = false;
	@Parameter(label = "output", description = "Folder for the aligned scans and the transforms", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		ScanFiles.Series series = ScanFiles.open(input.toPath());
		List<Volume> scans = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			progress().report(0.1 * i / series.size(), "Reading " + series.name(i));
			scans.add(series.read(i));
			names.add(series.name(i));
		}
		AlignSettings s = new AlignSettings().referenceIndex(reference).levelInterface(level_interface).chain(chain).keepAlignedVolumes(true)
				.acceptUnconverged(true)
				.outputInterpolation(interpolation.equals("cubic") ? Interpolation.CUBIC : Interpolation.LINEAR);
		if (mask.equalsIgnoreCase("none")) s.autoMask(false);
		else if (!mask.equalsIgnoreCase("auto")) s.mask(VolumeTiff.read(new File(mask).toPath())).autoMask(false);
		AlignResult r = TimeSeriesAligner.align(scans, names, s, progress().sub(0.1, 0.9));
		for (String w : r.warnings())
			warn(w);
		tables.clear();
		tables.add(r.transformTable());
		tables.add(r.residualTable());
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			CsvTables.write(r.transformTable(), out.file("transforms.csv"));
			CsvTables.write(r.residualTable(), out.file("residuals.csv"));
			// a registration that did not converge is kept but said so, with its residuals (never a silent identity)
			Table status = new Table("registration", "scan", "converged", "iterations", "inlier_blocks", "inlier_rms_um", "message");
			for (int i = 0; i < r.registrations().size(); i++) {
				org.tomolyte.align.RegistrationResult g = r.registrations().get(i);
				status.addRow(names.get(i), g == null || g.converged() ? "yes" : "no", g == null ? 0 : g.iterations(), g == null ? 0 : g.inlierCount(),
						g == null ? 0.0 : g.inlierRmsUm(), g == null ? "reference" : g.message());
			}
			tables.add(status);
			CsvTables.write(status, out.file("registration.csv"));
			InterfaceResult ir = r.interfaceResult();
			if (ir != null) {
				Table t = new Table("interface", "tilt_u_deg", "tilt_v_deg", "tilt_deg", "roughness_rms_um", "peak_to_valley_um", "height_at_origin_um");
				t.addRow(ir.tiltUDeg(), ir.tiltVDeg(), ir.tiltDeg(), ir.roughnessRmsUm(), ir.peakToValleyUm(), ir.heightAtOriginUm());
				tables.add(t);
				CsvTables.write(t, out.file("interface.csv"));
			}
			for (int i = 0; i < scans.size(); i++) {
				progress().report(0.9 + 0.1 * i / scans.size(), "Writing " + names.get(i));
				VolumeTiff.write(r.alignedVolumes().get(i), out.file(String.format(java.util.Locale.ROOT, "t%02d.tif", i)),
						"Tomolyte aligned scan " + names.get(i) + " (reference " + names.get(reference) + ")");
				java.nio.file.Files.write(out.file("transforms/" + names.get(i) + "_transformj.txt"),
						TransformTables.toTransformJ(r.transforms().get(i), scans.get(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			out.commit();
		}
		info(scans.size() + " scans aligned" + (r.allConverged() ? "" : " (some did not converge: see residuals.csv and the warnings)"));
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
