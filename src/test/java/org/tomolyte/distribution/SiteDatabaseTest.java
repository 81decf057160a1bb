package org.tomolyte.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteDatabaseTest {

	@Test
	void writeThenReadKeepsEveryField(@TempDir Path dir) throws Exception {
		SiteRecord.Version cur = new SiteRecord.Version("aa", 20261124150000L, 123, "jars/a-2.0.jar", 0);
		SiteRecord.Version old = new SiteRecord.Version("bb", 20250101000000L, 0, "jars/a-1.0.jar", 20261124150000L);
		SiteRecord a = new SiteRecord("jars/a-2.0.jar", true, Arrays.asList("linux64"), Arrays.asList("Analysis"), cur,
				"A & B <tools> \"quoted\"", Arrays.asList(new SiteRecord.Dependency("jars/b.jar", 20240101000000L, true)),
				Arrays.asList("https://example.org/a"), Arrays.asList("Ann", "Bob"), Arrays.asList(old));
		SiteRecord gone = new SiteRecord("macros/x.ijm", false, null, null, null, null, null, null, null,
				Arrays.asList(new SiteRecord.Version("cc", 20240101000000L, 0, "macros/x.ijm", 20250101000000L)));
		Path db = dir.resolve("db.xml.gz");
		try (OutputStream out = Files.newOutputStream(db)) {
			SiteDatabase.write(Arrays.asList(a, gone), out);
		}
		SiteDatabase.validate(db);
		List<SiteRecord> back = SiteDatabase.read(db);
		assertEquals(2, back.size());
		SiteRecord r = back.get(0);
		assertEquals("jars/a-2.0.jar", r.filename());
		assertTrue(r.executable());
		assertEquals(Arrays.asList("linux64"), r.platforms());
		assertEquals(Arrays.asList("Analysis"), r.categories());
		assertEquals("aa", r.current().checksum());
		assertEquals(20261124150000L, r.current().timestamp());
		assertEquals(123, r.current().filesize());
		assertEquals("A & B <tools> \"quoted\"", r.description());
		assertEquals("jars/b.jar", r.dependencies().get(0).filename());
		assertTrue(r.dependencies().get(0).overrides());
		assertEquals(Arrays.asList("https://example.org/a"), r.links());
		assertEquals(Arrays.asList("Ann", "Bob"), r.authors());
		assertEquals("jars/a-1.0.jar", r.previous().get(0).filename());
		assertEquals(20261124150000L, r.previous().get(0).timestampObsolete());
		assertNull(back.get(1).current());
		assertEquals("cc", back.get(1).previous().get(0).checksum());
		assertEquals(SiteDatabase.toXml(Arrays.asList(a, gone)), SiteDatabase.toXml(back), "a round trip is lossless");
	}

	@Test
	void readsAnIndexAsTheUpdaterWritesIt() throws Exception {
		// Shape of XMLFileWriter's output: standalone="no", DTD inserted before the root, attributes in its order.
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>" + SiteDatabase.DTD + "<pluginRecords>\n"
				+ "    <plugin filename=\"plugins/Foo_-1.2.jar\">\n"
				+ "        <version checksum=\"0123\" timestamp=\"20240102030405\" filesize=\"42\">\n"
				+ "            <description>Foo</description>\n"
				+ "            <dependency filename=\"jars/bar.jar\" timestamp=\"20230101000000\"/>\n"
				+ "            <author>Someone</author>\n"
				+ "        </version>\n"
				+ "        <previous-version timestamp=\"20200101000000\" timestamp-obsolete=\"0\" checksum=\"4567\"/>\n"
				+ "    </plugin>\n</pluginRecords>\n";
		List<SiteRecord> rs = SiteDatabase.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		assertEquals(1, rs.size());
		assertEquals("plugins/Foo_.jar", rs.get(0).unversionedFilename());
		assertEquals(42, rs.get(0).current().filesize());
		assertNull(rs.get(0).previous().get(0).filename(), "the updater fills a missing previous filename from the record's");
		assertFalse(rs.get(0).executable());
	}

	@Test
	void timestampsAreLocalTimeInTheGivenZone() {
		Instant t = Instant.parse("2026-11-24T15:00:00Z");
		assertEquals(20261124150000L, UpdaterTimestamp.of(t, ZoneId.of("UTC")));
		assertEquals(20261124160000L, UpdaterTimestamp.of(t, ZoneId.of("Europe/Berlin")), "CET is UTC+1 in November");
		assertEquals(20270101000000L, UpdaterTimestamp.plusOneSecond(20261231235959L));
		assertEquals(20240301000000L, UpdaterTimestamp.plusOneSecond(20240229235959L), "leap day");
	}
}
