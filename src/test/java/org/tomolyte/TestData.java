package org.tomolyte;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared real data ({@code ../shared/data} beside the project, or the {@code tomolyte.data}
 * system property). Tests that need a file fail clearly, naming the path, when it is missing.
 */
public final class TestData {
	private TestData() {}

	/** The data folder; fails the test if it does not exist. */
	public static Path root() {
		String prop = System.getProperty("tomolyte.data");
		Path p = prop != null ? Paths.get(prop) : Paths.get("..", "shared", "data");
		if (!Files.isDirectory(p))
			fail("Shared test data folder not found at " + p.toAbsolutePath() + " (set -Dtomolyte.data=/path/to/shared/data)");
		return p;
	}

	/** A file or folder below the data root, e.g. {@code file("biologic/geis.mpr")}; fails if missing. */
	public static Path file(String relative) {
		Path p = root().resolve(relative);
		if (!Files.exists(p)) fail("Shared test data file missing: " + p.toAbsolutePath());
		return p;
	}
}
