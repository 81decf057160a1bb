package org.tomolyte.distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.scijava.util.FileUtils;

/**
 * One {@code <plugin>} record of an ImageJ/Fiji update site's {@code db.xml.gz}: a file under its current,
 * possibly versioned name ({@code jars/jhdf-0.9.4.jar}), its current version with description, dependencies
 * and authors, and the versions it had before. Immutable; mirrors {@code net.imagej.updater.FileObject}.
 */
public final class SiteRecord {
	private final String filename;
	private final boolean executable;
	private final List<String> platforms;
	private final List<String> categories;
	private final Version current;
	private final String description;
	private final List<Dependency> dependencies;
	private final List<String> links;
	private final List<String> authors;
	private final List<Version> previous;

	/**
	 * @param filename path relative to the Fiji folder, forward slashes
	 * @param current the current version, or null when the file was removed from the site (obsolete)
	 */
	public SiteRecord(String filename, boolean executable, List<String> platforms, List<String> categories, Version current,
			String description, List<Dependency> dependencies, List<String> links, List<String> authors, List<Version> previous) {
		this.filename = Objects.requireNonNull(filename, "filename");
		this.executable = executable;
		this.platforms = copy(platforms);
		this.categories = copy(categories);
		this.current = current;
		this.description = description;
		this.dependencies = copy(dependencies);
		this.links = copy(links);
		this.authors = copy(authors);
		this.previous = copy(previous);
	}

	private static <T> List<T> copy(List<T> list) {
		return list == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(list));
	}

	/** The file name the updater keys records by: {@code jars/jhdf-0.9.4.jar} → {@code jars/jhdf.jar}. */
	public static String unversioned(String filename) {
		return FileUtils.stripFilenameVersion(filename);
	}

	public String filename() {
		return filename;
	}

	public String unversionedFilename() {
		return unversioned(filename);
	}

	public boolean executable() {
		return executable;
	}

	public List<String> platforms() {
		return platforms;
	}

	public List<String> categories() {
		return categories;
	}

	/** The current version, or null when the file is obsolete (removed from the site). */
	public Version current() {
		return current;
	}

	public String description() {
		return description;
	}

	public List<Dependency> dependencies() {
		return dependencies;
	}

	public List<String> links() {
		return links;
	}

	public List<String> authors() {
		return authors;
	}

	/** Earlier versions, oldest first; their files stay on the site under {@link Version#uploadName}. */
	public List<Version> previous() {
		return previous;
	}

	/** The name the current version's file has on the site: {@code filename-timestamp}. */
	public String uploadName() {
		if (current == null) throw new IllegalStateException(filename + " is obsolete and has no current version");
		return filename + "-" + current.timestamp();
	}

	@Override
	public String toString() {
		return filename + (current == null ? " (obsolete)" : " " + current);
	}

	/** A {@code <version>} or {@code <previous-version>}: checksum and timestamp identify it. */
	public static final class Version {
		private final String checksum;
		private final long timestamp;
		private final long filesize;
		private final String filename;
		private final long timestampObsolete;

		/**
		 * @param timestamp yyyyMMddHHmmss as a number, as the updater stores it
		 * @param filesize bytes (written for the current version only)
		 * @param filename the file's name at this version (written for previous versions)
		 * @param timestampObsolete when this version was superseded, 0 while current or unknown
		 */
		public Version(String checksum, long timestamp, long filesize, String filename, long timestampObsolete) {
			this.checksum = Objects.requireNonNull(checksum, "checksum");
			this.timestamp = timestamp;
			this.filesize = filesize;
			this.filename = filename;
			this.timestampObsolete = timestampObsolete;
		}

		public String checksum() {
			return checksum;
		}

		public long timestamp() {
			return timestamp;
		}

		public long filesize() {
			return filesize;
		}

		public String filename() {
			return filename;
		}

		public long timestampObsolete() {
			return timestampObsolete;
		}

		/** This version retired at {@code when}. */
		Version obsoleteAt(long when, String nameAtThisVersion) {
			return new Version(checksum, timestamp, filesize, nameAtThisVersion, when);
		}

		/** The name of this version's file on the site. */
		public String uploadName(String recordFilename) {
			return (filename != null ? filename : recordFilename) + "-" + timestamp;
		}

		@Override
		public String toString() {
			return checksum + "@" + timestamp;
		}
	}

	/** A {@code <dependency>}: installing the record's file also installs this one. */
	public static final class Dependency {
		private final String filename;
		private final long timestamp;
		private final boolean overrides;

		public Dependency(String filename, long timestamp, boolean overrides) {
			this.filename = Objects.requireNonNull(filename, "filename");
			this.timestamp = timestamp;
			this.overrides = overrides;
		}

		/** Unversioned, as the updater writes it ({@code jars/jhdf.jar}). */
		public String filename() {
			return filename;
		}

		public long timestamp() {
			return timestamp;
		}

		public boolean overrides() {
			return overrides;
		}

		@Override
		public String toString() {
			return filename + "@" + timestamp;
		}
	}
}
