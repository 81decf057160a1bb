package org.tomolyte.cracks;

/**
 * What happened to a tracked object at a scan (Wu &amp; Hatzell 2025, Fig. 2c–g): a crack appears (initiation), a
 * chip appears (detachment), objects join (merge) or part (split), it grows, or liquid metal fills it
 * (infiltration).
 */
public enum TrackEvent {
	// declaration order = significance, most significant first (one event per row in tracks.csv)
	INITIATION("initiation"), DETACHMENT("detachment"), MERGE("merge"), SPLIT("split"), INFILTRATION("infiltration"), GROWTH("growth");

	/** The {@code event} value of a row where nothing changed. */
	public static final String UNCHANGED = "unchanged";

	private final String label;

	TrackEvent(String label) {
		this.label = label;
	}

	/** The word used in the {@code event} column. */
	public String label() {
		return label;
	}

	/**
	 * The most significant of the events (initiation / detachment, merge, split, infiltration, growth), or
	 * {@code unchanged}: the convention of the synthetic cell's truth tables.
	 */
	public static String mostSignificant(java.util.Set<TrackEvent> events) {
		for (TrackEvent e : values())
			if (events.contains(e)) return e.label;
		return UNCHANGED;
	}

	/** All the events joined with '+' in order of significance, or {@code unchanged}. */
	public static String join(java.util.Set<TrackEvent> events) {
		if (events.isEmpty()) return UNCHANGED;
		StringBuilder b = new StringBuilder();
		for (TrackEvent e : values())
			if (events.contains(e)) b.append(b.length() > 0 ? "+" : "").append(e.label);
		return b.toString();
	}
}
