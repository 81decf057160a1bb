package org.tomolyte.command.align;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.align.AlignResult;
import org.tomolyte.align.AlignSettings;
import org.tomolyte.align.AlignmentFiles;
import org.tomolyte.align.Interpolation;
import org.tomolyte.align.InterfaceResult;
import org.tomolyte.align.OutputGrid;
import org.tomolyte.align.SliceSource;
import org.tomolyte.align.TimeSeriesAligner;
import org.tomolyte.align.TransformTables;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.TiffStackWriter;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/**
 * Sub-voxel 3D rigid registration of every scan to a reference scan (coarse phase correlation with
 * candidate checks, fine block matching in unchanging regions, robust rigid fit), optional levelling of
 * the anode–electrolyte interface, and one resampling per scan onto the common field of view. Writes
 * {@code t00.tif}…, {@code transforms.csv} (3×4 affine scan → reference in µm, and its readable
 * decomposition), {@code grid.csv} (the aligned scans' voxel grid in that frame; see
 * {@link AlignmentFiles}), {@code residuals.csv}, {@code interface.csv} and TransformJ-readable matrices.
 * {@code Apply Alignment} re-applies transforms.csv on grid.csv to other channels or label images.
 * <p>
 * The scans come from a folder of TIFF stacks (name order), a scans.csv, or one ImageJ hyperstack TIFF whose
 * time frames are the scans (named t00, t01, … by frame index; see {@link org.tomolyte.io.tiff.HyperstackTiff}).
 * No scan times are written, so a hyperstack's frame interval is not used.
 * <p>
 * Scans larger than memory are streamed ({@code memory=stream}, or {@code auto} when loading them would take
 * more than half the heap): registration on box-downsampled copies, then every scan is resampled at full
 * resolution from disk and written slice by slice, to the same files as in memory (see {@link MemoryPlan}).
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
	@Parameter(label = "memory", required = false, choices = { "auto", "load", "stream" }, description = "load: read every scan into memory. "
			+ "stream (scans larger than memory): register on box-downsampled copies, then resample every scan at full resolution slice by slice from disk "
			+ "and write it as it comes; a mask TIFF is downsampled like the scans (a copy voxel is used when at least half of its box is non-zero); "
			+ "residuals.csv, registration.csv and the interface roughness then describe the copies. "
			+ "auto: stream when the scans and their aligned copies would take more than half of the Java heap")
	private String memory = MemoryPlan.AUTO;
	@Parameter(label = "downsample", required = false, min = "0", description = "When streaming: the downsampling factor of the registered copies; "
			+ "0 = the smallest power of two (at least 2) whose copies of all scans fit a quarter of the Java heap")
	private int downsample = 0;
	@Parameter(label = "output", description = "Folder for the aligned scans and the transforms", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		ScanFiles.Series series = ScanFiles.open(input.toPath());
		int n = series.size();
		if (reference < 0 || reference >= n) throw new IllegalArgumentException("reference=" + reference + " is out of range: there are " + n + " scans (0–" + (n - 1) + ")");
		// the TIFF directories only: sizes and calibration before any voxel is read
		List<SliceSource> sources = new ArrayList<>();
		List<String> names = new ArrayList<>();
		int[][] sizes = new int[n][];
		for (int i = 0; i < n; i++) {
			SliceSource src = series.source(i);
			sources.add(src);
			names.add(series.name(i));
			sizes[i] = new int[] { src.width(), src.height(), src.depth() };
		}
		ScanFiles.checkCalibration(series, sources, reference);
		MemoryPlan plan = MemoryPlan.choose(memory, downsample, sizes, Runtime.getRuntime().maxMemory());
		info(plan.describe());
		AlignSettings s = new AlignSettings().referenceIndex(reference).levelInterface(level_interface).chain(chain).acceptUnconverged(true)
				.outputInterpolation(interpolation.equals("cubic") ? Interpolation.CUBIC : Interpolation.LINEAR);
		if (mask.equalsIgnoreCase("none")) s.autoMask(false);
		else if (!mask.equalsIgnoreCase("auto")) s.mask(readMask(new File(mask).toPath(), sources.get(reference), names.get(reference), plan)).autoMask(false);
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			AlignResult r = plan.stream ? alignStreaming(sources, names, plan.factor, s, out) : alignInMemory(series, names, s, out);
			for (String w : r.warnings())
				warn(w);
			tables.clear();
			tables.add(r.transformTable());
			tables.add(r.residualTable());
			CsvTables.write(r.transformTable(), out.file("transforms.csv"));
			CsvTables.write(r.residualTable(), out.file("residuals.csv"));
			// the output grid, so that Apply Alignment can put other channels or label images on these very voxels
			CsvTables.write(AlignmentFiles.gridTable(r.grid()), out.file("grid.csv"));
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
			for (int i = 0; i < n; i++)
				Files.write(out.file("transforms/" + names.get(i) + "_transformj.txt"),
						TransformTables.toTransformJ(r.transforms().get(i), sources.get(i)).getBytes(StandardCharsets.UTF_8));
			out.commit();
			info(n + " scans aligned" + (r.allConverged() ? "" : " (some did not converge: see residuals.csv and the warnings)"));
		}
	}

	/** Reads every scan, aligns in memory and writes the aligned volumes. */
	private AlignResult alignInMemory(ScanFiles.Series series, List<String> names, AlignSettings s, OutputFolder out) throws IOException {
		List<Volume> scans = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			progress().report(0.1 * i / series.size(), "Reading " + names.get(i));
			scans.add(series.read(i));
		}
		AlignResult r = TimeSeriesAligner.align(scans, names, s.keepAlignedVolumes(true), progress().sub(0.1, 0.9));
		for (int i = 0; i < scans.size(); i++) {
			progress().report(0.9 + 0.1 * i / scans.size(), "Writing " + names.get(i));
			VolumeTiff.write(r.alignedVolumes().get(i), out.file(alignedName(i)), alignedInfo(names, i));
		}
		return r;
	}

	/**
	 * Registers on downsampled copies and writes each aligned scan slice by slice as the resampling produces it
	 * (never a whole aligned volume in memory); the files, sized once the output grid is known, stay in the
	 * staging folder until everything succeeded.
	 */
	private AlignResult alignStreaming(List<SliceSource> sources, List<String> names, int factor, AlignSettings s, OutputFolder out) throws IOException {
		int n = sources.size();
		SliceSource ref = sources.get(reference);
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < n; i++)
			files.add(out.file(alignedName(i)));
		TiffStackWriter[] writers = new TiffStackWriter[n];
		try {
			// the output grid has the reference's voxels, as in memory
			AlignResult r = TimeSeriesAligner.alignStreaming(sources, names, factor, s.keepAlignedVolumes(false), i -> {
				TiffStackWriter w = VolumeTiff.writerSizedOnCommit(files.get(i), ref.voxelXUm(), ref.voxelYUm(), ref.voxelZUm(), alignedInfo(names, i));
				writers[i] = w;
				return (z, slice) -> {
					if (z != w.written()) throw new IllegalStateException("Aligned scan " + names.get(i) + ": slice " + z + " arrived after " + w.written());
					w.write(slice);
				};
			}, progress().sub(0, 0.95));
			OutputGrid g = r.grid();
			if (g.voxelXUm() != ref.voxelXUm() || g.voxelYUm() != ref.voxelYUm() || g.voxelZUm() != ref.voxelZUm())
				throw new IllegalStateException("Output grid " + g + " does not have the reference's voxel size");
			for (int i = 0; i < n; i++) {
				progress().report(0.95 + 0.05 * i / n, "Writing " + names.get(i));
				if (writers[i] == null || writers[i].written() != g.depth())
					throw new IllegalStateException("Aligned scan " + names.get(i) + ": " + (writers[i] == null ? 0 : writers[i].written()) + " of " + g.depth() + " slices produced");
				writers[i].commit(g.width(), g.height());
			}
			return r;
		} finally {
			for (TiffStackWriter w : writers)
				if (w != null) w.close();
		}
	}

	/**
	 * The mask TIFF, checked against the reference's size: whole when loading, or downsampled like the
	 * registered copies when streaming (read a few slices at a time).
	 */
	private static Volume readMask(Path file, SliceSource ref, String refName, MemoryPlan plan) throws IOException {
		SliceSource m = VolumeTiff.slices(file);
		if (m.width() != ref.width() || m.height() != ref.height() || m.depth() != ref.depth())
			throw new IOException("Mask " + file + " is " + m.width() + "×" + m.height() + "×" + m.depth() + " voxels; it must have the size of the reference scan "
					+ refName + ", " + ref.width() + "×" + ref.height() + "×" + ref.depth());
		return plan.stream ? DownsampledMask.of(m, plan.factor) : VolumeTiff.read(file);
	}

	/** The file name of aligned scan {@code i}: t00.tif, t01.tif, … (shared with Apply Alignment). */
	static String alignedName(int i) {
		return String.format(Locale.ROOT, "t%02d.tif", i);
	}

	private String alignedInfo(List<String> names, int i) {
		return "Tomolyte aligned scan " + names.get(i) + " (reference " + names.get(reference) + ")";
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
