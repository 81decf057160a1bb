package org.tomolyte.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class UpdateSiteTest {
	private static final ZoneId UTC = ZoneOffset.UTC;
	/** 2026-11-24 15:00:00 UTC, i.e. updater timestamp 20261124150000 in UTC. */
	private static final Instant T1 = Instant.parse("2026-11-24T15:00:00Z");
	private static final String TS1 = "20261124150000";
	private static final Instant T2 = Instant.parse("2026-11-24T16:00:00Z");
	private static final String TS2 = "20261124160000";

	private static final String POM = "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
			+ "<artifactId>Tomolyte_</artifactId><description>Operando battery tomography for Fiji.</description>"
			+ "<developers><developer><id>t</id><name>Tomolyte developers</name></developer></developers></project>";

	/** A small suite jar; {@code variant} changes one class byte. */
	static Path suiteJar(Path dir, String name, int variant) throws Exception {
		return TestJars.write(dir.resolve(name), TestJars.manifest("Implementation-Build", "b" + variant),
				TestJars.entries("META-INF/maven/org.tomolyte/Tomolyte_/pom.xml", POM,
						"META-INF/maven/org.tomolyte/Tomolyte_/pom.properties", "#Built " + variant + "\nversion=0.1.0\n",
						"plugins.config", "Plugins>Tomolyte, \"Demo\", org.tomolyte.Demo\n",
						"org/tomolyte/Demo.class", new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, (byte) variant }),
				false, 0L);
	}

	/** Real runtime libraries from the test classpath, copied into a Maven-like dependency folder. */
	static Path dependencyFolder(Path dir) throws Exception {
		Path deps = Files.createDirectories(dir.resolve("dependency"));
		for (Class<?> c : new Class<?>[] { io.jhdf.HdfFile.class, com.ning.compress.lzf.LZFDecoder.class, org.apache.commons.math3.util.FastMath.class }) {
			Path jar = Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			Files.copy(jar, deps.resolve(jar.getFileName()));
		}
		return deps;
	}

	static Path macro(Path macros, String name, String text) throws Exception {
		Files.createDirectories(macros);
		return Files.write(macros.resolve(name), text.getBytes(StandardCharsets.UTF_8));
	}

	private static Element plugin(Document index, String unversioned) {
		for (Element p : ReferenceUpdater.elements(index.getDocumentElement(), "plugin"))
			if (SiteRecord.unversioned(p.getAttribute("filename")).equals(unversioned)) return p;
		throw new AssertionError("no record for " + unversioned);
	}

	private static Element version(Element plugin) {
		List<Element> v = ReferenceUpdater.elements(plugin, "version");
		return v.isEmpty() ? null : v.get(0);
	}

	private static Map<String, String> dependencies(Element plugin) {
		Map<String, String> m = new TreeMap<>();
		for (Element d : ReferenceUpdater.elements(version(plugin), "dependency")) m.put(d.getAttribute("filename"), d.getAttribute("timestamp"));
		return m;
	}

	@Test
	void onlyLibrariesFijiLacksAreShipped(@TempDir Path dir) throws Exception {
		List<String> names = FijiLibraries.notShippedByFiji(dependencyFolder(dir)).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
		assertEquals(Arrays.asList("compress-lzf-1.1.2.jar", "jhdf-0.9.4.jar"), names);
	}

	@Test
	void siteServedOverHttpVerifiesAndKeepsPreviousVersions(@TempDir Path dir) throws Exception {
		Path site = dir.resolve("update-site");
		Path macros = dir.resolve("macros");
		macro(macros, "reconstruct.ijm", "// Reconstruct slices from raw projections (centre, rings, FBP).\nrun(\"Demo\");\n");
		List<Path> libs = FijiLibraries.notShippedByFiji(dependencyFolder(dir));
		Path jar1 = suiteJar(dir.resolve("build1"), "Tomolyte_-0.1.0.jar", 1);

		SiteBuild b1 = UpdateSite.build(SiteInputs.of(jar1, libs, macros).at(T1, UTC), site, Progress.NONE);
		assertTrue(b1.indexChanged());
		List<String> expectedUploads = Arrays.asList("jars/compress-lzf-1.1.2.jar-" + TS1, "jars/jhdf-0.9.4.jar-" + TS1,
				"macros/reconstruct.ijm-" + TS1, "plugins/Tomolyte_-0.1.0.jar-" + TS1);
		assertEquals(expectedUploads, b1.uploaded());
		assertEquals(new TreeMap<>(Map.of("db.xml.gz", 1, "jars/compress-lzf-1.1.2.jar-" + TS1, 1, "jars/jhdf-0.9.4.jar-" + TS1, 1,
				"macros/reconstruct.ijm-" + TS1, 1, "plugins/Tomolyte_-0.1.0.jar-" + TS1, 1)).keySet(), files(site).keySet());
		String c1;
		try (ReferenceUpdater.Server server = new ReferenceUpdater.Server(site)) {
			Document index = ReferenceUpdater.index(server.url());
			assertEquals(4, ReferenceUpdater.downloadAndVerifyAll(server.url(), index));
			Element suite = plugin(index, "plugins/Tomolyte_.jar");
			assertEquals("plugins/Tomolyte_-0.1.0.jar", suite.getAttribute("filename"));
			assertTrue(ReferenceUpdater.elements(suite, "platform").isEmpty(), "platform-independent");
			Element v = version(suite);
			assertEquals(TS1, v.getAttribute("timestamp"));
			assertEquals(Files.size(jar1), Long.parseLong(v.getAttribute("filesize")));
			c1 = v.getAttribute("checksum");
			assertEquals(ReferenceUpdater.checksum("plugins/x.jar", Files.readAllBytes(jar1)), c1);
			assertEquals("Operando battery tomography for Fiji.", ReferenceUpdater.elements(v, "description").get(0).getTextContent());
			assertEquals("Tomolyte developers", ReferenceUpdater.elements(v, "author").get(0).getTextContent());
			assertEquals(Map.of("jars/compress-lzf.jar", TS1, "jars/jhdf.jar", TS1), dependencies(suite));
			Element m = plugin(index, "macros/reconstruct.ijm");
			assertEquals(Map.of("plugins/Tomolyte_.jar", TS1), dependencies(m));
			assertEquals("Reconstruct slices from raw projections (centre, rings, FBP).",
					ReferenceUpdater.elements(version(m), "description").get(0).getTextContent());
			assertTrue(ReferenceUpdater.elements(plugin(index, "jars/jhdf.jar"), "previous-version").isEmpty());
		}

		// Second release: only the suite's jar changed.
		Path jar2 = suiteJar(dir.resolve("build2"), "Tomolyte_-0.1.0.jar", 2);
		SiteBuild b2 = UpdateSite.build(SiteInputs.of(jar2, libs, macros).at(T2, UTC), site, Progress.NONE);
		assertEquals(Arrays.asList("plugins/Tomolyte_-0.1.0.jar-" + TS2), b2.uploaded());
		try (ReferenceUpdater.Server server = new ReferenceUpdater.Server(site)) {
			Document index = ReferenceUpdater.index(server.url());
			assertEquals(4, ReferenceUpdater.downloadAndVerifyAll(server.url(), index));
			Element suite = plugin(index, "plugins/Tomolyte_.jar");
			assertEquals(TS2, version(suite).getAttribute("timestamp"));
			assertNotEquals(c1, version(suite).getAttribute("checksum"));
			List<Element> prev = ReferenceUpdater.elements(suite, "previous-version");
			assertEquals(1, prev.size());
			assertEquals(TS1, prev.get(0).getAttribute("timestamp"));
			assertEquals(TS2, prev.get(0).getAttribute("timestamp-obsolete"));
			assertEquals(c1, prev.get(0).getAttribute("checksum"));
			assertEquals("plugins/Tomolyte_-0.1.0.jar", prev.get(0).getAttribute("filename"));
			// the previous release is still downloadable and still matches its recorded checksum
			ReferenceUpdater.verify(server.url(), "plugins/Tomolyte_-0.1.0.jar", TS1, Files.size(jar1), c1);
			assertEquals(TS1, version(plugin(index, "jars/jhdf.jar")).getAttribute("timestamp"), "unchanged files keep their timestamp");
			assertEquals(TS1, version(plugin(index, "macros/reconstruct.ijm")).getAttribute("timestamp"));
			assertEquals(Map.of("plugins/Tomolyte_.jar", TS2), dependencies(plugin(index, "macros/reconstruct.ijm")));
		}

		// The same release again: nothing is written, the index keeps its bytes.
		byte[] db2 = Files.readAllBytes(site.resolve("db.xml.gz"));
		SiteBuild b3 = UpdateSite.build(SiteInputs.of(jar2, libs, macros).at(T2.plusSeconds(3600), UTC), site, Progress.NONE);
		assertFalse(b3.indexChanged());
		assertTrue(b3.uploaded().isEmpty());
		assertTrue(Arrays.equals(db2, Files.readAllBytes(site.resolve("db.xml.gz"))));

		// A new version name with the same contents, and the macro withdrawn.
		Path jar3 = Files.copy(jar2, Files.createDirectories(dir.resolve("build3")).resolve("Tomolyte_-0.2.0.jar"));
		Files.delete(macros.resolve("reconstruct.ijm"));
		Instant t4 = Instant.parse("2026-11-25T09:30:05Z");
		String ts4 = "20261125093005";
		SiteBuild b4 = UpdateSite.build(SiteInputs.of(jar3, libs, macros).at(t4, UTC), site, Progress.NONE);
		assertEquals(Arrays.asList("plugins/Tomolyte_-0.2.0.jar-" + ts4), b4.uploaded());
		try (ReferenceUpdater.Server server = new ReferenceUpdater.Server(site)) {
			Document index = ReferenceUpdater.index(server.url());
			assertEquals(3, ReferenceUpdater.downloadAndVerifyAll(server.url(), index));
			Element suite = plugin(index, "plugins/Tomolyte_.jar");
			assertEquals("plugins/Tomolyte_-0.2.0.jar", suite.getAttribute("filename"));
			List<String> prevNames = ReferenceUpdater.elements(suite, "previous-version").stream()
					.map(e -> e.getAttribute("filename") + "-" + e.getAttribute("timestamp")).collect(Collectors.toList());
			assertEquals(Arrays.asList("plugins/Tomolyte_-0.1.0.jar-" + TS1, "plugins/Tomolyte_-0.1.0.jar-" + TS2), prevNames);
			Element m = plugin(index, "macros/reconstruct.ijm");
			assertNull(version(m), "a withdrawn file has no current version, so Fiji offers to uninstall it");
			Element mp = ReferenceUpdater.elements(m, "previous-version").get(0);
			assertEquals(TS1, mp.getAttribute("timestamp"));
			assertEquals(ts4, mp.getAttribute("timestamp-obsolete"));
			ReferenceUpdater.verify(server.url(), "macros/reconstruct.ijm", TS1, -1, mp.getAttribute("checksum"));
		}
		assertEquals(4, SiteDatabase.read(site.resolve("db.xml.gz")).size());
	}

	@Test
	void timestampsStayAfterEarlierReleasesEvenWhenTheClockIsBehind(@TempDir Path dir) throws Exception {
		Path site = dir.resolve("site");
		UpdateSite.build(SiteInputs.of(suiteJar(dir.resolve("a"), "Tomolyte_-1.jar", 1), new ArrayList<>(), null).at(T2, UTC), site, Progress.NONE);
		SiteBuild b = UpdateSite.build(SiteInputs.of(suiteJar(dir.resolve("b"), "Tomolyte_-1.jar", 2), new ArrayList<>(), null).at(T1, UTC), site, Progress.NONE);
		assertEquals("20261124160001", Long.toString(b.record("plugins/Tomolyte_-1.jar").current().timestamp()));
	}

	@Test
	void aFailedCommitLeavesTheSiteAsItWas(@TempDir Path dir) throws Exception {
		Path site = dir.resolve("site");
		Path deps = Files.createDirectories(dir.resolve("deps"));
		Path lib = TestJars.write(deps.resolve("extra-lib-1.0.jar"), TestJars.manifest(), TestJars.entries("x/Y.class", "one"), false, 0L);
		Path jar = suiteJar(dir.resolve("b1"), "Tomolyte_-0.1.0.jar", 1);
		UpdateSite.build(SiteInputs.of(jar, List.of(lib), null).at(T1, UTC), site, Progress.NONE);
		// A user file where the site wants its macros folder: the commit fails after moving the new library in.
		Files.write(site.resolve("macros"), "my notes".getBytes(StandardCharsets.UTF_8));
		Map<String, String> before = files(dir);

		TestJars.write(lib, TestJars.manifest(), TestJars.entries("x/Y.class", "two"), false, 0L);
		Path macros = dir.resolve("macros-in");
		macro(macros, "a.ijm", "// A\n");
		Map<String, String> beforeWithInputs = files(dir);
		UpdateSiteException e = assertThrows(UpdateSiteException.class,
				() -> UpdateSite.build(SiteInputs.of(jar, List.of(lib), macros).at(T2, UTC), site, Progress.NONE));
		assertTrue(e.getMessage().contains(site.toString()) || e.getMessage().contains("macros"), e.getMessage());
		assertEquals(beforeWithInputs, files(dir), "site, user file and inputs unchanged; no staging or lock left behind");
		assertEquals(before.get("site/db.xml.gz"), files(dir).get("site/db.xml.gz"));
	}

	@Test
	void cancellingLeavesNothingBehind(@TempDir Path dir) throws Exception {
		Path jar = suiteJar(dir.resolve("b"), "Tomolyte_-0.1.0.jar", 1);
		Progress cancelled = new Progress() {
			@Override
			public void report(double fraction, String message) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		Map<String, String> before = files(dir);
		assertThrows(CancelledException.class, () -> UpdateSite.build(SiteInputs.of(jar, new ArrayList<>(), null).at(T1, UTC), dir.resolve("site"), cancelled));
		assertEquals(before, files(dir));
	}

	@Test
	void aCorruptIndexIsReportedAndLeftAlone(@TempDir Path dir) throws Exception {
		Path site = Files.createDirectories(dir.resolve("site"));
		Files.write(site.resolve("db.xml.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));
		Path jar = suiteJar(dir.resolve("b"), "Tomolyte_-0.1.0.jar", 1);
		Map<String, String> before = files(dir);
		UpdateSiteException e = assertThrows(UpdateSiteException.class,
				() -> UpdateSite.build(SiteInputs.of(jar, new ArrayList<>(), null).at(T1, UTC), site, Progress.NONE));
		assertTrue(e.getMessage().contains("db.xml.gz"), e.getMessage());
		assertEquals(before, files(dir));
	}

	@Test
	void missingBuildOutputsAreExplained(@TempDir Path dir) {
		UpdateSiteException e = assertThrows(UpdateSiteException.class, () -> SiteInputs.fromBuildTree(dir.resolve("target"), dir.resolve("macros")));
		assertTrue(e.getMessage().contains("mvn"), e.getMessage());
	}

	/** Every regular file below {@code root} (hidden ones included) with the SHA-1 of its bytes. */
	static Map<String, String> files(Path root) throws Exception {
		Map<String, String> out = new TreeMap<>();
		if (!Files.exists(root)) return out;
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
				MessageDigest md = MessageDigest.getInstance("SHA-1");
				out.put(root.relativize(p).toString().replace('\\', '/'), UpdaterChecksum.hex(md.digest(Files.readAllBytes(p))));
			}
		}
		return out;
	}
}
