package org.tomolyte.cracks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tomolyte.model.Volume;

/**
 * Tells whether liquid metal has entered a crack since the previous scan from the change of grey value in the
 * crack's previous core (its most darkened voxels): infiltration brightens the core by about the liquid-metal–void
 * contrast even while the crack widens, which darkens it only slightly. A differential test like this needs no
 * model of the blur or the sheet's shape, unlike judging the fill from one scan's profile (Wu &amp; Hatzell 2025,
 * Fig. 2e–f: NaK infiltrates after edge chipping). Liquid metal, once in, is taken to stay. Strong widening
 * darkens the core and can mask the brightening, so a negative answer is combined with the profile test.
 */
final class FillChange {
	/** Brightening of the previous core, as a fraction of the liquid-metal–void contrast, that means infiltration. */
	static final double BRIGHTENING = 0.25;

	private FillChange() {}

	/**
	 * Per object of the current scan: for a crack overlapping a crack of the previous scan, TRUE if liquid metal
	 * was in it or has clearly entered it, FALSE if the change does not show it (the profile test may still find
	 * it: widening darkens the core and can hide the brightening); null for chips and new cracks.
	 */
	static List<Boolean> crackFill(ReferenceFrame rf, Volume previous, Volume current, List<VoxelObject> objects, List<TrackedObject> previousObjects,
			CrackSettings s) {
		Volume ref = rf.reference();
		long wh = (long) ref.width() * ref.height();
		double contrast = rf.levels().liquidMetalGrey() - rf.levels().voidGrey();
		List<Boolean> out = new ArrayList<>();
		for (VoxelObject b : objects) {
			Boolean fill = null;
			if (b.kind() == ObjectKind.CRACK) {
				for (TrackedObject p : previousObjects) {
					VoxelObject a = p.object();
					if (a.kind() != ObjectKind.CRACK || a.containedWithin(b, s.overlapToleranceVoxels()) == 0) continue;
					boolean was = p.measurement().infiltrated();
					boolean now = was || brightening(a, ref, previous, current, wh) > BRIGHTENING * contrast;
					fill = fill == null ? now : fill || now;
				}
			}
			out.add(fill);
		}
		return out;
	}

	/** Mean grey-value change (current − previous) over the darkest 30 % (at least 10) of the previous object's voxels. */
	static double brightening(VoxelObject a, Volume ref, Volume previous, Volume current, long wh) {
		long[] v = a.voxels();
		double[] deficit = new double[v.length];
		Integer[] idx = new Integer[v.length];
		for (int i = 0; i < v.length; i++) {
			int z = (int) (v[i] / wh), r = (int) (v[i] % wh);
			deficit[i] = ref.slice(z)[r] - previous.slice(z)[r];
			idx[i] = i;
		}
		Arrays.sort(idx, (p, q) -> Double.compare(deficit[q], deficit[p]) != 0 ? Double.compare(deficit[q], deficit[p]) : Integer.compare(p, q));
		int n = Math.min(v.length, Math.max(10, (int) (0.3 * v.length)));
		double sum = 0;
		for (int k = 0; k < n; k++) {
			long x = v[idx[k]];
			int z = (int) (x / wh), r = (int) (x % wh);
			sum += current.slice(z)[r] - previous.slice(z)[r];
		}
		return sum / n;
	}
}
