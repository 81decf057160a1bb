package org.tomolyte.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs Tomolyte into a Fiji (or ImageJ) folder: the suite's jar into {@code plugins/}, and each runtime
 * library into {@code jars/} only when the installation has no jar of that library in any version, so
 * Fiji's own copies (scijava-common, imglib2, JTransforms, ...) are never duplicated or replaced. An older
 * Tomolyte jar is renamed aside, never deleted.
 */
final class Installer {
	private static final Pattern VERSIONED = Pattern.compile("(.+?)-(\\d[^/]*)\\.jar");

	private Installer() {}

	static int install(Path fiji, PrintStream out) throws IOException {
		if (!Files.isDirectory(fiji))
			throw new IOException("No Fiji/ImageJ folder at " + fiji.toAbsolutePath());
		Path plugins = fiji.resolve("plugins");
		Path jars = fiji.resolve("jars");
		if (!Files.isDirectory(plugins) && !Files.isDirectory(jars))
			throw new IOException(fiji.toAbsolutePath() + " has neither plugins/ nor jars/: it does not look like a Fiji.app or ImageJ folder");
		Path jar = Main.jarOrClasses();
		if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar"))
			throw new IOException("Run install from the packaged jar (./tomolyte install ...), not from " + jar);
		Files.createDirectories(plugins);
		Files.createDirectories(jars);
		try (DirectoryStream<Path> old = Files.newDirectoryStream(plugins, "Tomolyte_*.jar")) {
			for (Path p : old) {
				if (p.getFileName().equals(jar.getFileName())) continue;
				Path aside = p.resolveSibling(p.getFileName() + ".old");
				Files.move(p, aside, StandardCopyOption.REPLACE_EXISTING);
				out.println("moved aside " + p + " -> " + aside.getFileName());
			}
		}
		copy(jar, plugins.resolve(jar.getFileName()), out);
		Path deps = jar.getParent().resolve("dependency");
		List<String> present = artifactNames(jars);
		present.addAll(artifactNames(plugins));
		if (Files.isDirectory(deps)) {
			try (DirectoryStream<Path> ds = Files.newDirectoryStream(deps, "*.jar")) {
				for (Path dep : ds) {
					String name = artifactName(dep.getFileName().toString());
					if (present.contains(name)) continue;
					copy(dep, jars.resolve(dep.getFileName()), out);
				}
			}
		}
		out.println("Tomolyte installed in " + fiji.toAbsolutePath() + "; restart Fiji and look under Plugins > Tomolyte.");
		return 0;
	}

	private static void copy(Path from, Path to, PrintStream out) throws IOException {
		Path tmp = to.resolveSibling("." + to.getFileName() + ".part");
		Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
		Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
		out.println("installed " + to);
	}

	static List<String> artifactNames(Path dir) throws IOException {
		List<String> names = new ArrayList<>();
		if (!Files.isDirectory(dir)) return names;
		try (java.util.stream.Stream<Path> s = Files.walk(dir, 3)) {
			s.filter(p -> p.toString().endsWith(".jar")).forEach(p -> names.add(artifactName(p.getFileName().toString())));
		}
		return names;
	}

	/** {@code jhdf-0.9.4.jar} → {@code jhdf}; names without a version stay whole. */
	static String artifactName(String file) {
		Matcher m = VERSIONED.matcher(file);
		return m.matches() ? m.group(1) : file.replaceAll("\\.jar$", "");
	}
}
