package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.ProjectionData;
import org.tomolyte.synth.cell.ProjectionParameters;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.task.Progress;
import org.tomolyte.tomo.stripes.StripeFilters;

/**
 * Centre of rotation and reconstruction against the synthetic cell's projection mode, whose truth is exact: the
 * generator states s = (x − xc)·cosθ + (y − yc)·sinθ + centreOfRotationPx (detector pixel j centred at j) and
 * gives the exact µ slice. The raw counts carry Poisson noise, a dead column, partially responding columns
 * (stripes) and zingers, and go through the same chain as the commands: flat field, zingers, stripe filter.
 */
class SyntheticCellTomoTest {
	/** The "Find Rotation Center" / "Reconstruct Slices" defaults: zinger=0.08 (both signs), rings=sorting. */
	private static UnaryOperator<float[][]> commandDefaults() {
		Zingers.Settings z = Zingers.Settings.DEFAULT.withThreshold(0.08).withPolarity(Zingers.Polarity.BOTH);
		return s -> StripeFilters.defaultFilter().apply(Zingers.remove(s, z).image);
	}

	private static UnaryOperator<float[][]> zingersOnly() {
		Zingers.Settings z = Zingers.Settings.DEFAULT.withThreshold(0.08).withPolarity(Zingers.Polarity.BOTH);
		return s -> Zingers.remove(s, z).image;
	}

	private static ProjectionData cell(long seed, ProjectionParameters pp) {
		CellParameters p = CellParameters.defaults().toBuilder().seed(seed).projections(pp).build();
		return SyntheticCell.open(p, Progress.NONE).projections().get(0);
	}

	private static double[] anglesRad(ProjectionData pd) {
		double[] deg = pd.anglesDeg();
		double[] a = new double[deg.length];
		for (int i = 0; i < a.length; i++)
			a[i] = Math.toRadians(deg[i]);
		return a;
	}

	private static ProjectionSet raw(ProjectionData pd) {
		return new ProjectionSet(pd.detectorWidth(), 1, 0, pd.sinogramCounts(), anglesRad(pd), pd.flats(), null, pd.darks(),
				pd.truth().pixelUm, ProjectionSet.Kind.COUNTS, "synthetic cell slice " + pd.slice());
	}

	@Test
	void noiseFreeLineIntegralsShareTheGeneratorsConvention() {
		// Both methods on the ideal sinogram: any half-pixel convention mismatch would show here.
		ProjectionData pd = cell(1, ProjectionParameters.builder().build());
		double truth = pd.truth().centreOfRotationPx;
		double[] both = FindCenter.ofSinogram(pd.lineIntegrals(), anglesRad(pd), new FindCenter.Settings());
		System.out.printf("noise-free: truth %.3f, Vo %.3f, phase correlation %.3f%n", truth, both[0], both[1]);
		assertEquals(truth, both[0], 0.05);
		assertEquals(truth, both[1], 0.05);
	}

	@Test
	void exactSliceIsBestReconstructedAtTheStatedCentre() {
		// The generator's convention judged by the exact µ slice: the noise-free sinogram reconstructs best at the
		// stated centre, not half a pixel to either side.
		ProjectionData pd = cell(1, ProjectionParameters.builder().build());
		double truth = pd.truth().centreOfRotationPx;
		double k = 1 / (pd.truth().muScale * pd.truth().pixelUm * 1e-4);
		double[] e = new double[5];
		for (int i = 0; i < 5; i++) {
			double c = truth + 0.25 * (i - 2);
			e[i] = error(Reconstructor.reconstruct(pd.lineIntegrals(), anglesRad(pd), pd.truth().pixelUm,
					new Reconstructor.Settings().center(c).filter(FilterWindow.RAM_LAK)), pd, k)[0];
		}
		System.out.printf("noise-free RMS error at centre truth −0.5, −0.25, 0, +0.25, +0.5 px: %.3f %.3f %.3f %.3f %.3f %%%n", 100 * e[0], 100 * e[1],
				100 * e[2], 100 * e[3], 100 * e[4]);
		for (int i : new int[] { 0, 1, 3, 4 })
			assertTrue(e[2] < e[i], "the stated centre reconstructs best (offset " + 0.25 * (i - 2) + " px)");
	}

	@Test
	void centreWithinAQuarterPixelOfTheTruthForSeveralSeeds() {
		for (long seed : new long[] { 1, 2, 3 }) {
			ProjectionData pd = cell(seed, ProjectionParameters.builder().build());
			double truth = pd.truth().centreOfRotationPx;
			assertTrue(pd.truth().deadColumns.length > 0 && pd.truth().partialColumns.length > 0, "the scan has stripes to cope with");
			FindCenter.Result byDefault = FindCenter.run(raw(pd), new FindCenter.Settings().preprocess(commandDefaults()), Progress.NONE);
			FindCenter.Result noRings = FindCenter.run(raw(pd), new FindCenter.Settings().preprocess(zingersOnly()), Progress.NONE);
			System.out.printf("seed %d: truth %.3f; zinger+sorting: Vo %.3f PC %.3f; zinger only: Vo %.3f PC %.3f%n", seed, truth,
					byDefault.voPx[0], byDefault.phaseCorrelationPx[0], noRings.voPx[0], noRings.phaseCorrelationPx[0]);
			assertEquals(truth, byDefault.voPx[0], 0.25, "Vo after the default zinger and sorting filters, seed " + seed);
			// the dead column is filled by the flat field, so the search needs no stripe filter
			assertEquals(truth, noRings.voPx[0], 0.25, "Vo without ring removal, seed " + seed);
			assertEquals(truth, noRings.phaseCorrelationPx[0], 0.25, "phase correlation without ring removal, seed " + seed);
			// Phase correlation rests on the single 0°/180° pair (extrapolated to 180°), two noisy rows, and the
			// sorting filter's residues at fixed detector columns are not mirrored: a wider, stated tolerance.
			assertEquals(truth, byDefault.phaseCorrelationPx[0], 0.4, "phase correlation after sorting, seed " + seed);
			assertEquals(byDefault.voPx[0], byDefault.phaseCorrelationPx[0], 0.5, "the two methods agree, seed " + seed);
		}
	}

	@Test
	void reconstructionErrorAgainstTheExactSliceIsStatedAndBounded() {
		ProjectionData pd = cell(1, ProjectionParameters.builder().build());
		double truth = pd.truth().centreOfRotationPx;
		double perPixelToPerCm = 1 / (pd.truth().muScale * pd.truth().pixelUm * 1e-4);
		ProjectionSet li = FlatField.defaults().apply(raw(pd)).projections();
		float[][] sino = li.sinogram(0);
		double[] a = li.anglesRad();
		// Full chain with the centre found automatically: flat field (dead column filled), zingers, Hann FBP.
		Reconstructor.Settings s = new Reconstructor.Settings().preprocess(zingersOnly()).filter(FilterWindow.HANN);
		Reconstructor.Slice auto = Reconstructor.reconstruct(sino, a, pd.truth().pixelUm, s);
		Reconstructor.Slice atTruth = Reconstructor.reconstruct(sino, a, pd.truth().pixelUm, s.center(truth));
		Reconstructor.Slice sorted = Reconstructor.reconstruct(sino, a, pd.truth().pixelUm,
				new Reconstructor.Settings().preprocess(commandDefaults()).filter(FilterWindow.HANN).center(truth));
		Reconstructor.Slice ideal = Reconstructor.reconstruct(pd.lineIntegrals(), a, pd.truth().pixelUm,
				new Reconstructor.Settings().center(truth).filter(FilterWindow.RAM_LAK));
		double[] eAuto = error(auto, pd, perPixelToPerCm);
		double[] eTruth = error(atTruth, pd, perPixelToPerCm);
		double[] eSorted = error(sorted, pd, perPixelToPerCm);
		double[] eIdeal = error(ideal, pd, perPixelToPerCm);
		System.out.printf("reconstruction vs exact µ (range %.2f /cm), RMS as %% of the range: %.2f%% (found centre %.3f), %.2f%% (true centre), "
				+ "%.2f%% (+ sorting filter), %.2f%% (noise-free Ram-Lak); mean µ %.3f (chain), %.3f (sorting) vs exact %.3f /cm%n", eAuto[1],
				100 * eAuto[0], auto.centerPx, 100 * eTruth[0], 100 * eSorted[0], 100 * eIdeal[0], eAuto[2], eSorted[2], eAuto[3]);
		// noise-free, 180 views: only discretisation and partial-volume blur remain
		assertTrue(eIdeal[0] < 0.05, "noise-free FBP within 5 % of the µ range");
		// Poisson noise (20000 counts), stripes and zingers add error, but the slice stays quantitative
		assertTrue(eAuto[0] < 0.09, "full chain within 9 % of the µ range");
		assertTrue(eAuto[0] < 1.05 * eTruth[0], "the found centre is as good as the true one");
		// absolute scale: the mean µ over the slice matches the exact slice
		assertEquals(eAuto[3], eAuto[2], 0.02 * eAuto[3], "mean µ");
		assertTrue(eSorted[0] < 0.12, "with the sorting filter within 12 % of the µ range");
	}

	/**
	 * {RMS error / µ range, µ range, mean reconstructed µ, mean exact µ} over the exact slice's pixels inside the
	 * reconstruction's inscribed circle. The slice (w × h) sits centred in the detector-wide reconstruction.
	 */
	private static double[] error(Reconstructor.Slice r, ProjectionData pd, double toPerCm) {
		int w = pd.sliceWidth(), h = pd.sliceHeight(), n = r.size;
		float[] exact = pd.exactSlice();
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (float v : exact) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		// pixel (x, y) of the slice is (x − xc, y − yc) from the axis, as is (x + ox, y + oy) of the reconstruction
		double ox = (n - 1) / 2.0 - (w - 1) / 2.0, oy = (n - 1) / 2.0 - (h - 1) / 2.0;
		assertEquals(Math.rint(ox), ox, 1e-9, "integer offset between slice and reconstruction");
		double half = (n - 1) / 2.0, se = 0, sr = 0, sx = 0;
		int count = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int xr = x + (int) ox, yr = y + (int) oy;
				if ((xr - half) * (xr - half) + (yr - half) * (yr - half) > (half - 1) * (half - 1)) continue;
				double rec = r.pixels[yr * n + xr] * toPerCm;
				double ex = exact[y * w + x];
				se += (rec - ex) * (rec - ex);
				sr += rec;
				sx += ex;
				count++;
			}
		double range = max - min;
		return new double[] { Math.sqrt(se / count) / range, range, sr / count, sx / count };
	}
}
