package org.tomolyte.synth.cell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/**
 * Writes a {@link SyntheticCellData} as a folder, all files together or none (staged through
 * {@link OutputFolder}):
 *
 * <pre>
 * scans/t00.tif …            32-bit stacks, µ in cm⁻¹, calibrated (voxel size in µm), one per scan, scan frame
 * labels/t00.tif …           8-bit stacks, labels 0 air, 1 housing, 2 electrolyte, 3 liquid metal, 4 void, 5 crack, 6 chip
 * scans.csv                  scan,file,start_s,capacity_mah_cm2   (file relative to the folder: scans/t00.tif)
 * transforms_truth.csv       scan,m00,…,m23,tx_um,ty_um,tz_um,rx_deg,ry_deg,rz_deg,residual_um — the truth in the
 *                            column layout of the alignment's transforms.csv (scan → reference, µm; residual 0)
 * tracks_truth.csv           scan,time_s,capacity_mah_cm2,track_id,kind,event,depth_um,length_um,area_um2,volume_um3,
 *                            opening_um,infiltrated — the truth in the layout of the crack tracker's tracks.csv
 * interface_truth.csv        scan,contact_fraction,contact_area_um2,roughness_rms_um,tilt_deg,tilt_scan_deg,mean_height_um
 * truth.json                 {@link CellTruth} (gson)
 * projections/angles.txt     projection angles in degrees, one per line (shared by all slices)
 * projections/slice_NNN_sino.tif   32-bit raw counts, width = detector columns, height = angles (NNN = slice in the scan frame)
 * projections/slice_NNN_flats.tif  32-bit flat-field counts, one row per frame
 * projections/slice_NNN_darks.tif  32-bit dark-field counts, one row per frame
 * projections/slice_NNN_exact.tif  32-bit exact slice, µ in cm⁻¹ (the ground truth of a reconstruction)
 * </pre>
 *
 * The electrochemistry (trace, spectra) is added beside these files by the caller; scan start times can be
 * given so {@code scans.csv} matches that trace (capacities stay those of the phantom's states).
 */
public final class SyntheticCellWriter {
	private SyntheticCellWriter() {}

	/** Writes with the scan start times of the parameters. */
	public static void write(SyntheticCellData data, Path dir) throws IOException {
		write(data, dir, null, Progress.NONE);
	}

	/**
	 * Writes the folder from data in memory.
	 *
	 * @param scanStartS start time of each scan in s, or null for the parameters' times (default 0, 600, 1200 … s)
	 * @throws IOException if a file cannot be written (the folder is then left as it was)
	 */
	public static void write(SyntheticCellData data, Path dir, double[] scanStartS, Progress progress) throws IOException {
		write(dir, data.parameters(), data.truth(), data.projections(), scanStartS, i -> new RenderedScan(data.scans().get(i), data.labels().get(i)), progress);
	}

	/**
	 * Renders and writes one scan at a time (memory for one scan only), for full-size stress runs.
	 *
	 * @param scanStartS start time of each scan in s, or null for the parameters' times
	 */
	public static void write(SyntheticCellSeries series, Path dir, double[] scanStartS, Progress progress) throws IOException {
		int n = series.scanCount();
		write(dir, series.parameters(), series.truth(), series.projections(), scanStartS, i -> series.render(i, progress.sub((double) i / (n + 1), (i + 0.9) / (n + 1))),
				progress);
	}

	private static void write(Path dir, CellParameters params, CellTruth truth, List<ProjectionData> projections, double[] scanStartS,
			IntFunction<RenderedScan> scans, Progress progress) throws IOException {
		int n = params.scanCount();
		double[] starts = scanStartS != null ? scanStartS.clone() : params.scanStartS();
		if (starts.length != n)
			throw new IllegalArgumentException("scanStartS has " + starts.length + " values but the synthetic cell has " + n + " scans");
		try (OutputFolder out = OutputFolder.open(dir)) {
			Table scanTable = new Table("scans", "scan", "file", "start_s", "capacity_mah_cm2");
			for (int i = 0; i < n; i++) {
				progress.checkCancelled();
				RenderedScan r = scans.apply(i);
				String name = String.format(Locale.ROOT, "t%02d.tif", i);
				saveFloatStack(r.scan(), "scan " + i, out.file("scans/" + name));
				saveLabelStack(r.labels(), "labels " + i, out.file("labels/" + name));
				scanTable.addRow(i, "scans/" + name, starts[i], truth.scans.get(i).capacityMahCm2);
				progress.report((i + 1.0) / (n + 1), "Wrote scan " + i);
			}
			CsvTables.write(scanTable, out.file("scans.csv"));
			CsvTables.write(TruthTables.transforms(truth), out.file("transforms_truth.csv"));
			CsvTables.write(TruthTables.tracks(truth, starts), out.file("tracks_truth.csv"));
			CsvTables.write(TruthTables.interfaces(truth), out.file("interface_truth.csv"));
			Files.write(out.file("truth.json"), TruthJson.toJson(truth).getBytes(StandardCharsets.UTF_8));
			boolean anglesWritten = false;
			for (ProjectionData pd : projections) {
				String base = String.format(Locale.ROOT, "projections/slice_%03d_", pd.slice());
				saveRows(pd.sinogramCounts(), "sinogram slice " + pd.slice(), out.file(base + "sino.tif"));
				saveRows(pd.flats(), "flats slice " + pd.slice(), out.file(base + "flats.tif"));
				saveRows(pd.darks(), "darks slice " + pd.slice(), out.file(base + "darks.tif"));
				Volume exact = new Volume(pd.sliceWidth(), pd.sliceHeight(), new float[][] { pd.exactSlice() }, params.voxelUm(), params.voxelUm(), params.voxelUm());
				saveFloatStack(exact, "exact slice " + pd.slice(), out.file(base + "exact.tif"));
				if (!anglesWritten) {
					try (BufferedWriter w = Files.newBufferedWriter(out.file("projections/angles.txt"), StandardCharsets.UTF_8)) {
						for (double a : pd.anglesDeg()) w.write(Double.toString(a) + "\n");
					}
					anglesWritten = true;
				}
			}
			out.commit();
			progress.report(1, "Synthetic cell written to " + dir);
		}
	}

	private static void saveFloatStack(Volume v, String title, Path file) throws IOException {
		ImageStack stack = new ImageStack(v.width(), v.height());
		for (int z = 0; z < v.depth(); z++) stack.addSlice(new FloatProcessor(v.width(), v.height(), v.slice(z)));
		ImagePlus imp = new ImagePlus(title, stack);
		calibrate(imp, v);
		imp.getCalibration().setValueUnit("cm^-1");
		save(imp, file);
	}

	private static void saveLabelStack(Volume v, String title, Path file) throws IOException {
		ImageStack stack = new ImageStack(v.width(), v.height());
		for (int z = 0; z < v.depth(); z++) {
			float[] s = v.slice(z);
			byte[] b = new byte[s.length];
			for (int i = 0; i < s.length; i++) b[i] = (byte) Math.round(s[i]);
			stack.addSlice(new ByteProcessor(v.width(), v.height(), b));
		}
		ImagePlus imp = new ImagePlus(title, stack);
		calibrate(imp, v);
		save(imp, file);
	}

	private static void saveRows(float[][] rows, String title, Path file) throws IOException {
		int w = rows[0].length;
		float[] px = new float[rows.length * w];
		for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, px, r * w, w);
		save(new ImagePlus(title, new FloatProcessor(w, rows.length, px)), file);
	}

	private static void calibrate(ImagePlus imp, Volume v) {
		Calibration c = imp.getCalibration();
		c.pixelWidth = v.voxelXUm();
		c.pixelHeight = v.voxelYUm();
		c.pixelDepth = v.voxelZUm();
		c.setUnit("micron");
	}

	private static void save(ImagePlus imp, Path file) throws IOException {
		FileSaver fs = new FileSaver(imp);
		boolean ok = imp.getStackSize() > 1 ? fs.saveAsTiffStack(file.toString()) : fs.saveAsTiff(file.toString());
		if (!ok) throw new IOException("Could not write TIFF " + file);
	}
}
