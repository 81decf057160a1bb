package org.tomolyte.distribution;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What goes on the update site: the suite's jar (installed to {@code plugins/}), the runtime libraries Fiji
 * does not ship ({@code jars/}), the ImageJ macros ({@code macros/}), and the build time that stamps every
 * file changed by this build.
 * <p>
 * Timestamps come from the build time, not from the files' modification times, like Fiji's own uploader, which
 * stamps every uploaded file with the upload time: one release gets one timestamp, and a rebuilt but unchanged
 * jar (new modification time, same checksum) keeps its old one. They are written in the JVM's time zone.
 */
public final class SiteInputs {
	private final Path suiteJar;
	private final List<Path> libraries;
	private final List<Path> macros;
	private final Instant buildTime;
	private final ZoneId zone;

	private SiteInputs(Path suiteJar, List<Path> libraries, List<Path> macros, Instant buildTime, ZoneId zone) {
		this.suiteJar = Objects.requireNonNull(suiteJar, "suiteJar");
		this.libraries = Collections.unmodifiableList(new ArrayList<>(libraries));
		this.macros = Collections.unmodifiableList(new ArrayList<>(macros));
		this.buildTime = Objects.requireNonNull(buildTime, "buildTime");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * @param suiteJar the Tomolyte jar
	 * @param libraries runtime jars the site must provide (see {@link FijiLibraries#notShippedByFiji})
	 * @param macrosDir folder whose {@code *.ijm} files are published, or null / a missing folder for none
	 */
	public static SiteInputs of(Path suiteJar, List<Path> libraries, Path macrosDir) throws UpdateSiteException {
		return new SiteInputs(suiteJar, libraries, listMacros(macrosDir), Instant.now(), ZoneId.systemDefault());
	}

	/**
	 * The inputs of a Maven build tree: the suite's jar in {@code targetDir} ({@code Tomolyte_-<version>.jar}),
	 * the libraries of {@code targetDir/dependency} that Fiji lacks, and the macros of {@code macrosDir}.
	 */
	public static SiteInputs fromBuildTree(Path targetDir, Path macrosDir) throws UpdateSiteException {
		List<Path> jars = new ArrayList<>();
		if (Files.isDirectory(targetDir)) {
			try (DirectoryStream<Path> ds = Files.newDirectoryStream(targetDir, "Tomolyte_-*.jar")) {
				for (Path p : ds)
					if (!p.getFileName().toString().matches(".*-(sources|tests|test-sources|javadoc)\\.jar")) jars.add(p);
			} catch (IOException e) {
				throw new UpdateSiteException("Cannot list " + targetDir + ": " + e.getMessage(), e);
			}
		}
		if (jars.isEmpty())
			throw new UpdateSiteException("No Tomolyte_-<version>.jar in " + targetDir.toAbsolutePath()
					+ "; run 'mvn -B -o -q package -DskipTests' first");
		if (jars.size() > 1)
			throw new UpdateSiteException("Several suite jars in " + targetDir.toAbsolutePath() + ": " + jars
					+ "; remove the stale ones (mvn clean package)");
		return of(jars.get(0), FijiLibraries.notShippedByFiji(targetDir.resolve("dependency")), macrosDir);
	}

	/** The same inputs stamped at {@code when} in {@code zone} (tests, reproducible builds). */
	public SiteInputs at(Instant when, ZoneId zone) {
		return new SiteInputs(suiteJar, libraries, macros, when, zone);
	}

	/** The same inputs with another suite jar. */
	public SiteInputs withSuiteJar(Path jar) {
		return new SiteInputs(jar, libraries, macros, buildTime, zone);
	}

	private static List<Path> listMacros(Path dir) throws UpdateSiteException {
		List<Path> out = new ArrayList<>();
		if (dir == null || !Files.isDirectory(dir)) return out;
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.ijm")) {
			for (Path p : ds)
				if (Files.isRegularFile(p)) out.add(p);
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot list macros in " + dir + ": " + e.getMessage(), e);
		}
		out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
		return out;
	}

	public Path suiteJar() {
		return suiteJar;
	}

	public List<Path> libraries() {
		return libraries;
	}

	public List<Path> macros() {
		return macros;
	}

	public Instant buildTime() {
		return buildTime;
	}

	public ZoneId zone() {
		return zone;
	}
}
