package org.tomolyte.echem;

import java.util.List;

/**
 * The open-circuit reference a polarisation is measured from: the median Ewe over the second half of the
 * latest rest before the step (the cell has relaxed by then); without an earlier rest, the first rest of the
 * trace; without any rest, the user's value (default 0 V, the equilibrium of a Na|Na or NaK|Na cell).
 */
final class RestPotential {
	private RestPotential() {}

	static double before(List<CurrentStep> steps, int stepIndex, double[] ewe, double fallbackV) {
		for (int k = stepIndex - 1; k >= 0; k--)
			if (steps.get(k).isRest()) return ofRest(steps.get(k), ewe);
		for (CurrentStep s : steps)
			if (s.isRest()) return ofRest(s, ewe);
		return fallbackV;
	}

	private static double ofRest(CurrentStep s, double[] ewe) {
		int from = s.firstRow() + s.rowCount() / 2;
		return Stats.median(ewe, from, s.lastRow() + 1);
	}
}
