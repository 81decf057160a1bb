package org.tomolyte.command.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.TestCommands;
import org.tomolyte.command.TomolyteCommand;

/** What the alignment command tests check of output folders: complete or absent, and what files they hold. */
final class OutputChecks {
	private OutputChecks() {}

	/** A copy of folder {@code from} (with its subfolders) at {@code to}. */
	static Path copyOf(Path from, Path to) throws Exception {
		Files.createDirectories(to);
		try (Stream<Path> s = Files.walk(from)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				Path d = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(d);
				else Files.copy(p, d);
			}
		}
		return to;
	}

	/** No output folder, and no staging folder or temporary file anywhere under {@code dir}. */
	static void assertNothingWritten(Path dir, Path out) throws Exception {
		assertTrue(!Files.exists(out), "no output folder " + out);
		try (Stream<Path> s = Files.walk(dir)) {
			List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("tomolyte-staging") || n.endsWith(".part") || n.startsWith(".t0"))
					.collect(Collectors.toList());
			assertEquals(new ArrayList<String>(), left, "no staging folder or temporary file left");
		}
	}

	/** Every file under {@code dir}, relative, with '/' separators. */
	static Set<String> files(Path dir) throws Exception {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	/**
	 * Runs a command that writes {@code out} (under {@code dir}) and stops it as soon as the temporary file of
	 * t01.tif appears in the output's staging folder (t00.tif then complete there): it must fail as cancelled
	 * and leave nothing.
	 */
	static void assertStoppingWhileWritingLeavesNothing(Path dir, Path out, String command, String options) throws Exception {
		boolean[] stopped = { false };
		TomolyteCommand.setHostStopRequest(() -> {
			try (Stream<Path> s = Files.walk(dir)) {
				// TiffStackWriter's temporary file of t01.tif, in the output's staging folder
				stopped[0] |= s.anyMatch(p -> p.getFileName().toString().startsWith(".t01.tif.") && p.toString().contains("tomolyte-staging"));
			} catch (java.io.IOException | java.io.UncheckedIOException e) {
				// a file vanished while walking: not there yet
			}
			return stopped[0];
		});
		try {
			CommandFailedException e = assertThrows(CommandFailedException.class, () -> TestCommands.runner().run(command, options));
			assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
		} finally {
			TomolyteCommand.setHostStopRequest(null);
		}
		assertTrue(stopped[0], "stopped while t01.tif was being written");
		assertNothingWritten(dir, out);
	}
}
