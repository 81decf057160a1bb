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
}
