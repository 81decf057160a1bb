package org.tomolyte.tomo;

/**
 * Small sinogram utilities shared by the centre finders and the reconstructor: validation (rectangular,
 * finite, one angle per row), angle spans, and selecting the first 180° of a 360° scan.
 */
public final class Sinograms {
	private Sinograms() {}

	/** Throws a {@link TomoException} naming {@code what} if the sinogram is empty, ragged, non-finite or the angle count differs. */
	public static void check(float[][] sinogram, double[] anglesRad, String what) {
		if (sinogram == null || sinogram.length < 2 || sinogram[0].length < 2)
			throw new TomoException("The " + what + " needs at least 2 angles and 2 detector pixels");
		int w = sinogram[0].length;
		for (int i = 0; i < sinogram.length; i++) {
			float[] r = sinogram[i];
			if (r.length != w)
				throw new TomoException("Row " + i + " of the " + what + " has " + r.length + " pixels, row 0 has " + w);
			for (int x = 0; x < w; x++)
				if (!Float.isFinite(r[x]))
					throw new TomoException("The " + what + " holds a non-finite value (" + r[x] + ") at angle " + i + ", pixel " + x
							+ "; check the flat/dark normalisation or the input file");
		}
		if (anglesRad == null)
			throw new TomoException("No angles for the " + what + ": give an angle range or an angle file");
		if (anglesRad.length != sinogram.length)
			throw new TomoException("The " + what + " has " + sinogram.length + " angles (rows) but " + anglesRad.length
					+ " angle values were given");
		for (double a : anglesRad)
			if (!Double.isFinite(a)) throw new TomoException("The angles of the " + what + " contain a non-finite value");
	}

	/** Evenly spaced angles over [fromDeg, toDeg): n angles, the last one step short of {@code toDeg} (the usual scan layout). */
	public static double[] evenAnglesRad(int n, double fromDeg, double toDeg) {
		double[] a = new double[n];
		for (int i = 0; i < n; i++)
			a[i] = Math.toRadians(fromDeg + (toDeg - fromDeg) * i / n);
		return a;
	}

	/** Evenly spaced angles over [fromDeg, toDeg] with both ends included. */
	public static double[] evenAnglesInclusiveRad(int n, double fromDeg, double toDeg) {
		double[] a = new double[n];
		for (int i = 0; i < n; i++)
			a[i] = Math.toRadians(fromDeg + (n == 1 ? 0 : (toDeg - fromDeg) * i / (n - 1)));
		return a;
	}

	/** The angular span covered, last − first plus one mean step (rad): ≈ π for a 180° scan, ≈ 2π for a 360° one. */
	public static double spanRad(double[] anglesRad) {
		int n = anglesRad.length;
		double range = Math.abs(anglesRad[n - 1] - anglesRad[0]);
		return range + range / Math.max(1, n - 1);
	}

	/** True when the angles cover clearly more than 180° (more than 190°). */
	public static boolean isFullTurn(double[] anglesRad) {
		return spanRad(anglesRad) > Math.toRadians(190);
	}

	/** Number of leading rows whose angle lies within [θ0, θ0 + 180°) (plus half a step tolerance). */
	public static int halfTurnRows(double[] anglesRad) {
		double a0 = anglesRad[0];
		double step = Math.abs(anglesRad[anglesRad.length - 1] - a0) / Math.max(1, anglesRad.length - 1);
		int n = 0;
		while (n < anglesRad.length && Math.abs(anglesRad[n] - a0) < Math.PI - 0.5 * step)
			n++;
		return Math.max(2, n);
	}

	/** Linear interpolation of a row at position u, clamping to the ends. */
	public static float sample(float[] row, double u) {
		int w = row.length;
		if (u <= 0) return row[0];
		if (u >= w - 1) return row[w - 1];
		int k = (int) u;
		double f = u - k;
		return (float) (row[k] + f * (row[k + 1] - row[k]));
	}
}
