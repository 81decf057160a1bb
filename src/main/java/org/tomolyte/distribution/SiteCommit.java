package org.tomolyte.distribution;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a new release into a site folder all or nothing. New files are staged in a hidden folder beside the
 * site; {@link #commit} moves the uploads in under their new names (the old index does not list them, so
 * clients never see them early) and then replaces {@code db.xml.gz} in one atomic rename, the moment the
 * release appears. If any step fails, the uploads moved in so far are removed again. Nothing the site did not
 * write in this run is ever overwritten or deleted. A lock file beside the site keeps two builds apart.
 */
final class SiteCommit implements AutoCloseable {
	private final Path site;
	private final Path staging;
	private final Path lockFile;
	private final FileChannel lockChannel;
	private final FileLock lock;

	private SiteCommit(Path site, Path staging, Path lockFile, FileChannel lockChannel, FileLock lock) {
		this.site = site;
		this.staging = staging;
		this.lockFile = lockFile;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	static SiteCommit open(Path site) throws UpdateSiteException {
		Path parent = site.getParent();
		if (parent == null) throw new UpdateSiteException("The update site folder " + site + " has no parent folder");
		if (Files.exists(site) && !Files.isDirectory(site))
			throw new UpdateSiteException("The update site " + site + " exists and is a file, not a folder");
		Path lockFile = parent.resolve("." + site.getFileName() + ".tomolyte-lock");
		FileChannel ch = null;
		try {
			Files.createDirectories(parent);
			ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = ch.tryLock();
			} catch (OverlappingFileLockException e) {
				lock = null;
			}
			if (lock == null)
				throw new UpdateSiteException("Another update-site build is writing " + site + " (lock " + lockFile + "); wait for it to finish");
			Path staging = Files.createTempDirectory(parent, "." + site.getFileName() + ".staging-");
			return new SiteCommit(site, staging, lockFile, ch, lock);
		} catch (IOException e) {
			closeQuietly(ch);
			if (e instanceof UpdateSiteException) throw (UpdateSiteException) e;
			throw new UpdateSiteException("Cannot prepare to write the update site " + site + ": " + e.getMessage(), e);
		}
	}

	/** The staging path for {@code name} (a path relative to the site). */
	Path staged(String name) throws UpdateSiteException {
		Path p = staging.resolve(name).normalize();
		if (!p.startsWith(staging)) throw new UpdateSiteException("File name escapes the update site: " + name);
		try {
			Files.createDirectories(p.getParent());
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot create staging folder for " + name + ": " + e.getMessage(), e);
		}
		return p;
	}

	/**
	 * Moves the staged uploads into the site, then the staged index (if {@code withIndex}) over
	 * {@code db.xml.gz}. An upload whose name already exists in the site must have identical contents (a
	 * leftover of an interrupted run); anything else is refused rather than overwritten.
	 */
	void commit(List<String> uploads, boolean withIndex) throws UpdateSiteException {
		List<Path> movedIn = new ArrayList<>();
		List<Path> createdDirs = new ArrayList<>();
		try {
			mkdirs(site, createdDirs);
			for (String name : uploads) {
				Path from = staging.resolve(name);
				Path to = site.resolve(name);
				mkdirs(to.getParent(), createdDirs);
				if (Files.exists(to)) {
					if (Files.size(to) == Files.size(from) && java.util.Arrays.equals(Files.readAllBytes(to), Files.readAllBytes(from))) continue;
					throw new UpdateSiteException(to + " exists with other contents but db.xml.gz does not list it; move it out of the site and build again");
				}
				Files.move(from, to);
				movedIn.add(to);
			}
			if (withIndex) {
				Path from = staging.resolve(SiteDatabase.FILENAME);
				Path to = site.resolve(SiteDatabase.FILENAME);
				try {
					Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		} catch (IOException | RuntimeException e) {
			for (int i = movedIn.size() - 1; i >= 0; i--) deleteQuietly(movedIn.get(i));
			for (int i = createdDirs.size() - 1; i >= 0; i--) deleteQuietly(createdDirs.get(i));
			if (e instanceof UpdateSiteException) throw (UpdateSiteException) e;
			throw new UpdateSiteException("Could not update the site " + site + " (" + e + "); it was left as it was", e);
		}
	}

	private static void mkdirs(Path dir, List<Path> created) throws IOException {
		List<Path> missing = new ArrayList<>();
		for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) missing.add(0, p);
		for (Path p : missing) {
			Files.createDirectory(p);
			created.add(p);
		}
	}

	@Override
	public void close() {
		try (Stream<Path> s = Files.walk(staging)) {
			s.sorted(Comparator.reverseOrder()).forEach(SiteCommit::deleteQuietly);
		} catch (IOException e) {
			// best effort: a hidden leftover staging folder does not affect the site
		}
		try {
			lock.release();
		} catch (IOException e) {
			// released when the channel closes anyway
		}
		closeQuietly(lockChannel);
		deleteQuietly(lockFile);
	}

	private static void deleteQuietly(Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (IOException e) {
			// a directory that is not empty was not ours alone; leave it
		}
	}

	private static void closeQuietly(FileChannel ch) {
		if (ch == null) return;
		try {
			ch.close();
		} catch (IOException e) {
			// nothing to do
		}
	}
}
