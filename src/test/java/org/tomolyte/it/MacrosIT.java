package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's macros (macros/*.ijm) run on the synthetic cell headless through {@code ./tomolyte macro}
 * and in a plain ImageJ 1.x under Xvfb ({@code -batch}); ImageJ exits 0 even when a macro fails, so the
 * tests assert on the files written.
 */
class MacrosIT {
	@TempDir
	static Path shared;
	private static Path cell;

	@BeforeAll
	static void generateCell() throws Exception {
		cell = shared.resolve("cell");
		Processes.Result r = Processes.tomolyte(shared, 600, "run", "Generate Synthetic Cell", "output=[" + cell + "] seed=4 scans=3");
		assertEquals(0, r.exit, r.toString());
	}

	private static Path macro(String name) {
		Path m = Processes.home().resolve("macros").resolve(name);
		assertTrue(Files.isRegularFile(m), "missing macro " + m);
		return m;
	}

	private static void runBothWays(String macro, String outputs, String... expected) throws Exception {
		Path headless = shared.resolve(macro + "-headless");
		Processes.Result r = Processes.tomolyte(shared, 900, "macro", macro(macro).toString(), "cell=[" + cell + "] output=[" + headless + "]");
		assertEquals(0, r.exit, r.toString());
		for (String e : expected)
			assertTrue(Files.exists(headless.resolve(e)), macro + " headless wrote " + e + "\n" + r);

		Path ijpath = shared.resolve("ij-" + macro);
		ImageJXvfbIT.installIntoIjPath(ijpath);
		Path plain = shared.resolve(macro + "-imagej");
		Processes.Result p = ImageJXvfbIT.runBatch(ijpath, macro(macro), "cell=[" + cell + "] output=[" + plain + "]");
		for (String e : expected)
			assertTrue(Files.exists(plain.resolve(e)), macro + " in ImageJ 1.x wrote " + e + "\n" + p);
	}

	@Test
	void macro1Reconstruct() throws Exception {
		runBothWays("1_reconstruct.ijm", "", "center.csv", "slices.tif", "stripes/stripes.csv");
	}

	@Test
	void macro2Align() throws Exception {
		runBothWays("2_align.ijm", "", "transforms.csv", "t00.tif", "t02.tif", "registration.csv", "grid.csv", "labels/t02.tif", "labels/pairs.csv");
	}

	@Test
	void macro3Cracks() throws Exception {
		runBothWays("3_cracks.ijm", "", "cracks/tracks.csv", "cracks/interface.csv", "cracks/depth_vs_charge.png", "cracks/labels/t01.tif");
	}

	@Test
	void macro4CcdAndDrtMap() throws Exception {
		runBothWays("4_ccd_drt_map.ijm", "", "ccd/ccd.png", "ccd/summary.csv", "drt/map.tif", "drt/peaks_vs_time.csv", "drt/voltage_beside_map.png");
	}

	@Test
	void macro5StaircaseWithDrt() throws Exception {
		runBothWays("5_staircase_drt.ijm", "", "onset/onset_summary.csv", "onset/onset.png", "drt/map.tif");
	}

	@Test
	void macro6PulsedStripping() throws Exception {
		runBothWays("6_pulsed_stripping.ijm", "", "pulsed/capacity_vs_rest.csv", "pulsed/capacity_vs_rest.png");
	}
}
