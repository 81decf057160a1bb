package org.tomolyte.cracks;

/**
 * What happened to a tracked object at a scan (Wu &amp; Hatzell 2025, Fig. 2c–g): a crack appears (initiation), a
 * chip appears (detachment), objects join (merge) or part (split), it grows, or liquid metal fills it
 * (infiltration).
 */
public enum TrackEvent {
	INITIATION("initiation"), DETACHMENT("detachment"), MERGE("merge"), SPLIT("split"), GROWTH("growth"), INFILTRATION("infiltration");

	private final String label;

	TrackEvent(String label) {
		this.label = label;
	}

	/** The word used in the {@code event} column. */
	public String label() {
		return label;
	}

	/** The events joined with '+' in declaration order, or {@code none}. */
	public static String join(java.util.Set<TrackEvent> events) {
		if (events.isEmpty()) return "none";
		StringBuilder b = new StringBuilder();
		for (TrackEvent e : values())
			if (events.contains(e)) b.append(b.length() > 0 ? "+" : "").append(e.label);
		return b.toString();
	}
}
