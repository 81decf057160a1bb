package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.synth.SyntheticCellGenerator;
import org.tomolyte.task.Progress;

/**
 * The linked-view window on a real X server (Xvfb): opened on the real operando GEIS run and on a
 * generated synthetic cell, the cursor moved programmatically to another spectrum, real screenshots
 * taken; the spectrum panel's pixels must change, the tomogram window must follow the scan and keep its
 * slice. Screenshots stay in {@code target/linked-views-it/}.
 */
class LinkedViewsIT {
	private static Path out;

	@BeforeAll
	static void folder() throws Exception {
		if (!Processes.onPath("xvfb-run")) fail("xvfb-run is needed for this GUI test: apt-get install xvfb (.ci/run does it)");
		out = Files.createDirectories(Paths.get("target/linked-views-it").toAbsolutePath());
	}

	private static Properties runGui(String session, String prefix, int a, int b) throws Exception {
		Path jar = Processes.jar();
		String cp = jar + File.pathSeparator + jar.getParent().resolve("dependency") + File.separator + "*" + File.pathSeparator
				+ Paths.get("target/test-classes").toAbsolutePath();
		List<String> cmd = new ArrayList<>(Arrays.asList("xvfb-run", "-a", "-s", "-screen 0 1600x1200x24", "java", "-Xmx2g", "-Duser.home=" + out,
				"-cp", cp, LinkedViewsGuiMain.class.getName(), session, out.toString(), prefix, "" + a, "" + b));
		Processes.Result r = Processes.run(out, 300, cmd);
		assertEquals(0, r.exit, r.toString());
		Properties p = new Properties();
		try (Reader rd = Files.newBufferedReader(out.resolve(prefix + "_result.properties"), StandardCharsets.UTF_8)) {
			p.load(rd);
		}
		return p;
	}

	@Test
	void realGeisRunSpectrumPanelFollowsTheCursor() throws Exception {
		Properties p = runGui(TestData.file("biologic/geis.mpr").toString(), "geis", 3, 40);
		assertEquals("61", p.getProperty("spectra"));
		assertEquals("40", p.getProperty("spectrum"));
		int changed = Integer.parseInt(p.getProperty("nyquist_changed_pixels"));
		int all = Integer.parseInt(p.getProperty("nyquist_pixels"));
		assertTrue(changed > 0.005 * all, "the Nyquist panel redrew for the other spectrum: " + p);
		assertTrue(Integer.parseInt(p.getProperty("trace_changed_pixels")) > 0, "the trace's cursor line moved: " + p);
		assertTrue(Files.size(out.resolve("geis_b.png")) > 10_000, "screenshot written: " + out.resolve("geis_b.png"));
		assertEquals(p.getProperty("map_click_expected_spectrum"), p.getProperty("map_click_spectrum"), "a click on the DRT map picks its spectrum: " + p);
		assertEquals(Integer.parseInt(p.getProperty("right_arrow_from")) + 1, Integer.parseInt(p.getProperty("right_arrow_to")), "→ steps to the next spectrum: " + p);
		assertEquals(6 * 2 + 2 + 5, Integer.parseInt(p.getProperty("exported_files")), "6 panels and the layout as PNG and SVG, 5 CSVs: " + p);
	}

	@Test
	void syntheticCellWithTomogramWindow() throws Exception {
		Path cell = out.resolve("synthetic-cell");
		if (!Files.isDirectory(cell)) {
			SyntheticCellGenerator.Options o = new SyntheticCellGenerator.Options();
			o.scans = 3;
			o.projections = false;
			o.scale = 0.5;
			o.pulsedRestsS = new double[] { 0 };
			SyntheticCellGenerator.write(o, cell, Progress.NONE);
		}
		// spectrum 0 lies near scan 0, the last spectrum far after the last scan
		Properties p = runGui(cell.toString(), "synthetic", 0, 3);
		assertEquals("3", p.getProperty("scans"));
		assertTrue(Integer.parseInt(p.getProperty("nyquist_changed_pixels")) > 0, p.toString());
		assertEquals("true", p.getProperty("tomogram_window"), "the scan opened in an ImageJ window: " + p);
		assertEquals(p.getProperty("scan_b"), p.getProperty("tomogram_scan_shown"), "the tomogram follows the cursor's scan: " + p);
		assertEquals(p.getProperty("tomogram_slice_before"), p.getProperty("tomogram_slice_after"), "slice kept when the scan changes: " + p);
	}
}
