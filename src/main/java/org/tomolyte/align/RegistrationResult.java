package org.tomolyte.align;

import org.tomolyte.model.Table;

/**
 * The outcome of registering one scan to a reference: the scan → reference transform, whether it converged
 * (and why not), and the per-block evidence: where each block sat, the displacement it measured, its residual
 * after the robust rigid fit, its normalised cross-correlation and whether the fit used it.
 */
public final class RegistrationResult {
	private final Affine3D transform;
	private final boolean converged;
	private final String message;
	private final int iterations;
	private final int inlierCount;
	private final double inlierRmsUm;
	private final Table blocks;

	RegistrationResult(Affine3D transform, boolean converged, String message, int iterations, int inlierCount, double inlierRmsUm, Table blocks) {
		this.transform = transform;
		this.converged = converged;
		this.message = message;
		this.iterations = iterations;
		this.inlierCount = inlierCount;
		this.inlierRmsUm = inlierRmsUm;
		this.blocks = blocks;
	}

	/** Maps a point of the scan (µm) into the reference frame. */
	public Affine3D transform() {
		return transform;
	}

	/** False when the iteration did not settle, too few blocks matched or the residuals stayed large. */
	public boolean converged() {
		return converged;
	}

	/** What happened, in words a user can act on. */
	public String message() {
		return message;
	}

	/** Warp-and-rematch rounds over all pyramid levels. */
	public int iterations() {
		return iterations;
	}

	public int inlierCount() {
		return inlierCount;
	}

	/** RMS residual of the blocks used by the final fit (µm). */
	public double inlierRmsUm() {
		return inlierRmsUm;
	}

	/**
	 * One row per matched block of the finest level: {@code block, x_um, y_um, z_um} (block centre, reference
	 * frame), {@code dx_um, dy_um, dz_um} (measured displacement, reference − scan point), {@code residual_um},
	 * {@code ncc}, {@code inlier} (1/0).
	 */
	public Table blocks() {
		return blocks;
	}

	@Override
	public String toString() {
		return "RegistrationResult[" + (converged ? "converged" : "NOT converged") + ", " + transform + ", " + inlierCount + " blocks, rms "
				+ String.format(java.util.Locale.ROOT, "%.4f", inlierRmsUm) + " µm: " + message + "]";
	}
}
