package org.tomolyte.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.tomolyte.task.Progress;

/**
 * Builds a Fiji update site in a folder: {@code db.xml.gz} plus every file it lists under its upload name
 * ({@code plugins/Tomolyte_-0.1.0.jar-20261124155000}), so the folder can be served as is by any web server
 * and added to Fiji under Help &gt; Update… &gt; Manage update sites. Follows the ImageJ updater
 * ({@code net.imagej.updater}: {@code XMLFileWriter}, {@code FilesUploader}, {@code UpdaterUtil}).
 * <p>
 * Releases accumulate: a file whose checksum ({@link UpdaterChecksum}) is unchanged keeps its version and
 * timestamp; a changed file gets the build's timestamp and its old version becomes a
 * {@code <previous-version>} whose file stays on the site; a file no longer shipped loses its
 * {@code <version>} (Fiji then offers to uninstall it) but keeps its history. The suite's jar depends on the
 * libraries the site ships and every macro depends on the suite's jar, so installing either pulls in the rest.
 * The folder is changed all or nothing ({@link SiteCommit}).
 */
public final class UpdateSite {
	private UpdateSite() {}

	/**
	 * Writes or updates the site in {@code siteDir} (created if missing).
	 *
	 * @throws UpdateSiteException naming the file and the problem; the site folder is then unchanged
	 */
	public static SiteBuild build(SiteInputs inputs, Path siteDir, Progress progress) throws UpdateSiteException {
		Path site = siteDir.toAbsolutePath().normalize();
		try (SiteCommit commit = SiteCommit.open(site)) {
			Path index = site.resolve(SiteDatabase.FILENAME);
			List<SiteRecord> old = SiteDatabase.read(index);
			Map<String, SiteRecord> oldByKey = new LinkedHashMap<>();
			long latest = 0;
			for (SiteRecord r : old) {
				oldByKey.put(r.unversionedFilename(), r);
				if (r.current() != null) latest = Math.max(latest, r.current().timestamp());
				for (SiteRecord.Version v : r.previous()) latest = Math.max(latest, Math.max(v.timestamp(), v.timestampObsolete()));
			}
			// Upload names must never collide with an earlier release's, and newer must sort after older.
			long stamp = Math.max(UpdaterTimestamp.of(inputs.buildTime(), inputs.zone()), UpdaterTimestamp.plusOneSecond(latest));

			List<Item> items = items(inputs);
			Progress checksums = progress.sub(0, 0.6);
			for (int i = 0; i < items.size(); i++) {
				progress.checkCancelled();
				Item it = items.get(i);
				checksums.report((double) i / items.size(), "Checksumming " + it.sitePath);
				it.checksum = UpdaterChecksum.of(it.sitePath, it.source);
				it.size = size(it.source);
			}

			Map<String, SiteRecord> records = new LinkedHashMap<>();
			List<Item> toUpload = new ArrayList<>();
			String suiteKey = null;
			List<SiteRecord.Dependency> libraryDeps = new ArrayList<>();
			for (Item it : items) {
				List<SiteRecord.Dependency> deps = new ArrayList<>();
				if (it.kind == Kind.SUITE) deps.addAll(libraryDeps);
				if (it.kind == Kind.MACRO && suiteKey != null) deps.add(new SiteRecord.Dependency(suiteKey, records.get(suiteKey).current().timestamp(), false));
				String key = SiteRecord.unversioned(it.sitePath);
				if (records.containsKey(key))
					throw new UpdateSiteException("Two inputs install to the same file " + key + ": " + it.source + " and " + records.get(key).filename());
				SiteRecord rec = record(it, oldByKey.get(key), deps, stamp, site);
				records.put(key, rec);
				if (it.upload) toUpload.add(it);
				if (it.kind == Kind.LIBRARY) libraryDeps.add(new SiteRecord.Dependency(key, rec.current().timestamp(), false));
				if (it.kind == Kind.SUITE) suiteKey = key;
			}
			for (SiteRecord r : old) {
				String key = r.unversionedFilename();
				if (records.containsKey(key)) continue;
				records.put(key, r.current() == null ? r : retired(r, stamp));
			}
			List<SiteRecord> all = new ArrayList<>(records.values());
			all.sort(Comparator.comparing(SiteRecord::unversionedFilename));

			String xml = SiteDatabase.toXml(all);
			boolean changed = !toUpload.isEmpty() || !xml.equals(existingXml(index));
			List<String> uploadNames = new ArrayList<>();
			if (changed) {
				Progress copies = progress.sub(0.6, 0.95);
				for (int i = 0; i < toUpload.size(); i++) {
					progress.checkCancelled();
					Item it = toUpload.get(i);
					String name = records.get(SiteRecord.unversioned(it.sitePath)).uploadName();
					copies.report((double) i / toUpload.size(), "Staging " + name);
					Path staged = commit.staged(name);
					copy(it.source, staged);
					// The source must not change between checksum and copy: what is served must match the index.
					if (size(staged) != it.size || !UpdaterChecksum.of(it.sitePath, staged).equals(it.checksum))
						throw new UpdateSiteException(it.source + " changed while the site was being built; build again");
					uploadNames.add(name);
				}
				Path stagedIndex = commit.staged(SiteDatabase.FILENAME);
				try (OutputStream out = Files.newOutputStream(stagedIndex)) {
					SiteDatabase.write(all, out);
				} catch (IOException e) {
					throw new UpdateSiteException("Cannot write the staged index " + stagedIndex + ": " + e.getMessage(), e);
				}
				SiteDatabase.validate(stagedIndex);
				progress.checkCancelled();
				uploadNames.sort(null);
				commit.commit(uploadNames, true);
			}
			progress.report(1, changed ? "Update site written" : "Update site already up to date");
			return new SiteBuild(site, all, uploadNames, changed);
		}
	}

	private enum Kind { LIBRARY, SUITE, MACRO }

	private static final class Item {
		final Kind kind;
		final String sitePath;
		final Path source;
		final String description;
		final List<String> authors;
		String checksum;
		long size;
		boolean upload;

		Item(Kind kind, String sitePath, Path source, String description, List<String> authors) {
			this.kind = kind;
			this.sitePath = sitePath;
			this.source = source;
			this.description = description;
			this.authors = authors;
		}
	}

	/** Libraries first, then the suite (depends on them), then macros (depend on the suite). */
	private static List<Item> items(SiteInputs inputs) throws UpdateSiteException {
		List<Item> items = new ArrayList<>();
		for (Path lib : inputs.libraries()) {
			requireFile(lib, "runtime library");
			JarMetadata m = JarMetadata.read(lib);
			items.add(new Item(Kind.LIBRARY, "jars/" + lib.getFileName(), lib, m.description, m.authors));
		}
		Path jar = inputs.suiteJar();
		requireFile(jar, "suite jar");
		if (!jar.getFileName().toString().endsWith(".jar")) throw new UpdateSiteException("The suite jar " + jar + " is not a .jar file");
		JarMetadata suite = JarMetadata.read(jar);
		items.add(new Item(Kind.SUITE, "plugins/" + jar.getFileName(), jar, suite.description, suite.authors));
		for (Path macro : inputs.macros()) {
			requireFile(macro, "macro");
			items.add(new Item(Kind.MACRO, "macros/" + macro.getFileName(), macro, macroDescription(macro), suite.authors));
		}
		for (Item it : items)
			if (!it.sitePath.chars().allMatch(c -> c > 0x20 && c < 0x7f))
				throw new UpdateSiteException("File name " + it.sitePath + " must be plain ASCII without spaces: the updater hashes names as ASCII and builds URLs from them");
		return items;
	}

	/**
	 * The record for an input: the old current version when its checksum and name are unchanged, else a new
	 * version at {@code stamp} with the old one kept as previous version. Marks the item for upload when the site
	 * lacks the file of its version.
	 */
	private static SiteRecord record(Item it, SiteRecord old, List<SiteRecord.Dependency> deps, long stamp, Path site) {
		List<SiteRecord.Version> previous = new ArrayList<>();
		List<String> categories = new ArrayList<>();
		List<String> links = new ArrayList<>();
		SiteRecord.Version current;
		if (old != null) {
			previous.addAll(old.previous());
			categories.addAll(old.categories());
			links.addAll(old.links());
		}
		if (old != null && old.current() != null && old.current().checksum().equals(it.checksum) && old.filename().equals(it.sitePath)) {
			current = old.current();
			it.upload = !Files.exists(site.resolve(it.sitePath + "-" + current.timestamp()));
			if (it.upload) current = new SiteRecord.Version(current.checksum(), current.timestamp(), it.size, it.sitePath, 0);
		} else {
			if (old != null && old.current() != null) previous.add(old.current().obsoleteAt(stamp, old.filename()));
			current = new SiteRecord.Version(it.checksum, stamp, it.size, it.sitePath, 0);
			it.upload = true;
		}
		return new SiteRecord(it.sitePath, false, new ArrayList<>(), categories, current, it.description, deps, links, it.authors, previous);
	}

	/** A record whose file is no longer shipped: its current version becomes a previous one. */
	private static SiteRecord retired(SiteRecord r, long stamp) {
		List<SiteRecord.Version> previous = new ArrayList<>(r.previous());
		previous.add(r.current().obsoleteAt(stamp, r.filename()));
		return new SiteRecord(r.filename(), r.executable(), r.platforms(), r.categories(), null, r.description(),
				new ArrayList<>(), r.links(), r.authors(), previous);
	}

	/** The first comment line of a macro, which by the suite's convention says what it does. */
	static String macroDescription(Path macro) throws UpdateSiteException {
		try (BufferedReader r = Files.newBufferedReader(macro, StandardCharsets.UTF_8)) {
			for (String line; (line = r.readLine()) != null;) {
				String t = line.trim();
				if (t.isEmpty()) continue;
				if (!(t.startsWith("//") || t.startsWith("/*") || t.startsWith("*"))) return null;
				t = t.replaceFirst("^(//+|/\\*+|\\*+)", "").replaceFirst("\\*+/$", "").trim();
				if (!t.isEmpty()) return t.length() > 300 ? t.substring(0, 300) : t;
			}
			return null;
		} catch (IOException e) {
			// a macro saved in another encoding still ships; it only lacks a description
			return null;
		}
	}

	private static String existingXml(Path index) {
		if (!Files.exists(index)) return null;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(index))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return null;
		}
	}

	private static void requireFile(Path p, String what) throws UpdateSiteException {
		if (!Files.isRegularFile(p)) throw new UpdateSiteException("The " + what + " " + p.toAbsolutePath() + " does not exist or is not a file");
	}

	private static long size(Path p) throws UpdateSiteException {
		try {
			return Files.size(p);
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot read the size of " + p + ": " + e.getMessage(), e);
		}
	}

	private static void copy(Path from, Path to) throws UpdateSiteException {
		try {
			Files.copy(from, to);
		} catch (IOException e) {
			throw new UpdateSiteException("Cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
		}
	}
}
