package org.tomolyte.command.tomo;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.tomolyte.tomo.TomoInput;
import org.tomolyte.tomo.Zingers;
import org.tomolyte.tomo.stripes.StripeFilter;
import org.tomolyte.tomo.stripes.StripeFilters;

/** The macro keys the tomography commands share, turned into library objects in one place. */
final class TomoParameters {
	private TomoParameters() {}

	/** Opens the input; {@code angles} is a degree range ("0-180"), an angle file, or empty for the file's own. */
	static TomoInput.Spec input(java.io.File input, String angles, double pixelUm, boolean log) {
		return input(input, angles, pixelUm, log, "");
	}

	/**
	 * As {@link #input(java.io.File, String, double, boolean)}, with HDF5 dataset paths for files whose layout
	 * is not detected: {@code "data=/a/b white=/c dark=/d theta=/e image_key=/f"} (any subset).
	 */
	static TomoInput.Spec input(java.io.File input, String angles, double pixelUm, boolean log, String datasets) {
		TomoInput.Spec spec = new TomoInput.Spec(input.toPath()).lineIntegrals(!log);
		if (datasets != null && !datasets.trim().isEmpty()) {
			org.tomolyte.io.hdf5.Hdf5Projections.Options o = new org.tomolyte.io.hdf5.Hdf5Projections.Options();
			for (String part : datasets.trim().split("\\s+")) {
				int eq = part.indexOf('=');
				if (eq < 1) throw new IllegalArgumentException("datasets: expected key=/path pairs (data, white, dark, theta, image_key), got '" + part + "'");
				String k = part.substring(0, eq).toLowerCase(java.util.Locale.ROOT), v = part.substring(eq + 1);
				switch (k) {
				case "data": o.dataPath(v); break;
				case "white": case "flat": o.flatPath(v); break;
				case "dark": o.darkPath(v); break;
				case "theta": case "angles": o.anglePath(v); break;
				case "image_key": o.imageKeyPath(v); break;
				default: throw new IllegalArgumentException("datasets: unknown key '" + k + "'; use data, white, dark, theta or image_key");
				}
			}
			spec.hdf5(o);
		}
		if (angles != null && !angles.trim().isEmpty()) spec.angles(angles.trim());
		if (pixelUm > 0) spec.pixelSizeUm(pixelUm);
		return spec;
	}

	/**
	 * Per-sinogram preprocessing: zinger removal (threshold ≤ 0 turns it off; on line integrals a zinger,
	 * bright in the counts, is a dark spike, so both polarities are checked) then the stripe filter named
	 * by {@code rings} (e.g. "sorting", "all snr=2.5", "none").
	 */
	static UnaryOperator<float[][]> preprocess(double zinger, String rings) {
		StripeFilter stripes = rings == null || rings.trim().isEmpty() ? StripeFilters.none() : StripeFilters.parse(rings);
		Zingers.Settings z = zinger > 0 ? Zingers.Settings.DEFAULT.withThreshold(zinger).withPolarity(Zingers.Polarity.BOTH) : null;
		return sino -> {
			float[][] s = z == null ? sino : Zingers.remove(sino, z).image;
			return stripes.apply(s);
		};
	}

	static boolean isTiff(Path p) {
		String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return n.endsWith(".tif") || n.endsWith(".tiff");
	}
}
