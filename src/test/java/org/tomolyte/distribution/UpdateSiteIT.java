package org.tomolyte.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The packaged suite: {@code tomolyte update-site DIR} on the jar Maven just built and its
 * {@code target/dependency}, then the site served over HTTP and every listed file downloaded and verified as
 * Fiji's updater does.
 */
class UpdateSiteIT {

	@Test
	void packagedJarMakesAVerifiableSite(@TempDir Path dir) throws Exception {
		String jarProp = System.getProperty("tomolyte.jar");
		if (jarProp == null || !Files.isRegularFile(Paths.get(jarProp))) fail("Run with Maven's failsafe after 'package' (tomolyte.jar=" + jarProp + ")");
		Path jar = Paths.get(jarProp).toAbsolutePath();
		Path site = dir.resolve("update site");

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(new String[] { "update-site", site.toString() }, new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"));
		assertEquals(0, exit, out.toString("UTF-8") + err.toString("UTF-8"));

		try (ReferenceUpdater.Server server = new ReferenceUpdater.Server(site)) {
			Document index = ReferenceUpdater.index(server.url().replace(" ", "%20"));
			Map<String, Element> byName = new TreeMap<>();
			for (Element p : ReferenceUpdater.elements(index.getDocumentElement(), "plugin")) byName.put(SiteRecord.unversioned(p.getAttribute("filename")), p);
			assertTrue(byName.containsKey("plugins/Tomolyte_.jar"), byName.keySet().toString());
			assertTrue(byName.containsKey("jars/jhdf.jar") && byName.containsKey("jars/compress-lzf.jar"), byName.keySet().toString());
			for (String name : byName.keySet())
				assertTrue(name.equals("plugins/Tomolyte_.jar") || name.startsWith("macros/") || !FijiLibraries.shippedByFiji(name.substring(5)),
						name + " is shipped by Fiji and must not be on our site");
			assertEquals("plugins/" + jar.getFileName(), byName.get("plugins/Tomolyte_.jar").getAttribute("filename"));
			assertEquals(byName.size(), ReferenceUpdater.downloadAndVerifyAll(server.url(), index));
			Element suiteVersion = ReferenceUpdater.elements(byName.get("plugins/Tomolyte_.jar"), "version").get(0);
			assertEquals(ReferenceUpdater.checksum("plugins/x.jar", Files.readAllBytes(jar)), suiteVersion.getAttribute("checksum"));
			Map<String, String> deps = new TreeMap<>();
			for (Element d : ReferenceUpdater.elements(suiteVersion, "dependency")) deps.put(d.getAttribute("filename"), d.getAttribute("timestamp"));
			assertTrue(deps.containsKey("jars/jhdf.jar") && deps.containsKey("jars/compress-lzf.jar"), deps.toString());
		}
		assertTrue(out.toString(StandardCharsets.UTF_8.name()).contains("new uploads"), out.toString(StandardCharsets.UTF_8.name()));
	}
}
