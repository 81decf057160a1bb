package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job, {@code ./tomolyte demo}, runs every stage and writes a report whose links all resolve. */
class DemoIT {

	@Test
	void demoRunsEveryStageAndLinksOnlyExistingFiles(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("demo out");
		Processes.Result r = Processes.tomolyte(dir, 1800, "demo", out.toString());
		assertEquals(0, r.exit, r.toString());
		String html = new String(Files.readAllBytes(out.resolve("report.html")), StandardCharsets.UTF_8);
		assertFalse(html.contains("class=err"), "no stage failed:\n" + r.output);
		Matcher m = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
		int links = 0;
		while (m.find()) {
			String target = m.group(1).replace("&amp;", "&");
			assertTrue(Files.exists(out.resolve(target)), "report links a missing file: " + target);
			links++;
		}
		assertTrue(links >= 8, "the report links figures and tables, found " + links);
		assertTrue(html.contains("ccd.png") && html.contains("capacity_vs_rest.png"), "CCD and pulsed-stripping figures are in the report");
	}
}
