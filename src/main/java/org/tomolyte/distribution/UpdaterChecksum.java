package org.tomolyte.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksum Fiji's updater ({@code net.imagej.updater}, {@code UpdaterUtil.getDigest}/{@code getJarDigest})
 * records in {@code db.xml.gz} and re-computes on every downloaded file: SHA-1, written as 40 lower-case hex
 * digits. Reimplemented from the updater's rules so the site we write verifies in a real Fiji.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li><b>Jars</b> (site path ends with {@code .jar}): all entries of the zip's central directory, including
 * directory entries, sorted by {@link String#compareTo} of their names; for each entry the SHA-1 is fed the
 * name (US-ASCII, unmappable characters become {@code ?}) and then the entry's <em>uncompressed</em> bytes, so
 * entry order, timestamps, compression method and the jar's own comment do not count. Two filters apply:
 * <ul>
 * <li>{@code META-INF/MANIFEST.MF}: its name counts, its contents do not. (The updater keeps only lines that,
 * upper-cased, start with {@code "Main-Class:"}, which no upper-cased line can, so the contents are always
 * empty; this is why a rebuilt jar with a new {@code Implementation-Build} or {@code Class-Path} keeps its
 * checksum.)</li>
 * <li>entries whose name ends with {@code .properties}: comment lines are removed ({@link #withoutCommentLines}),
 * because {@code java.util.Properties} writes the build date into {@code pom.properties}.</li>
 * </ul></li>
 * <li><b>Other files</b>: SHA-1 of the site path (e.g. {@code macros/demo.ijm}, US-ASCII) followed by the file's
 * bytes, so the same macro under another name has another checksum.</li>
 * </ul>
 *
 * <h2>Test vectors</h2>
 * <ul>
 * <li>A jar with the entries {@code b/C.class} = bytes {@code CA FE BA BE 00 01}, {@code a.properties} =
 * {@code "#Tue Nov 24 2026\nkey=value\n"} and a manifest (any contents), in any order and with any compression,
 * has checksum {@value #JAR_TEST_VECTOR}, the SHA-1 of
 * {@code "META-INF/MANIFEST.MF" + "a.properties" + "\nkey=value\n" + "b/C.class" + CA FE BA BE 00 01}
 * (computed with coreutils' {@code sha1sum}).</li>
 * <li>The file {@code macros/demo.ijm} with contents {@code "// demo\nprint(\"hi\");\n"} has checksum
 * {@value #FILE_TEST_VECTOR} = SHA-1 of {@code "macros/demo.ijm// demo\nprint(\"hi\");\n"}.</li>
 * </ul>
 */
public final class UpdaterChecksum {
	/** Checksum of the jar described in the class documentation. */
	public static final String JAR_TEST_VECTOR = "001a8fdd677a8fa79da73757a569be5803d16c5b";
	/** Checksum of the macro described in the class documentation. */
	public static final String FILE_TEST_VECTOR = "8e2b6dbbd259518cd392fb02a8bce31036e72ae0";

	static final String MANIFEST = "META-INF/MANIFEST.MF";

	private UpdaterChecksum() {}

	/**
	 * The checksum of {@code file} as it will be installed at {@code sitePath} (a path relative to the Fiji
	 * folder, forward slashes, e.g. {@code jars/jhdf-0.9.4.jar}).
	 */
	public static String of(String sitePath, Path file) throws UpdateSiteException {
		return sitePath.endsWith(".jar") ? ofJar(file) : ofFile(sitePath, file);
	}

	/** The jar rule: sorted entry names and uncompressed contents, manifest contents and .properties comments left out. */
	public static String ofJar(Path jar) throws UpdateSiteException {
		MessageDigest sha1 = sha1();
		try (JarFile zip = new JarFile(jar.toFile(), false)) {
			List<JarEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			byte[] buffer = new byte[65536];
			for (JarEntry entry : entries) {
				String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) continue;
				try (InputStream in = zip.getInputStream(entry)) {
					if (name.endsWith(".properties")) {
						sha1.update(withoutCommentLines(in.readAllBytes()));
					} else {
						for (int n; (n = in.read(buffer)) > 0;)
							sha1.update(buffer, 0, n);
					}
				}
			}
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot checksum " + jar + ": it is not a readable jar (" + e.getMessage() + ")", e);
		}
		return hex(sha1.digest());
	}

	/** The rule for everything but jars: the site path, then the bytes. */
	public static String ofFile(String sitePath, Path file) throws UpdateSiteException {
		MessageDigest sha1 = sha1();
		sha1.update(sitePath.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[65536];
			for (int n; (n = in.read(buffer)) > 0;)
				sha1.update(buffer, 0, n);
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot read " + file + " to checksum it: " + e.getMessage(), e);
		}
		return hex(sha1.digest());
	}

	/**
	 * The bytes of a {@code .properties} entry as the updater hashes them: a line that starts with {@code #}
	 * is reduced to its line feed. The updater's filter has two quirks that change checksums, so they are kept:
	 * after an empty line, or after a line made only of {@code #} characters, the next line is not seen as
	 * starting a line (a comment there is kept); and a comment on the last line without a line feed vanishes
	 * entirely.
	 */
	static byte[] withoutCommentLines(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean atLineStart = true;
		int i = 0;
		while (i < in.length) {
			byte c = in[i];
			if (!atLineStart) {
				out.write(c);
				atLineStart = c == '\n';
				i++;
			} else if (c != '#') {
				out.write(c);
				atLineStart = false;
				i++;
			} else {
				int j = i;
				while (j < in.length && in[j] == '#') j++;
				if (j == in.length) break;
				if (in[j] == '\n') {
					out.write('\n');
					atLineStart = false;
					i = j + 1;
					continue;
				}
				while (j < in.length && in[j] != '\n') j++;
				if (j == in.length) break;
				out.write('\n');
				atLineStart = true;
				i = j + 1;
			}
		}
		return out.toByteArray();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("This JVM has no SHA-1 digest", e);
		}
	}

	static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder(bytes.length * 2);
		for (byte b : bytes)
			sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
		return sb.toString();
	}
}
