package org.tomolyte.cracks;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** One object in one scan with its stable track ID, its measurements and the events at this scan. */
public final class TrackedObject {
	private final int scan;
	private final int trackId;
	private final VoxelObject object;
	private final ObjectMeasurement measurement;
	private final Set<TrackEvent> events;

	TrackedObject(int scan, int trackId, VoxelObject object, ObjectMeasurement measurement, Set<TrackEvent> events) {
		this.scan = scan;
		this.trackId = trackId;
		this.object = object;
		this.measurement = measurement;
		this.events = events.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(events));
	}

	public int scan() {
		return scan;
	}

	public int trackId() {
		return trackId;
	}

	public VoxelObject object() {
		return object;
	}

	public ObjectMeasurement measurement() {
		return measurement;
	}

	public Set<TrackEvent> events() {
		return events;
	}

	/** The {@code event} column: the most significant event, or {@code unchanged}. */
	public String eventLabel() {
		return TrackEvent.mostSignificant(events);
	}

	/** All events of this row joined with '+' (e.g. {@code infiltration+growth}). */
	public String allEvents() {
		return TrackEvent.join(events);
	}
}
