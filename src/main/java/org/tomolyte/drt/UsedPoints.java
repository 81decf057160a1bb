package org.tomolyte.drt;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.model.Spectrum;

/**
 * Validates an impedance spectrum and applies the frequency mask (fmin/fmax, Re Z &lt; 0, optionally
 * inductive points), returning the points that enter the fit sorted by descending frequency so that
 * results do not depend on the order in which the instrument measured them.
 */
final class UsedPoints {
	/** Fewest points a DRT or KK fit accepts. */
	static final int MIN_POINTS = 5;

	/** Indices into the spectrum, sorted by descending frequency. */
	final int[] index;
	/** used[i] for every input point, in input order. */
	final boolean[] used;
	final double[] freqHz;
	final double[] zRe;
	final double[] zIm;

	private UsedPoints(Spectrum s, List<Integer> keep) {
		keep.sort((a, b) -> Double.compare(s.freqHz(b), s.freqHz(a)));
		int n = keep.size();
		index = new int[n];
		used = new boolean[s.size()];
		freqHz = new double[n];
		zRe = new double[n];
		zIm = new double[n];
		for (int k = 0; k < n; k++) {
			int i = keep.get(k);
			index[k] = i;
			used[i] = true;
			freqHz[k] = s.freqHz(i);
			zRe[k] = s.zReOhm(i);
			zIm[k] = s.zImOhm(i);
		}
	}

	int size() {
		return index.length;
	}

	/**
	 * @param what names the spectrum in messages (e.g. "spectrum 3 of geis.mpr")
	 * @throws DrtException on NaN/∞, non-positive or duplicate frequencies, too few points left, or an
	 *         inductive-only spectrum
	 */
	static UsedPoints of(Spectrum s, double fminHz, double fmaxHz, boolean dropNegativeRe, boolean dropInductive, String what) {
		if (s == null) throw new DrtException("No spectrum given (" + what + ")");
		List<Integer> keep = new ArrayList<>();
		for (int i = 0; i < s.size(); i++) {
			double f = s.freqHz(i), re = s.zReOhm(i), im = s.zImOhm(i);
			if (!Double.isFinite(f) || !Double.isFinite(re) || !Double.isFinite(im))
				throw new DrtException(what + ": point " + i + " is not a finite number (f=" + f + " Hz, Re Z=" + re + " Ω, Im Z=" + im + " Ω); remove it from the data");
			if (f <= 0) throw new DrtException(what + ": point " + i + " has a non-positive frequency " + f + " Hz");
			if (f < fminHz || f > fmaxHz) continue;
			if (dropNegativeRe && re < 0) continue;
			if (dropInductive && im > 0) continue;
			keep.add(i);
		}
		UsedPoints u = new UsedPoints(s, keep);
		for (int k = 1; k < u.size(); k++)
			if (u.freqHz[k] == u.freqHz[k - 1])
				throw new DrtException(what + ": frequency " + u.freqHz[k] + " Hz appears twice (points " + u.index[k - 1] + " and " + u.index[k]
						+ "); a DRT needs distinct frequencies — split repeated sweeps into separate spectra");
		if (u.size() < MIN_POINTS)
			throw new DrtException(what + ": only " + u.size() + " of " + s.size() + " points left after the frequency mask (fmin=" + fminHz
					+ " Hz, fmax=" + fmaxHz + " Hz" + (dropNegativeRe ? ", Re Z<0 dropped" : "") + (dropInductive ? ", inductive dropped" : "")
					+ "); at least " + MIN_POINTS + " are needed");
		boolean capacitive = false;
		for (double im : u.zIm) capacitive |= im < 0;
		if (!capacitive)
			throw new DrtException(what + ": no point has Im Z < 0 — the spectrum is purely inductive/resistive and has no relaxation to analyse"
					+ " (check the sign convention: Im Z must be negative for capacitive arcs)");
		return u;
	}
}
