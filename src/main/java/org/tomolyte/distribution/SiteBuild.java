package org.tomolyte.distribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one {@link UpdateSite#build} did: the records now in the index and the files it added to the site. */
public final class SiteBuild {
	private final Path site;
	private final List<SiteRecord> records;
	private final List<String> uploaded;
	private final boolean indexChanged;

	SiteBuild(Path site, List<SiteRecord> records, List<String> uploaded, boolean indexChanged) {
		this.site = site;
		this.records = Collections.unmodifiableList(new ArrayList<>(records));
		this.uploaded = Collections.unmodifiableList(new ArrayList<>(uploaded));
		this.indexChanged = indexChanged;
	}

	/** The site folder. */
	public Path site() {
		return site;
	}

	/** Every record of the index, obsolete ones included. */
	public List<SiteRecord> records() {
		return records;
	}

	/** Site-relative names of the files this build added ({@code jars/jhdf-0.9.4.jar-20261124155000}). */
	public List<String> uploaded() {
		return uploaded;
	}

	/** False when the site already held exactly this release and nothing was written. */
	public boolean indexChanged() {
		return indexChanged;
	}

	/** The record of {@code filename} (versioned or not), or null. */
	public SiteRecord record(String filename) {
		String key = SiteRecord.unversioned(filename);
		for (SiteRecord r : records)
			if (r.unversionedFilename().equals(key)) return r;
		return null;
	}

	/** A few lines for the console. */
	public String summary() {
		StringBuilder sb = new StringBuilder();
		long current = records.stream().filter(r -> r.current() != null).count();
		sb.append("Update site ").append(site).append(": ").append(current).append(" files");
		if (current < records.size()) sb.append(" (+").append(records.size() - current).append(" obsolete)");
		sb.append(indexChanged ? ", " + uploaded.size() + " new uploads" : ", already up to date").append('\n');
		for (String u : uploaded) sb.append("  added ").append(u).append('\n');
		return sb.toString();
	}
}
