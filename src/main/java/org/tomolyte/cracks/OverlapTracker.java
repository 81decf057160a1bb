package org.tomolyte.cracks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links objects of successive scans by 3D overlap — intersection over union, or containment of one in the other
 * dilated by a tolerance for residual misregistration — and turns the links into stable track IDs and events:
 * no predecessor = initiation (crack) or detachment (chip); several predecessors = merge (the oldest ID lives
 * on); several successors = split (the largest overlap keeps the ID); growth when depth or volume increase
 * beyond the settings' limits; infiltration when the fill turns to liquid metal. Objects link only to the same
 * kind. Tracks unseen in a scan stay linkable later.
 */
public final class OverlapTracker {
	private final CrackSettings settings;
	private final double growthDepthUm;
	private final Map<Integer, TrackedObject> last = new LinkedHashMap<>();
	private int nextId = 1;

	public OverlapTracker(CrackSettings settings, double voxelZUm) {
		this.settings = settings;
		this.growthDepthUm = Double.isNaN(settings.growthMinDepthUm()) ? voxelZUm : settings.growthMinDepthUm();
	}

	/** Tracks the objects of the next scan (in the order given) and returns them with IDs and events. */
	public List<TrackedObject> next(int scan, List<VoxelObject> objects, List<ObjectMeasurement> measurements) {
		int n = objects.size();
		List<List<Integer>> preds = new ArrayList<>();
		Map<Integer, List<Integer>> succs = new LinkedHashMap<>();
		Map<Long, Long> overlap = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			VoxelObject b = objects.get(i);
			List<Integer> p = new ArrayList<>();
			for (TrackedObject t : last.values()) {
				VoxelObject a = t.object();
				if (a.kind() != b.kind()) continue;
				long inter = a.intersection(b);
				double iou = inter / (double) (a.voxelCount() + b.voxelCount() - inter);
				int tol = settings.overlapToleranceVoxels();
				double bInA = a.containedWithin(b, tol) / (double) b.voxelCount();
				double aInB = b.containedWithin(a, tol) / (double) a.voxelCount();
				if (iou >= settings.minIoU() || Math.max(bInA, aInB) >= settings.minContainment()) {
					p.add(t.trackId());
					succs.computeIfAbsent(t.trackId(), k -> new ArrayList<>()).add(i);
					overlap.put(((long) t.trackId() << 32) | i, inter);
				}
			}
			preds.add(p);
		}
		List<TrackedObject> out = new ArrayList<>();
		Set<Integer> used = new HashSet<>();
		for (int i = 0; i < n; i++) {
			ObjectMeasurement m = measurements.get(i);
			List<Integer> p = preds.get(i);
			EnumSet<TrackEvent> ev = EnumSet.noneOf(TrackEvent.class);
			int id;
			if (p.isEmpty()) {
				id = nextId++;
				ev.add(objects.get(i).kind() == ObjectKind.CHIP ? TrackEvent.DETACHMENT : TrackEvent.INITIATION);
			} else if (p.size() >= 2) {
				id = p.stream().mapToInt(Integer::intValue).min().getAsInt();
				ev.add(TrackEvent.MERGE);
			} else {
				int t = p.get(0);
				List<Integer> s = succs.get(t);
				if (s.size() >= 2) {
					ev.add(TrackEvent.SPLIT);
					int keeper = s.get(0);
					for (int j : s)
						if (overlap.get(((long) t << 32) | j) > overlap.get(((long) t << 32) | keeper)) keeper = j;
					id = keeper == i ? t : nextId++;
				} else id = t;
			}
			if (used.contains(id)) id = nextId++;
			used.add(id);
			if (!p.isEmpty()) {
				double depth = 0, volume = 0;
				boolean wasFilled = false;
				for (int t : p) {
					ObjectMeasurement pm = last.get(t).measurement();
					depth = Math.max(depth, pm.depthUm());
					volume += pm.volumeUm3();
					wasFilled |= pm.infiltrated();
				}
				if (!ev.contains(TrackEvent.SPLIT) && (m.depthUm() - depth >= growthDepthUm || m.volumeUm3() >= (1 + settings.growthMinFraction()) * volume))
					ev.add(TrackEvent.GROWTH);
				if (m.infiltrated() && !wasFilled) ev.add(TrackEvent.INFILTRATION);
			} else if (m.infiltrated()) ev.add(TrackEvent.INFILTRATION);
			out.add(new TrackedObject(scan, id, objects.get(i), m, ev));
		}
		// merged-away and split-from tracks end; every object of this scan is now the last of its track
		for (List<Integer> p : preds) if (p.size() >= 2) for (int t : p) last.remove(t);
		for (TrackedObject o : out) last.put(o.trackId(), o);
		return out;
	}
}
