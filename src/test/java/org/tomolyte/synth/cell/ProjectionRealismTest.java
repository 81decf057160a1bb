package org.tomolyte.synth.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.task.Progress;

import io.jhdf.HdfFile;

/**
 * The simulated raw projections must look like a real parallel-beam synchrotron acquisition: compared with
 * TomoPy's measured "tooth" scan (Data Exchange, APS), the open-beam and dark levels are of the same order,
 * the flat-field noise is Poisson-like (variance ∝ mean with a gain of order one), and the flat-corrected
 * projections conserve the slice's mass over the angles at least as well as the real scan does.
 */
class ProjectionRealismTest {
	@Test
	void rawProjectionsBehaveLikeARealSynchrotronScan() throws Exception {
		Path tooth = TestData.file("tomo/tomopy_tooth.h5");
		float[][][] data, white, dark;
		try (HdfFile f = new HdfFile(tooth)) {
			data = (float[][][]) f.getDatasetByPath("/exchange/data").getData();
			white = (float[][][]) f.getDatasetByPath("/exchange/data_white").getData();
			dark = (float[][][]) f.getDatasetByPath("/exchange/data_dark").getData();
		}
		float[][] realSino = new float[data.length][], realFlats = new float[white.length][], realDarks = new float[dark.length][];
		for (int i = 0; i < data.length; i++) realSino[i] = data[i][0];
		for (int i = 0; i < white.length; i++) realFlats[i] = white[i][0];
		for (int i = 0; i < dark.length; i++) realDarks[i] = dark[i][0];
		Stats real = stats(realSino, realFlats, realDarks, new int[0]);

		ProjectionData pd = SyntheticCell.generate(CellParameters.builder().scanCount(2).capacitiesMahCm2(0, 0.45)
				.projections(ProjectionParameters.builder().angleCount(181).zingerFraction(0).build()).build(), Progress.NONE).projections().get(0);
		int[] bad = concat(pd.truth().deadColumns, pd.truth().partialColumns);
		Stats synth = stats(pd.sinogramCounts(), pd.flats(), pd.darks(), bad);

		assertTrue(real.flat / synth.flat > 0.5 && real.flat / synth.flat < 2, "open-beam counts " + synth.flat + " vs real " + real.flat);
		assertTrue(real.dark / synth.dark > 0.5 && real.dark / synth.dark < 2, "dark counts " + synth.dark + " vs real " + real.dark);
		assertTrue(real.varianceOverMean > 0.3 && real.varianceOverMean < 3, "the real flats are Poisson-like: " + real.varianceOverMean);
		assertTrue(synth.varianceOverMean > 0.3 && synth.varianceOverMean < 3, "the simulated flats are Poisson-like: " + synth.varianceOverMean);
		assertTrue(synth.rowSumSpread <= real.rowSumSpread, "mass over angles spreads " + synth.rowSumSpread + ", real " + real.rowSumSpread);
		assertTrue(synth.minTransmission > 0.05 && synth.minTransmission < 0.9, "transmission through the cell " + synth.minTransmission);
	}

	static final class Stats {
		double flat, dark, varianceOverMean, rowSumSpread, minTransmission = 1;
	}

	static Stats stats(float[][] sino, float[][] flats, float[][] darks, int[] badColumns) {
		int w = sino[0].length;
		boolean[] bad = new boolean[w];
		for (int j : badColumns) bad[j] = true;
		double[] f = ProjectionSimulatorTest.mean(flats, w), d = ProjectionSimulatorTest.mean(darks, w);
		Stats s = new Stats();
		int lo = w / 6, hi = w - w / 6, n = 0;
		for (int j = lo; j < hi; j++) {
			if (bad[j]) continue;
			double v = 0;
			for (float[] fr : flats) v += (fr[j] - f[j]) * (fr[j] - f[j]);
			v /= flats.length - 1;
			s.varianceOverMean += v / f[j];
			s.flat += f[j];
			s.dark += d[j];
			n++;
		}
		s.varianceOverMean /= n;
		s.flat /= n;
		s.dark /= n;
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (float[] row : sino) {
			double sum = 0;
			for (int j = 0; j < w; j++) {
				if (bad[j]) continue;
				double t = (row[j] - d[j]) / (f[j] - d[j]);
				s.minTransmission = Math.min(s.minTransmission, t);
				sum += -Math.log(Math.max(1e-3, t));
			}
			min = Math.min(min, sum);
			max = Math.max(max, sum);
		}
		s.rowSumSpread = (max - min) / (0.5 * (max + min));
		return s;
	}

	static int[] concat(int[] a, int[] b) {
		int[] c = new int[a.length + b.length];
		System.arraycopy(a, 0, c, 0, a.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}
}
