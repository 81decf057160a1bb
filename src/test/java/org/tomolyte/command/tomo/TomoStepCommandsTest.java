package org.tomolyte.command.tomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Volume;

/** The single-step tomography commands: normalisation to sinograms and zinger removal, on real data. */
class TomoStepCommandsTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void normalizedToothGivesOneSinogramPerRowOfFiniteLineIntegralsAndZingersAreRemoved(@TempDir Path dir) throws Exception {
		Path sinos = dir.resolve("sinos.tif");
		runner.run("Normalize Projections", "input=[" + TestData.file("tomo/tomopy_tooth.h5") + "] output=[" + sinos + "]");
		Volume v = VolumeTiff.read(sinos);
		assertEquals(2, v.depth(), "the tooth scan has 2 detector rows");
		assertEquals(640, v.width());
		assertEquals(181, v.height(), "one sinogram row per angle");
		double sum = 0;
		for (float x : v.slice(0)) {
			assertTrue(Float.isFinite(x));
			sum += x;
		}
		assertTrue(sum / v.slice(0).length > 0.05, "a tooth attenuates: positive mean line integral");

		// zingers are bright spikes in detector counts: make counts from the line integrals, spike them, remove them
		Volume counts = v.copy();
		for (int z = 0; z < counts.depth(); z++)
			for (int i = 0; i < counts.slice(z).length; i++)
				counts.slice(z)[i] = (float) (1000 * Math.exp(-v.slice(z)[i]));
		Volume spiked = counts.copy();
		int[][] spikes = { { 100, 50 }, { 300, 120 }, { 500, 170 } };
		for (int[] s : spikes)
			spiked.set(s[0], s[1], 0, spiked.get(s[0], s[1], 0) * 1.5f);
		Path in = dir.resolve("spiked.tif");
		VolumeTiff.write(spiked, in, "test");
		Path out = dir.resolve("clean.tif");
		runner.run("Remove Zingers", "input=[" + in + "] threshold=0.08 polarity=bright output=[" + out + "]");
		Volume clean = VolumeTiff.read(out);
		for (int[] s : spikes)
			assertEquals(counts.get(s[0], s[1], 0), clean.get(s[0], s[1], 0), 0.1 * counts.get(s[0], s[1], 0),
					"spike at " + s[0] + "," + s[1] + " replaced by its neighbourhood");
	}

	@Test
	void polarRingOptionLowersRingsLeftInTheRealNeutronSlice(@TempDir Path dir) throws Exception {
		String in = TestData.file("tomo/sarepy_sinogram_360_neutron_image.tif").toString();
		runner.run("Reconstruct Slices", "input=[" + in + "] angles=[0-360] rings=none output=[" + dir.resolve("plain.tif") + "]");
		runner.run("Reconstruct Slices", "input=[" + in + "] angles=[0-360] rings=none polar_rings=true output=[" + dir.resolve("polar.tif") + "]");
		Volume plain = VolumeTiff.read(dir.resolve("plain.tif")), polar = VolumeTiff.read(dir.resolve("polar.tif"));
		// ring energy: high-pass energy of the angular-mean radial profile about the slice centre
		assertTrue(ringEnergy(polar) < 0.5 * ringEnergy(plain), "polar filter: " + ringEnergy(polar) + " vs " + ringEnergy(plain));
	}

	private static double ringEnergy(Volume v) {
		int n = v.width();
		double c = (n - 1) / 2.0;
		int rmax = n / 2 - 2;
		double[] sum = new double[rmax + 1];
		int[] cnt = new int[rmax + 1];
		float[] px = v.slice(0);
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				int r = (int) Math.round(Math.hypot(x - c, y - c));
				if (r <= rmax) {
					sum[r] += px[y * n + x];
					cnt[r]++;
				}
			}
		double e = 0;
		for (int r = 3; r <= rmax - 3; r++) {
			double m = sum[r] / cnt[r];
			double local = 0;
			for (int k = -3; k <= 3; k++)
				local += sum[r + k] / cnt[r + k];
			e += Math.abs(m - local / 7);
		}
		return e;
	}

	@Test
	void hdf5DatasetPathsCanBeGivenAndAWrongOneListsTheFilesDatasets(@TempDir Path dir) throws Exception {
		String in = TestData.file("tomo/tomopy_tooth.h5").toString();
		Path csv = dir.resolve("centre.csv");
		runner.run("Find Rotation Center", "input=[" + in + "] row=[0,1] datasets=[data=/exchange/data white=/exchange/data_white dark=/exchange/data_dark "
				+ "theta=/exchange/theta] output=[" + csv + "]");
		org.tomolyte.model.Table t = org.tomolyte.io.csv.CsvTables.read(csv);
		assertEquals(2, t.rowCount());
		assertTrue(Double.isFinite(t.getDouble(0, "axis_tilt_deg")), "two rows give an axis tilt");
		org.tomolyte.command.CommandFailedException e = org.junit.jupiter.api.Assertions.assertThrows(org.tomolyte.command.CommandFailedException.class,
				() -> runner.run("Find Rotation Center", "input=[" + in + "] datasets=[data=/nope] output=[" + dir.resolve("x.csv") + "]"));
		assertTrue(e.getMessage().contains("/nope") && e.getMessage().contains("/exchange/data"), e.getMessage());
	}
}
