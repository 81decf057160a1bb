package org.tomolyte.io.impedance;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the impedance spectra in a table of measured rows: keeps only complete frequency points (frequency
 * above 0, finite real and imaginary parts, not both zero) and starts a new spectrum wherever a grouping
 * column (cycle number, sequence Ns, spectrum index) changes, where rows without a frequency (DC holds,
 * other techniques' rows) intervene, or where the frequency sweep restarts (a step against the sweep's
 * direction, or a repeated frequency), as in EC-Lab's PEIS/GEIS/Modulo Bat records.
 */
public final class SpectrumSplitter {
	private SpectrumSplitter() {}

	/**
	 * @param freqHz frequency of each row (0 or NaN for rows without impedance)
	 * @param zRe real part of each row
	 * @param zIm imaginary part of each row (either sign convention)
	 * @param groups columns whose change starts a new spectrum (null entries ignored)
	 * @return the row indices of each spectrum, in row order
	 */
	public static List<int[]> split(double[] freqHz, double[] zRe, double[] zIm, double[]... groups) {
		List<int[]> out = new ArrayList<>();
		int[] current = new int[16];
		int size = 0;
		int previous = -1;
		boolean separatorSincePrevious = false;
		int direction = 0;
		for (int i = 0; i < freqHz.length; i++) {
			double f = freqHz[i];
			if (!(f > 0) || Double.isInfinite(f)) {
				separatorSincePrevious = true;
				continue;
			}
			if (!Double.isFinite(zRe[i]) || !Double.isFinite(zIm[i]) || (zRe[i] == 0 && zIm[i] == 0)) continue;
			boolean restart = previous < 0 || separatorSincePrevious;
			if (!restart) {
				for (double[] g : groups)
					if (g != null && Double.compare(g[i], g[previous]) != 0) restart = true;
			}
			if (!restart) {
				double step = f - freqHz[previous];
				int sign = step > 0 ? 1 : step < 0 ? -1 : 0;
				if (sign == 0 || (direction != 0 && sign != direction)) restart = true;
				else direction = sign;
			}
			if (restart) {
				if (size > 0) out.add(java.util.Arrays.copyOf(current, size));
				size = 0;
				direction = 0;
			}
			if (size == current.length) current = java.util.Arrays.copyOf(current, 2 * size);
			current[size++] = i;
			previous = i;
			separatorSincePrevious = false;
		}
		if (size > 0) out.add(java.util.Arrays.copyOf(current, size));
		return out;
	}
}
