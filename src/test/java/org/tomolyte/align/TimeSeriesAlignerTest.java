package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/** The "Align Time Series" façade on synthetic operando scans with known drift, a tilted interface and changing liquid metal. */
class TimeSeriesAlignerTest {
	static final int W = 128, H = 128, D = 64;
	static final Affine3D M1 = Affine3D.rotationAbout(127, 127, 63, 0.3, 0.4, -1.1).then(Affine3D.translation(-5.3, 3.7, 2.4));
	static final Affine3D M2 = Affine3D.rotationAbout(127, 127, 63, -0.6, 0.2, 1.9).then(Affine3D.translation(8.6, -6.1, -3.3));

	/** Bright and dark blobs in the liquid metal above the interface: content that changes by design between scans. */
	static void changeLiquidMetal(Volume v, SyntheticCell cell, long seed) {
		Random r = new Random(seed);
		for (int b = 0; b < 40; b++) {
			double cx = 20 + 88 * r.nextDouble(), cy = 20 + 88 * r.nextDouble(), cz = cell.interfaceZ0 + 6 + 18 * r.nextDouble();
			double rad = 3 + 4 * r.nextDouble(), amp = r.nextBoolean() ? 0.4 : -0.15;
			for (int z = (int) (cz - rad); z <= cz + rad; z++)
				for (int y = (int) (cy - rad); y <= cy + rad; y++)
					for (int x = (int) (cx - rad); x <= cx + rad; x++)
						if (z >= 0 && z < D && (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz) <= rad * rad)
							v.set(x, y, z, v.get(x, y, z) + (float) amp);
		}
	}

	@Test
	void alignsLevelsAndCropsThreeScans() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 21, 0.015, 0.01);
		Volume s0 = cell.scan(Affine3D.identity(), 1), s1 = cell.scan(M1, 2), s2 = cell.scan(M2, 3);
		changeLiquidMetal(s2, cell, 4);
		AlignResult r = TimeSeriesAligner.align(Arrays.asList(s0, s1, s2), new AlignSettings().levelInterface(true), Progress.NONE);
		assertTrue(r.allConverged(), r.warnings().toString());
		assertNull(r.registrations().get(0));
		Affine3D level = r.interfaceResult().levelling();
		assertEquals(0, r.transforms().get(0).maxDifferenceUm(level, 256, 256, 128), 1e-9);
		Affine3D[] truth = { Affine3D.identity(), M1.inverse(), M2.inverse() };
		for (int i = 1; i < 3; i++) {
			Affine3D reg = r.registrations().get(i).transform();
			double err = SyntheticCell.rmsErrorVoxels(reg, truth[i], W, H, D);
			System.out.printf("time series scan %d: RMS error %.4f voxels%n", i, err);
			assertTrue(err <= 0.1, "scan " + i + " error " + err + " voxels: " + r.registrations().get(i));
			assertEquals(0, r.transforms().get(i).maxDifferenceUm(level.concatenate(reg), 256, 256, 128), 1e-9, "levelling composed after registration");
		}
		Table csv = r.transformTable();
		assertEquals(TransformTables.COLUMNS, csv.columns());
		assertEquals(3, csv.rowCount());
		assertEquals("t02", csv.get(2, "scan"));
		assertEquals(r.transforms().get(2).translationUm()[0], csv.getDouble(2, "tx_um"), 1e-12);
		assertTrue(r.residualTable().rowCount() > 20);
		// common field of view: smaller than a scan, and every aligned scan has content everywhere in it
		OutputGrid g = r.grid();
		assertTrue(g.width() < W && g.height() < H && g.depth() < D, g.toString());
		List<Volume> out = r.alignedVolumes();
		assertEquals(3, out.size());
		// aligned scans agree below the interface (electrolyte), and the interface is now level
		assertTrue(BlockMatcher.ncc(region(out.get(0), g), region(out.get(1), g)) > 0.8);
		InterfaceResult after = InterfaceLeveller.measure(out.get(1), new InterfaceSettings(), Progress.NONE);
		assertEquals(0, after.tiltDeg(), 0.1);
	}

	/** Electrolyte region of an aligned volume (lower third of the grid, away from the edges). */
	static float[] region(Volume v, OutputGrid g) {
		int nx = g.width() / 2, ny = g.height() / 2, nz = g.depth() / 3;
		float[] out = new float[nx * ny * nz];
		int i = 0;
		for (int z = 2; z < 2 + nz; z++)
			for (int y = g.height() / 4; y < g.height() / 4 + ny; y++)
				for (int x = g.width() / 4; x < g.width() / 4 + nx; x++)
					out[i++] = v.get(x, y, z);
		return out;
	}

	@Test
	void chainingAgreesWithTheDirectRegistration() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 22, 0, 0);
		Volume s0 = cell.scan(Affine3D.identity(), 1), s1 = cell.scan(M1, 2), s2 = cell.scan(M2, 3);
		AlignResult r = TimeSeriesAligner.align(Arrays.asList(s0, s1, s2), new AlignSettings().chain(true).keepAlignedVolumes(false), Progress.NONE);
		assertTrue(r.allConverged(), r.warnings().toString());
		assertTrue(r.registrations().get(2).message().contains("chain check"), r.registrations().get(2).message());
		assertTrue(SyntheticCell.rmsErrorVoxels(r.transforms().get(2), M2.inverse(), W, H, D) <= 0.15);
		assertTrue(r.alignedVolumes().isEmpty());
		// other channels and labels can be re-sampled with the stored transforms
		Volume labels = new Volume(W, H, D, SyntheticCell.VOXEL_UM);
		for (float[] s : labels.slices())
			Arrays.fill(s, 3f);
		float[][] got = new float[r.grid().depth()][];
		r.resample(2, labels, Interpolation.NEAREST, (z, s) -> got[z] = s, Progress.NONE);
		for (float[] s : got)
			for (float f : s)
				assertEquals(3f, f, 0f);
	}

	@Test
	void streamingAlignmentReadsSlicesAndWritesSlices() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 24, 0, 0);
		Volume s0 = cell.scan(Affine3D.identity(), 1), s1 = cell.scan(M1, 2);
		int[] reads = new int[2];
		List<SliceSource> sources = Arrays.asList(counting(s0, reads, 0), counting(s1, reads, 1));
		float[][][] out = new float[2][][];
		AlignResult r = TimeSeriesAligner.alignStreaming(sources, Arrays.asList("t00", "t01"), 2, new AlignSettings(), i -> {
			out[i] = new float[D][];
			return (z, slice) -> out[i][z] = slice;
		}, Progress.NONE);
		double err = SyntheticCell.rmsErrorVoxels(r.transforms().get(1), M1.inverse(), W, H, D);
		System.out.printf("streaming (registered at factor 2): RMS error %.4f voxels%n", err);
		assertTrue(err <= 0.1, "error " + err + " voxels at factor 2: " + r.registrations().get(1));
		// the streamed output equals the in-memory resampling through the same transform
		Volume direct = Resampler.resample(s1, r.transforms().get(1), r.grid(), Interpolation.LINEAR, 0f, 1, Progress.NONE);
		for (int z = 0; z < r.grid().depth(); z++)
			assertArrayEquals(direct.slice(z), out[1][z], 0f);
		// each slice is read once to downsample and about once more to resample, never the whole volume per output slice
		assertTrue(reads[1] < 4 * D, "slice reads " + reads[1]);
	}

	/** The copies' warnings (here a chain check) survive the full-resolution stage of a streamed run. */
	@Test
	void streamingKeepsTheCopiesWarnings() {
		SyntheticCell cell = new SyntheticCell(W, H, D, 24, 0, 0);
		List<SliceSource> sources = Arrays.asList(SliceSource.of(cell.scan(Affine3D.identity(), 1)), SliceSource.of(cell.scan(M1, 2)),
				SliceSource.of(cell.scan(M2, 3)));
		AlignResult r = TimeSeriesAligner.alignStreaming(sources, Arrays.asList("t00", "t01", "t02"), 2,
				new AlignSettings().chain(true).chainToleranceVoxels(1e-9).acceptUnconverged(true).levelInterface(false), i -> (z, sl) -> {}, Progress.NONE);
		assertTrue(r.warnings().stream().anyMatch(w -> w.contains("chained and direct")), "warnings: " + r.warnings());
		assertTrue(r.registrations().get(2).message().contains("full resolution"), r.registrations().get(2).message());
	}

	static SliceSource counting(Volume v, int[] reads, int i) {
		SliceSource s = SliceSource.of(v);
		return new SliceSource() {
			@Override public int width() { return s.width(); }
			@Override public int height() { return s.height(); }
			@Override public int depth() { return s.depth(); }
			@Override public double voxelXUm() { return s.voxelXUm(); }
			@Override public double voxelYUm() { return s.voxelYUm(); }
			@Override public double voxelZUm() { return s.voxelZUm(); }
			@Override public float[] slice(int z) {
				reads[i]++;
				return s.slice(z).clone();
			}
		};
	}

	@Test
	void badInputAndNonConvergenceAreReported() {
		SyntheticCell cell = new SyntheticCell(64, 64, 32, 23, 0, 0);
		Volume a = cell.scan(Affine3D.identity(), 1), b = cell.scan(Affine3D.translation(3, 2, 1), 2);
		Volume other = new Volume(64, 64, a.slices(), 2.0, 2.0, 3.0);
		AlignException e = assertThrows(AlignException.class, () -> TimeSeriesAligner.align(Arrays.asList(a, other), new AlignSettings(), Progress.NONE));
		assertTrue(e.getMessage().contains("t01"), e.getMessage());
		assertThrows(AlignException.class, () -> TimeSeriesAligner.align(Arrays.asList(a, b), new AlignSettings().referenceIndex(5), Progress.NONE));
		// read slice by slice: refused before a single slice is read
		int[] reads = new int[2];
		AlignException es = assertThrows(AlignException.class, () -> TimeSeriesAligner.alignStreaming(Arrays.asList(counting(a, reads, 0), counting(other, reads, 1)),
				Arrays.asList("t00", "t01"), 2, new AlignSettings(), i -> (z, sl) -> {}, Progress.NONE));
		assertTrue(es.getMessage().contains("t01") && es.getMessage().contains("voxel size"), es.getMessage());
		assertEquals(0, reads[0] + reads[1], "slices read before the calibration check");
		AlignException nc = assertThrows(AlignException.class,
				() -> TimeSeriesAligner.align(Arrays.asList(a, b), new AlignSettings().maxIterations(1).toleranceVoxels(1e-6), Progress.NONE));
		assertTrue(nc.getMessage().contains("did not converge") && nc.getMessage().contains("residuals"), nc.getMessage());
		AlignResult flagged = TimeSeriesAligner.align(Arrays.asList(a, b), new AlignSettings().maxIterations(1).toleranceVoxels(1e-6).acceptUnconverged(true),
				Progress.NONE);
		assertFalse(flagged.allConverged());
		assertFalse(flagged.warnings().isEmpty());
		assertTrue(flagged.transformTable().getDouble(1, "residual_um") >= 0);
	}
}
