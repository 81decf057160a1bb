package org.tomolyte.command.align;

import static org.tomolyte.command.align.OutputChecks.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.align.Affine3D;
import org.tomolyte.align.AlignmentFiles;
import org.tomolyte.align.OutputGrid;
import org.tomolyte.align.TransformTables;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.task.Progress;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ShortProcessor;

/**
 * "Apply Alignment" re-applies an Align Time Series folder: on the aligned scans themselves it reproduces Align
 * Time Series' own t00.tif… (with grid.csv, and without it from the fallback grid); label images keep their
 * label values and land on the aligned grey structure; mismatched inputs are refused, naming the files, with
 * nothing written. Also: Align Time Series writes a readable grid.csv in both memory modes, whose origin is the
 * centre of output voxel (0,0,0) in the reference frame.
 */
class ApplyAlignmentCommandTest {
	/** 1.25 µm voxels: exact in the TIFF resolution, so the files carry exactly the generator's calibration. */
	private static final double VOXEL_UM = 1.25;
	/** Label values of the thresholded scans: above 255, so a 16-bit file is needed and read exactly. */
	private static final float[] LABELS = { 0, 7, 300 };
	/** Grey thresholds (µ, cm⁻¹) between air/void (0), liquid metal, O-ring and collector (0.22–0.56) and electrolyte (1.40). */
	private static final double[] THRESHOLDS = { 0.11, 0.98 };

	@TempDir
	static Path shared;
	private static Path scans, labels, aligned;
	private static List<Volume> volumes;

	@BeforeAll
	static void alignOnce() throws Exception {
		CellParameters p = CellParameters.defaults().toBuilder().seed(7).scanStartS(0, 600, 1200).voxelUm(VOXEL_UM).projections(null).build();
		volumes = SyntheticCell.generate(p, Progress.NONE).scans();
		scans = shared.resolve("scans");
		labels = shared.resolve("labels");
		Files.createDirectories(scans);
		Files.createDirectories(labels);
		for (int i = 0; i < volumes.size(); i++) {
			VolumeTiff.write(volumes.get(i), scans.resolve(name(i)), "scan " + i);
			saveLabels16(classify(volumes.get(i)), labels.resolve(name(i)));
		}
		aligned = shared.resolve("aligned");
		TestCommands.runner().run("Align Time Series", "input=[" + scans + "] level_interface=true memory=load output=[" + aligned + "]");
	}

	/** Scan names that look like numbers (files 001.tif, 002.tif …) keep their text in pairs.csv (they used to become 1, 2 …). */
	@Test
	void numericScanNamesStayText(@TempDir Path dir) throws Exception {
		Path alignment = Files.createDirectories(dir.resolve("alignment"));
		List<String> lines = Files.readAllLines(aligned.resolve("transforms.csv"), java.nio.charset.StandardCharsets.UTF_8);
		for (int i = 1; i < lines.size(); i++)
			lines.set(i, String.format(Locale.ROOT, "%03d", i) + lines.get(i).substring(lines.get(i).indexOf(',')));
		Files.write(alignment.resolve("transforms.csv"), lines, java.nio.charset.StandardCharsets.UTF_8);
		Files.copy(aligned.resolve("grid.csv"), alignment.resolve("grid.csv"));
		Path out = dir.resolve("out");
		TestCommands.runner().run("Apply Alignment", "alignment=[" + alignment + "] input=[" + labels + "] interpolation=nearest output=[" + out + "]");
		List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"), java.nio.charset.StandardCharsets.UTF_8);
		for (int i = 1; i <= volumes.size(); i++)
			assertTrue(pairs.get(i).startsWith(String.format(Locale.ROOT, "%03d,", i)), "pairs.csv row " + i + ": " + pairs.get(i));
	}

	/** Apply Alignment with linear on the aligned scans gives Align Time Series' t00.tif… (same grid, same calibration, same voxels). */
	@Test
	void linearOnTheAlignedScansReproducesTheAlignedFiles(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		TestCommands.runner().run("Apply Alignment", "alignment=[" + aligned + "] input=[" + scans + "] interpolation=linear output=[" + out + "]");
		List<Affine3D> t = TransformTables.fromTable(CsvTables.read(aligned.resolve("transforms.csv")));
		Volume v0 = volumes.get(0);
		double moved = 0;
		for (Affine3D a : t)
			moved = Math.max(moved, a.maxDifferenceUm(Affine3D.identity(), v0.width() * VOXEL_UM, v0.height() * VOXEL_UM, v0.depth() * VOXEL_UM) / VOXEL_UM);
		assertTrue(moved > 1, "drift and levelling move the scans by more than a voxel: " + moved);

		OutputGrid g = AlignmentFiles.gridFromTable(CsvTables.read(aligned.resolve("grid.csv")));
		assertTrue(g.width() < v0.width() || g.height() < v0.height() || g.depth() < v0.depth(), "the grid is a crop: " + g);
		for (int i = 0; i < volumes.size(); i++) {
			Volume want = VolumeTiff.read(aligned.resolve(name(i))), got = VolumeTiff.read(out.resolve(name(i)));
			assertSameGridAndCalibration(want, got, name(i));
			double worst = maxAbsDifference(want, got);
			System.out.printf(Locale.ROOT, "%s: Apply Alignment (linear) vs Align Time Series: max |difference| %g (grey range about 1.4)%n", name(i), worst);
			assertTrue(worst <= 1e-5, name(i) + ": max |difference| " + worst);
			ImagePlus imp = new Opener().openImage(out.resolve(name(i)).toString());
			assertEquals(VOXEL_UM, imp.getCalibration().pixelDepth, 1e-9, "ImageJ reads the slice spacing of " + name(i));
		}
		Table pairs = CsvTables.read(out.resolve("pairs.csv"));
		assertEquals(Arrays.asList("scan", "input", "output"), pairs.columns());
		assertEquals(volumes.size(), pairs.rowCount());
		for (int i = 0; i < volumes.size(); i++) {
			assertEquals(String.format(Locale.ROOT, "t%02d", i), String.valueOf(pairs.get(i, "scan")), "transform row " + i);
			assertEquals(scans.resolve(name(i)).toString(), String.valueOf(pairs.get(i, "input")), "input of row " + i);
			assertEquals(name(i), String.valueOf(pairs.get(i, "output")), "output of row " + i);
		}
		assertEquals(files(out), new TreeSet<>(Arrays.asList("pairs.csv", "t00.tif", "t01.tif", "t02.tif")));
	}

	/**
	 * Labels (the scans thresholded into 0, 7, 300, saved 16-bit by ImageJ) resampled with nearest keep exactly
	 * the input's label values and agree with Align Time Series' aligned grey scans thresholded alike on at least
	 * 98 % of the voxels; at the phase boundaries they agree clearly better than if they were one voxel off.
	 * Linear blends labels into values that are no label, which is what nearest is for.
	 */
	@Test
	void nearestKeepsLabelValuesAndPutsThemOnTheAlignedStructure(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("nearest"), blended = dir.resolve("linear");
		TestCommands.runner().run("Apply Alignment", "alignment=[" + aligned + "] input=[" + labels + "] interpolation=nearest output=[" + out + "]");
		TestCommands.runner().run("Apply Alignment", "alignment=[" + aligned + "] input=[" + labels + "] output=[" + blended + "]");
		for (int i = 0; i < volumes.size(); i++) {
			Volume in = VolumeTiff.read(labels.resolve(name(i))), lab = VolumeTiff.read(out.resolve(name(i))), grey = VolumeTiff.read(aligned.resolve(name(i)));
			assertSameGridAndCalibration(grey, lab, name(i));
			Set<Float> inputValues = values(in), outputValues = values(lab);
			assertEquals(new TreeSet<>(Arrays.asList(0f, 7f, 300f)), inputValues, "the 16-bit label file reads back exactly");
			assertTrue(inputValues.containsAll(outputValues), name(i) + ": nearest gives only input labels, got " + outputValues);
			assertEquals(inputValues, outputValues, name(i) + ": every label survives");
			Set<Float> linearValues = values(VolumeTiff.read(blended.resolve(name(i))));
			assertFalse(inputValues.containsAll(linearValues), name(i) + ": linear blends labels (so the check above can fail)");

			Volume expected = classify(grey);
			assertEquals(1.0, agreement(classify(volumes.get(i)), in, 0, 0, 0, false), 1e-12, "the labels are the thresholded scan");
			double all = agreement(expected, lab, 0, 0, 0, false), edges = agreement(expected, lab, 0, 0, 0, true), shiftedEdges = 0;
			for (int k = 0; k < 6; k++) {
				int step = k < 3 ? 1 : -1;
				double e = agreement(expected, lab, k % 3 == 0 ? step : 0, k % 3 == 1 ? step : 0, k % 3 == 2 ? step : 0, true);
				shiftedEdges = Math.max(shiftedEdges, e);
			}
			System.out.printf(Locale.ROOT, "%s: aligned labels agree with the thresholded aligned grey on %.2f %% of voxels, %.1f %% of those at a "
					+ "phase boundary (%.1f %% at best when moved by one voxel)%n", name(i), 100 * all, 100 * edges, 100 * shiftedEdges);
			assertTrue(all >= 0.98, name(i) + ": aligned labels agree with the aligned grey on " + all);
			// measured: 85–88 % in place, 75–77 % at best one voxel off (noise speckle keeps the first below 100 %)
			assertTrue(shiftedEdges < edges - 0.05, name(i) + ": one voxel off would show at the boundaries: " + shiftedEdges + " vs " + edges);
		}
	}

	/** An alignment folder from before grid.csv: the fallback grid (common field of view on the reference's voxels) is Align Time Series' own, with a warning. */
	@Test
	void withoutGridCsvTheFallbackGridIsTheAlignedOneAndWarns(@TempDir Path dir) throws Exception {
		Path old = copyOf(aligned, dir.resolve("old"));
		Files.delete(old.resolve("grid.csv"));
		Path out = dir.resolve("out");
		ApplyAlignmentCommand c = (ApplyAlignmentCommand) TestCommands.runner()
				.run("Apply Alignment", "alignment=[" + old + "] input=[" + scans + "] output=[" + out + "]").getDelegateObject();
		assertEquals(1, c.warnings().size(), c.warnings().toString());
		assertTrue(c.warnings().get(0).contains("no grid.csv") && c.warnings().get(0).contains(old.toString()), c.warnings().get(0));
		for (int i = 0; i < volumes.size(); i++) {
			Volume want = VolumeTiff.read(aligned.resolve(name(i))), got = VolumeTiff.read(out.resolve(name(i)));
			assertSameGridAndCalibration(want, got, name(i));
			assertTrue(maxAbsDifference(want, got) <= 1e-5, name(i));
		}
		ApplyAlignmentCommand withGrid = (ApplyAlignmentCommand) TestCommands.runner()
				.run("Apply Alignment", "alignment=[" + aligned + "] input=[" + scans + "] output=[" + dir.resolve("out2") + "]").getDelegateObject();
		assertEquals(new ArrayList<String>(), withGrid.warnings(), "no warning with grid.csv");
	}

	/** The grid comes from grid.csv: a grid edited to start (2, 1, 1) voxels further in and be smaller gives that block of the aligned scans. */
	@Test
	void followsTheGridOfGridCsv(@TempDir Path dir) throws Exception {
		Path edited = copyOf(aligned, dir.resolve("edited"));
		OutputGrid g = AlignmentFiles.gridFromTable(CsvTables.read(aligned.resolve("grid.csv")));
		OutputGrid smaller = new OutputGrid(g.width() - 4, g.height() - 2, g.depth() - 3, g.voxelXUm(), g.voxelYUm(), g.voxelZUm(), g.originXUm() + 2 * g.voxelXUm(),
				g.originYUm() + g.voxelYUm(), g.originZUm() + g.voxelZUm());
		CsvTables.write(AlignmentFiles.gridTable(smaller), edited.resolve("grid.csv"));
		Path out = dir.resolve("out");
		TestCommands.runner().run("Apply Alignment", "alignment=[" + edited + "] input=[" + scans + "] output=[" + out + "]");
		Volume want = VolumeTiff.read(aligned.resolve("t01.tif")), got = VolumeTiff.read(out.resolve("t01.tif"));
		assertEquals(Arrays.asList(smaller.width(), smaller.height(), smaller.depth()), Arrays.asList(got.width(), got.height(), got.depth()));
		double worst = 0;
		for (int z = 0; z < got.depth(); z++)
			for (int y = 0; y < got.height(); y++)
				for (int x = 0; x < got.width(); x++)
					worst = Math.max(worst, Math.abs(got.get(x, y, z) - want.get(x + 2, y + 1, z + 1)));
		assertTrue(worst <= 1e-5, "t01.tif on the edited grid is the block of the aligned scan from (2, 1, 1); worst difference " + worst);
	}

	@Test
	void refusesMismatchedInputsNamingTheFilesAndWritesNothing(@TempDir Path dir) throws Exception {
		// fewer scans than transforms
		Path two = dir.resolve("two");
		Files.createDirectories(two);
		Files.copy(scans.resolve("t00.tif"), two.resolve("t00.tif"));
		Files.copy(scans.resolve("t01.tif"), two.resolve("t01.tif"));
		Path out = dir.resolve("out");
		String m = refused("alignment=[" + aligned + "] input=[" + two + "] output=[" + out + "]");
		assertTrue(m.contains(two.toString()) && m.contains(aligned.resolve("transforms.csv").toString()) && m.contains("2 scan(s)") && m.contains("3 transform(s)"), m);
		assertNothingWritten(dir, out);

		// no transforms.csv
		Path empty = dir.resolve("empty");
		Files.createDirectories(empty);
		m = refused("alignment=[" + empty + "] input=[" + scans + "] output=[" + out + "]");
		assertTrue(m.contains("No transforms.csv in " + empty), m);
		assertNothingWritten(dir, out);

		// a scan calibrated otherwise than the grid
		Path odd = copyOf(scans, dir.resolve("odd"));
		Volume v = volumes.get(2);
		VolumeTiff.write(new Volume(v.width(), v.height(), v.slices(), 1.5, 1.5, 1.5), odd.resolve("t02.tif"), "another voxel size");
		m = refused("alignment=[" + aligned + "] input=[" + odd + "] output=[" + out + "]");
		assertTrue(m.contains(odd.resolve("t02.tif").toString()) && m.contains("1.5") && m.contains("1.25"), m);
		assertNothingWritten(dir, out);

		// writing into the alignment folder would replace its aligned scans
		byte[] before = Files.readAllBytes(aligned.resolve("t01.tif"));
		m = refused("alignment=[" + aligned + "] input=[" + labels + "] output=[" + aligned + "]");
		assertTrue(m.contains(aligned.toString()) && m.contains("alignment folder"), m);
		assertArrayEquals(before, Files.readAllBytes(aligned.resolve("t01.tif")), "aligned scans untouched");
	}

	/** Stopped while the second scan is being written: nothing is left. */
	@Test
	void stoppingHalfWayLeavesNothing(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		assertStoppingWhileWritingLeavesNothing(dir, out, "Apply Alignment", "alignment=[" + aligned + "] input=[" + scans + "] output=[" + out + "]");
	}

	/**
	 * grid.csv in both memory modes: one row of the documented columns giving the aligned files' size and
	 * calibration. Streamed without levelling, the reference keeps the identity, so its aligned file is the scan
	 * cropped at origin / voxel size: the origin is the centre of voxel (0,0,0). Apply Alignment on the streamed
	 * folder reproduces the streamed files.
	 */
	@Test
	void gridCsvInBothMemoryModesSaysWhereTheAlignedVoxelsAre(@TempDir Path dir) throws Exception {
		Path stream = dir.resolve("stream");
		TestCommands.runner().run("Align Time Series", "input=[" + scans + "] level_interface=false memory=stream downsample=2 output=[" + stream + "]");
		for (Path folder : new Path[] { aligned, stream }) {
			List<String> lines = Files.readAllLines(folder.resolve("grid.csv"));
			assertEquals(2, lines.size(), folder + ": header and one row");
			assertEquals("width,height,depth,voxel_x_um,voxel_y_um,voxel_z_um,first_voxel_centre_x_um,first_voxel_centre_y_um,first_voxel_centre_z_um", lines.get(0));
			OutputGrid g = AlignmentFiles.gridFromTable(CsvTables.read(folder.resolve("grid.csv")));
			for (int i = 0; i < volumes.size(); i++) {
				Volume a = VolumeTiff.read(folder.resolve(name(i)));
				assertEquals(Arrays.asList(a.width(), a.height(), a.depth()), Arrays.asList(g.width(), g.height(), g.depth()), folder + " " + name(i) + " size");
				assertEquals(Arrays.asList(a.voxelXUm(), a.voxelYUm(), a.voxelZUm()), Arrays.asList(g.voxelXUm(), g.voxelYUm(), g.voxelZUm()), folder + " " + name(i));
			}
		}
		List<Affine3D> t = TransformTables.fromTable(CsvTables.read(stream.resolve("transforms.csv")));
		assertEquals(0, t.get(0).maxDifferenceUm(Affine3D.identity(), 100, 100, 100), 1e-12, "the reference is not moved without levelling");
		OutputGrid g = AlignmentFiles.gridFromTable(CsvTables.read(stream.resolve("grid.csv")));
		int ox = (int) Math.round(g.originXUm() / VOXEL_UM), oy = (int) Math.round(g.originYUm() / VOXEL_UM), oz = (int) Math.round(g.originZUm() / VOXEL_UM);
		assertEquals(ox * VOXEL_UM, g.originXUm(), 1e-9, "a whole-voxel crop");
		assertTrue(ox + oy + oz > 0, "the drift crops the reference: origin " + g);
		Volume scan0 = volumes.get(0), out0 = VolumeTiff.read(stream.resolve("t00.tif"));
		double worst = 0;
		for (int z = 0; z < g.depth(); z++)
			for (int y = 0; y < g.height(); y++)
				for (int x = 0; x < g.width(); x++)
					worst = Math.max(worst, Math.abs(out0.get(x, y, z) - scan0.get(x + ox, y + oy, z + oz)));
		assertTrue(worst <= 1e-5, "t00.tif voxel (i,j,k) is scan voxel (i,j,k) + origin/voxel; worst difference " + worst);

		Path out = dir.resolve("applied");
		TestCommands.runner().run("Apply Alignment", "alignment=[" + stream + "] input=[" + scans + "] output=[" + out + "]");
		for (int i = 0; i < volumes.size(); i++)
			assertTrue(maxAbsDifference(VolumeTiff.read(stream.resolve(name(i))), VolumeTiff.read(out.resolve(name(i)))) <= 1e-5, name(i));
	}

	private static String refused(String options) {
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> TestCommands.runner().run("Apply Alignment", options));
		return e.getMessage();
	}

	private static String name(int i) {
		return String.format(Locale.ROOT, "t%02d.tif", i);
	}

	/** The scan thresholded into {@link #LABELS}. */
	private static Volume classify(Volume v) {
		Volume out = v.emptyLike();
		for (int z = 0; z < v.depth(); z++) {
			float[] s = v.slice(z), o = out.slice(z);
			for (int k = 0; k < s.length; k++)
				o[k] = s[k] < THRESHOLDS[0] ? LABELS[0] : s[k] < THRESHOLDS[1] ? LABELS[1] : LABELS[2];
		}
		return out;
	}

	/** Saves labels as a calibrated 16-bit stack with ImageJ's own writer. */
	private static void saveLabels16(Volume v, Path file) {
		ImageStack st = new ImageStack(v.width(), v.height());
		for (int z = 0; z < v.depth(); z++) {
			short[] px = new short[v.width() * v.height()];
			float[] s = v.slice(z);
			for (int k = 0; k < px.length; k++)
				px[k] = (short) Math.round(s[k]);
			st.addSlice(new ShortProcessor(v.width(), v.height(), px, null));
		}
		ImagePlus imp = new ImagePlus("labels", st);
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = imp.getCalibration().pixelDepth = v.voxelXUm();
		imp.getCalibration().setUnit("micron");
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()), "ImageJ saved " + file);
	}

	/**
	 * Fraction of voxels where {@code a} at (x, y, z) equals {@code b} at (x + dx, y + dy, z + dz), over the
	 * overlap (one voxel in from every face); with {@code edges}, only where {@code a} has a 6-neighbour of
	 * another value, the phase boundaries, where a misplacement shows.
	 */
	private static double agreement(Volume a, Volume b, int dx, int dy, int dz, boolean edges) {
		long same = 0, all = 0;
		for (int z = 1; z < a.depth() - 1; z++)
			for (int y = 1; y < a.height() - 1; y++)
				for (int x = 1; x < a.width() - 1; x++) {
					float v = a.get(x, y, z);
					if (edges && v == a.get(x - 1, y, z) && v == a.get(x + 1, y, z) && v == a.get(x, y - 1, z) && v == a.get(x, y + 1, z) && v == a.get(x, y, z - 1)
							&& v == a.get(x, y, z + 1))
						continue;
					all++;
					if (v == b.get(x + dx, y + dy, z + dz)) same++;
				}
		return same / (double) all;
	}

	private static Set<Float> values(Volume v) {
		Set<Float> s = new TreeSet<>();
		for (float[] sl : v.slices())
			for (float f : sl)
				s.add(f);
		return s;
	}

	private static double maxAbsDifference(Volume a, Volume b) {
		double worst = 0;
		for (int z = 0; z < a.depth(); z++)
			for (int k = 0; k < a.slice(z).length; k++)
				worst = Math.max(worst, Math.abs(a.slice(z)[k] - b.slice(z)[k]));
		return worst;
	}

	private static void assertSameGridAndCalibration(Volume want, Volume got, String what) {
		assertEquals(Arrays.asList(want.width(), want.height(), want.depth()), Arrays.asList(got.width(), got.height(), got.depth()), what + " size");
		assertEquals(Arrays.asList(want.voxelXUm(), want.voxelYUm(), want.voxelZUm()), Arrays.asList(got.voxelXUm(), got.voxelYUm(), got.voxelZUm()),
				what + " voxel size");
	}

}
