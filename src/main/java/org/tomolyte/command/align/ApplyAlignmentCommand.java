package org.tomolyte.command.align;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.align.AlignmentFiles;
import org.tomolyte.align.Interpolation;
import org.tomolyte.align.OutputGrid;
import org.tomolyte.align.Resampler;
import org.tomolyte.align.SliceSource;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.TiffStackWriter;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;

/**
 * Re-applies a saved alignment (the output folder of Align Time Series) to other volumes of the same scans:
 * another channel, or a label image with {@code interpolation=nearest}, which keeps every output value one of
 * the input's labels. The i-th input scan gets the i-th row of {@code transforms.csv} and is resampled once onto
 * the saved output grid ({@code grid.csv}), so the results lie voxel for voxel on Align Time Series' own
 * {@code t00.tif}…. Each scan is read slice by slice and written as its slices are produced, so scans larger
 * than memory are fine; {@code pairs.csv} records which input got which transform.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Alignment>Apply Alignment", attrs = @Attr(name = "no-legacy"))
public class ApplyAlignmentCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "alignment", description = "Output folder of Align Time Series (transforms.csv, grid.csv)", style = "directory")
	private File alignment;
	@Parameter(label = "input", description = "The scans to resample, one per row of transforms.csv and in that order: a folder of TIFF stacks "
			+ "(name order), a scans.csv or one ImageJ hyperstack TIFF (time frames = scans)")
	private File input;
	@Parameter(label = "interpolation", required = false, choices = { "nearest", "linear", "cubic" }, description = "nearest for label images "
			+ "(every output value is an input value); linear or cubic for grey values")
	private String interpolation = "linear";
	@Parameter(label = "output", description = "Folder for the resampled scans (t00.tif…) and pairs.csv", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();
	private final List<String> warnings = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		tables.clear();
		warnings.clear();
		AlignmentFolder a = AlignmentFolder.read(alignment.toPath());
		refuseOverwriting(a.folder, "the alignment folder (its t00.tif… are the aligned scans)");
		if (Files.isDirectory(input.toPath())) refuseOverwriting(input.toPath(), "the input folder");
		ScanFiles.Series series = ScanFiles.open(input.toPath(), 1);
		int n = series.size();
		if (n != a.size())
			throw new IOException(String.format(Locale.ROOT, "%s holds %d scan(s) but %s has %d transform(s) (%s); the i-th scan gets the i-th transform, "
					+ "so give the %d scans that were aligned, in the same order", input, n, a.transformsFile, a.size(), String.join(", ", a.scans), a.size()));
		List<SliceSource> sources = new ArrayList<>();
		for (int i = 0; i < n; i++)
			sources.add(series.source(i));
		OutputGrid grid = a.grid;
		if (grid == null) {
			int ref = a.reference >= 0 ? a.reference : 0;
			grid = OutputGrid.commonFieldOfView(sources.get(ref), sources, a.transforms);
			warning(String.format(Locale.ROOT, "%s has no grid.csv (an alignment folder from before Align Time Series wrote it): the output grid is the field of view "
					+ "common to the inputs on the voxels of %s (%s), %s; this is Align Time Series' own grid when the inputs have the aligned scans' size "
					+ "and calibration", a.folder, series.name(ref), a.reference >= 0 ? "the reference named by registration.csv" : "the first input", grid));
		}
		for (int i = 0; i < n; i++)
			AlignmentFiles.checkVoxelSize(sources.get(i), grid, "Scan " + series.name(i) + " (" + series.location(i) + ")");
		Interpolation mode = Interpolation.valueOf(interpolation.toUpperCase(Locale.ROOT));
		info(String.format(Locale.ROOT, "Applying %s to %d scans (%s) on %s", a.transformsFile, n, interpolation, grid));
		Table pairs = new Table("pairs", "scan", "input", "output");
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			for (int i = 0; i < n; i++) {
				String name = AlignTimeSeriesCommand.alignedName(i);
				progress().report((double) i / n, "Resampling " + series.name(i) + " with the transform of " + a.scans.get(i));
				String info = "Tomolyte: " + series.name(i) + " resampled (" + interpolation + ") with the alignment of scan " + a.scans.get(i) + " from "
						+ a.transformsFile;
				try (TiffStackWriter w = VolumeTiff.writer(out.file(name), grid.width(), grid.height(), grid.depth(), grid.voxelXUm(), grid.voxelYUm(),
						grid.voxelZUm(), info)) {
					Resampler.resample(sources.get(i), a.transforms.get(i), grid, mode, 0f, 0, (z, slice) -> w.write(slice),
							progress().sub((double) i / n, (i + 1.0) / n));
					w.commit();
				}
				pairs.addRow(a.scans.get(i), series.location(i), name);
			}
			CsvTables.write(pairs, out.file("pairs.csv"));
			tables.add(pairs);
			out.commit();
		}
		info(n + " scans resampled into " + output);
	}

	/** Refuses an output folder that would replace files the run reads or that the alignment wrote. */
	private void refuseOverwriting(Path folder, String what) throws IOException {
		Path o = output.toPath().toAbsolutePath().normalize(), f = folder.toAbsolutePath().normalize();
		if (o.equals(f)) throw new IOException("Output " + o + " is " + what + "; choose another folder, so that nothing there is replaced");
	}

	private void warning(String message) {
		warnings.add(message);
		warn(message);
	}

	/** Warnings of the last run (e.g. the fallback grid of an alignment folder without grid.csv). */
	public List<String> warnings() {
		return Collections.unmodifiableList(warnings);
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
