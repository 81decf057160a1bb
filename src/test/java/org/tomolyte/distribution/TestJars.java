package org.tomolyte.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/** Small jars written entry by entry, with control over order, compression, entry times and manifest. */
final class TestJars {
	private TestJars() {}

	static Map<String, byte[]> entries(Object... nameThenContent) {
		Map<String, byte[]> m = new LinkedHashMap<>();
		for (int i = 0; i < nameThenContent.length; i += 2) {
			Object c = nameThenContent[i + 1];
			m.put((String) nameThenContent[i], c instanceof byte[] ? (byte[]) c : ((String) c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return m;
	}

	static Manifest manifest(String... keyValues) {
		Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		for (int i = 0; i < keyValues.length; i += 2) m.getMainAttributes().putValue(keyValues[i], keyValues[i + 1]);
		return m;
	}

	/** Writes {@code entries} in the map's order; {@code stored} writes them uncompressed. */
	static Path write(Path file, Manifest manifest, Map<String, byte[]> entries, boolean stored, long entryTimeMillis) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream os = Files.newOutputStream(file); JarOutputStream jar = manifest == null ? new JarOutputStream(os) : new JarOutputStream(os, manifest)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				JarEntry je = new JarEntry(e.getKey());
				je.setLastModifiedTime(FileTime.fromMillis(entryTimeMillis));
				if (stored) {
					je.setMethod(ZipEntry.STORED);
					je.setSize(e.getValue().length);
					CRC32 crc = new CRC32();
					crc.update(e.getValue());
					je.setCrc(crc.getValue());
				}
				jar.putNextEntry(je);
				jar.write(e.getValue());
				jar.closeEntry();
			}
		}
		return file;
	}
}
