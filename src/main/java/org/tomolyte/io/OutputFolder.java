package org.tomolyte.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a command's output files all together or not at all. Files are first written into a hidden
 * staging folder beside the target; {@link #commit()} moves them into place (replacing earlier outputs of
 * the same name), {@link #close()} without commit deletes the staging folder, so a failed or cancelled run
 * leaves the user's folder exactly as it was.
 *
 * <pre>
 * try (OutputFolder out = OutputFolder.open(dir)) {
 *     CsvTables.write(table, out.file("tracks.csv"));
 *     out.commit();
 * }
 * </pre>
 */
public final class OutputFolder implements AutoCloseable {
	private final Path target;
	private final Path staging;
	private final List<String> names = new ArrayList<>();
	private boolean committed;

	private OutputFolder(Path target, Path staging) {
		this.target = target;
		this.staging = staging;
	}

	/** Opens a staged output for the folder {@code target} (created on commit if missing). */
	public static OutputFolder open(Path target) throws IOException {
		Path abs = target.toAbsolutePath().normalize();
		if (Files.exists(abs) && !Files.isDirectory(abs))
			throw new IOException("Output " + abs + " exists and is a file, not a folder");
		Path parent = abs.getParent();
		if (parent == null) throw new IOException("Output folder " + abs + " has no parent folder");
		Files.createDirectories(parent);
		Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tomolyte-staging-");
		return new OutputFolder(abs, staging);
	}

	/** The final folder. */
	public Path target() {
		return target;
	}

	/**
	 * A path in the staging area to write the output {@code name} (may contain sub-folders) into; it
	 * becomes {@code target/name} on commit.
	 */
	public Path file(String name) throws IOException {
		if (committed) throw new IllegalStateException("Output " + target + " is already committed");
		Path p = staging.resolve(name).normalize();
		if (!p.startsWith(staging)) throw new IOException("Output name escapes the output folder: " + name);
		if (p.getParent() != null) Files.createDirectories(p.getParent());
		if (!names.contains(name)) names.add(name);
		return p;
	}

	/** Moves every staged file into the target folder. */
	public void commit() throws IOException {
		if (committed) return;
		Files.createDirectories(target);
		List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.walk(staging)) {
			s.filter(Files::isRegularFile).forEach(files::add);
		}
		for (Path f : files) {
			Path dest = target.resolve(staging.relativize(f).toString());
			if (dest.getParent() != null) Files.createDirectories(dest.getParent());
			try {
				Files.move(f, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(f, dest, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		committed = true;
		deleteStaging();
	}

	@Override
	public void close() {
		try {
			deleteStaging();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not remove staging folder " + staging, e);
		}
	}

	private void deleteStaging() throws IOException {
		if (!Files.exists(staging)) return;
		try (Stream<Path> s = Files.walk(staging)) {
			for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
				try {
					Files.deleteIfExists(p);
				} catch (DirectoryNotEmptyException ignored) {
					// a concurrent writer; the next close removes it
				}
			}
		}
	}

	/** Names written so far, in order. */
	public List<String> names() {
		return new ArrayList<>(names);
	}

	/**
	 * Writes one file atomically: {@code writer} fills a temporary sibling which then replaces {@code dest}.
	 * For single-file outputs (a TIFF, a CSV) that do not need a folder.
	 */
	public static void writeAtomically(Path dest, IOConsumer<Path> writer) throws IOException {
		Path abs = dest.toAbsolutePath().normalize();
		Path parent = abs.getParent();
		Files.createDirectories(parent);
		// Not Files.createTempFile: that makes the file private (0600), and the result should carry the
		// user's usual permissions.
		Path tmp = parent.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime() ^ Thread.currentThread().getId()) + ".part");
		try {
			writer.accept(tmp);
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** A consumer that may throw IOException. */
	@FunctionalInterface
	public interface IOConsumer<T> {
		void accept(T t) throws IOException;
	}
}
