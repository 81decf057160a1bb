package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomolyte.task.Progress;

/**
 * The raw projections must be physically consistent with the exact slice: every angle's line integrals sum
 * to the slice's mass, flat-field-corrected counts give back the line integrals within Poisson noise, the
 * listed detector defects and zingers are where the truth says, and a plain filtered back-projection (written
 * here independently) with the truth centre of rotation reconstructs the exact slice.
 */
class ProjectionSimulatorTest {
	private static ProjectionData pd;
	private static double pixelCm;

	@BeforeAll
	static void generate() {
		CellParameters p = CellParameters.builder().scanCount(3).capacitiesMahCm2(0, 0.3, 0.45)
				.projections(ProjectionParameters.builder().angleCount(240).centreOffsetPixels(0.37).zingerFraction(5e-4).build()).build();
		pd = SyntheticCell.generate(p, Progress.NONE).projections().get(0);
		pixelCm = p.voxelUm() * 1e-4;
	}

	@Test
	void everyAngleProjectsTheWholeMassOfTheSlice() {
		CellTruth.ProjectionTruth t = pd.truth();
		double mass = 0;
		for (float m : pd.exactSlice()) mass += m;
		mass *= t.muScale * pixelCm;
		assertEquals(mass, t.projectedMassPixels, 1e-9 * mass);
		for (float[] row : pd.lineIntegrals()) {
			double s = 0;
			for (float f : row) s += f;
			assertEquals(mass, s, 1e-4 * mass);
		}
	}

	@Test
	void flatFieldCorrectedCountsGiveTheLineIntegralsWithinPoissonNoise() {
		CellTruth.ProjectionTruth t = pd.truth();
		int det = pd.detectorWidth(), n = pd.anglesDeg().length;
		double[] flat = mean(pd.flats(), det), dark = mean(pd.darks(), det);
		Set<Integer> bad = new HashSet<>();
		for (int j : t.deadColumns) bad.add(j);
		for (int j : t.partialColumns) bad.add(j);
		Set<Long> zing = new HashSet<>();
		for (int[] z : t.zingers) zing.add((long) z[0] * det + z[1]);
		double worst = 0, sumSq = 0;
		long cnt = 0;
		for (int a = 0; a < n; a++)
			for (int j = 0; j < det; j++) {
				if (bad.contains(j) || zing.contains((long) a * det + j)) continue;
				double p = -Math.log((pd.sinogramCounts()[a][j] - dark[j]) / (flat[j] - dark[j]));
				double err = p - pd.lineIntegrals()[a][j];
				// σ(p) ≈ 1/√I for Poisson counts I
				double sigma = 1 / Math.sqrt(pd.sinogramCounts()[a][j]);
				worst = Math.max(worst, Math.abs(err) / sigma);
				sumSq += (err / sigma) * (err / sigma);
				cnt++;
			}
		double rms = Math.sqrt(sumSq / cnt);
		assertEquals(1.0, rms, 0.1, "normalised residual RMS should be Poisson-like");
		assertTrue(worst < 6.5, "no outliers besides the listed defects, worst " + worst + " σ");
	}

	@Test
	void defectsAndZingersAreWhereTheTruthSays() {
		CellTruth.ProjectionTruth t = pd.truth();
		int n = pd.anglesDeg().length;
		double i0 = t.flatCounts, dark = t.darkCounts;
		for (int j : t.deadColumns) {
			double m = 0;
			for (int a = 0; a < n; a++) m += pd.sinogramCounts()[a][j] / n;
			assertEquals(dark, m, 5 * Math.sqrt(dark / n) + 0.02 * i0 * 0, "dead column " + j + " reads the dark level");
		}
		assertTrue(t.zingers.length > 10);
		for (int[] z : t.zingers) {
			float v = pd.sinogramCounts()[z[0]][z[1]];
			float ideal = (float) (dark + (i0 - dark) * Math.exp(-pd.lineIntegrals()[z[0]][z[1]]));
			assertTrue(v > ideal + 0.3 * i0, "zinger at angle " + z[0] + ", column " + z[1]);
		}
		assertEquals(0.5 * (pd.detectorWidth() - 1) + 0.37, t.centreOfRotationPx, 1e-12);
		assertEquals(240, t.anglesDeg.length);
		assertEquals(180.0 * 239 / 240, t.anglesDeg[239], 1e-9);
	}

	@Test
	void filteredBackProjectionWithTheTruthCentreReconstructsTheExactSlice() {
		CellTruth.ProjectionTruth t = pd.truth();
		float[] ideal = fbp(pd.lineIntegrals(), pd.anglesDeg(), t.centreOfRotationPx, pd.sliceWidth(), pd.sliceHeight());
		double scale = t.muScale * pixelCm;
		double c = correlation(ideal, pd.exactSlice(), pd.sliceWidth(), pd.sliceHeight());
		assertTrue(c > 0.97, "noise-free FBP correlation " + c);
		// inside the pellet, away from edges, the value is the electrolyte's attenuation
		int w = pd.sliceWidth(), h = pd.sliceHeight();
		double sum = 0, truth = 0;
		int cnt = 0;
		for (int y = h / 2 - 15; y < h / 2 + 15; y++)
			for (int x = w / 2 - 15; x < w / 2 + 15; x++) {
				sum += ideal[y * w + x] / scale;
				truth += pd.exactSlice()[y * w + x];
				cnt++;
			}
		assertEquals(truth / cnt, sum / cnt, 0.03 * truth / cnt, "mean µ in the centre (cm⁻¹)");

		float[] off = fbp(pd.lineIntegrals(), pd.anglesDeg(), 0.5 * (pd.detectorWidth() - 1) + 3, w, h);
		assertTrue(correlation(off, pd.exactSlice(), w, h) < c - 0.02, "a wrong centre of rotation reconstructs worse");
	}

	static double[] mean(float[][] frames, int det) {
		double[] m = new double[det];
		for (float[] f : frames) for (int j = 0; j < det; j++) m[j] += f[j] / frames.length;
		return m;
	}

	/** Ram-Lak filtered back-projection, parallel beam, s = (x − xc) cosθ + (y − yc) sinθ + centre. */
	static float[] fbp(float[][] sino, double[] anglesDeg, double centre, int w, int h) {
		int det = sino[0].length, n = sino.length;
		double[] kernel = new double[2 * det + 1];
		for (int k = -det; k <= det; k++) kernel[k + det] = k == 0 ? 0.25 : (k % 2 == 0 ? 0 : -1 / (Math.PI * Math.PI * k * k));
		float[] out = new float[w * h];
		double xc = 0.5 * (w - 1), yc = 0.5 * (h - 1);
		for (int a = 0; a < n; a++) {
			double[] q = new double[det];
			for (int j = 0; j < det; j++) {
				double s = 0;
				for (int i = 0; i < det; i++) s += sino[a][i] * kernel[j - i + det];
				q[j] = s;
			}
			double th = Math.toRadians(anglesDeg[a]), c = Math.cos(th), sn = Math.sin(th);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double s = (x - xc) * c + (y - yc) * sn + centre;
					int j = (int) Math.floor(s);
					if (j < 0 || j + 1 >= det) continue;
					double f = s - j;
					out[y * w + x] += (float) ((q[j] * (1 - f) + q[j + 1] * f) * Math.PI / n);
				}
		}
		return out;
	}

	static double correlation(float[] a, float[] b, int w, int h) {
		double ma = 0, mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= b.length;
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return sab / Math.sqrt(saa * sbb);
	}
}
