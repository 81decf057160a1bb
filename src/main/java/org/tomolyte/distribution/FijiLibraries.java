package org.tomolyte.distribution;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of Tomolyte's runtime libraries a Fiji installation already has, so the update site ships only the
 * others. Fiji's own update site provides the SciJava/ImgLib2 stack and the common libraries below; shipping a
 * second copy from our site would shadow Fiji's version of the file and could break other plugins.
 * <p>
 * Not listed, hence shipped by our site: {@code jhdf} (HDF5 reading) and {@code compress-lzf}. Fiji's core
 * is assembled from components managed by {@code pom-scijava}, which manages no {@code compress-lzf}, so Fiji
 * has no reason to ship it; jhdf links it for LZF-filtered datasets. Should a Fiji ever provide it from
 * another site, the updater lets the site ranked higher win for {@code jars/compress-lzf.jar}; both are
 * 1.x-compatible builds of the same library.
 */
public final class FijiLibraries {
	/** Artifact names (file name without version and {@code .jar}) that Fiji's core update site ships. */
	public static final Set<String> SHIPPED_BY_FIJI = Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(
			"scijava-common", "parsington", "ij", "imglib2", "commons-math3", "gson", "jfreechart", "jfreesvg",
			"JTransforms", "JLargeArrays", "commons-lang3", "slf4j-api", "javassist", "classgraph", "ij1-patcher",
			"lz4-java")));

	private FijiLibraries() {}

	/** {@code jhdf-0.9.4.jar} → {@code jhdf}, by the updater's own version rule. */
	public static String artifactName(String jarFileName) {
		String unversioned = SiteRecord.unversioned(jarFileName);
		return unversioned.endsWith(".jar") ? unversioned.substring(0, unversioned.length() - 4) : unversioned;
	}

	/** True when Fiji already ships this library (any version). */
	public static boolean shippedByFiji(String jarFileName) {
		return SHIPPED_BY_FIJI.contains(artifactName(jarFileName));
	}

	/**
	 * The jars of {@code dependencyDir} (Maven's {@code target/dependency}) that Fiji does not ship, sorted by
	 * name.
	 */
	public static List<Path> notShippedByFiji(Path dependencyDir) throws UpdateSiteException {
		if (!Files.isDirectory(dependencyDir))
			throw new UpdateSiteException("No runtime libraries folder " + dependencyDir.toAbsolutePath()
					+ "; run 'mvn -B -o -q package -DskipTests' first (it copies them there)");
		List<Path> out = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dependencyDir, "*.jar")) {
			for (Path jar : ds)
				if (!shippedByFiji(jar.getFileName().toString())) out.add(jar);
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot list " + dependencyDir + ": " + e.getMessage(), e);
		}
		out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
		return out;
	}
}
