package org.tomolyte.synth.cell;

import org.tomolyte.model.Volume;

/** One scan of the synthetic cell: the grey volume (µ in cm⁻¹) and its label volume (0–6), both in the scan frame. */
public final class RenderedScan {
	private final Volume scan;
	private final Volume labels;

	RenderedScan(Volume scan, Volume labels) {
		this.scan = scan;
		this.labels = labels;
	}

	public Volume scan() {
		return scan;
	}

	/** Labels as in {@link Material#label()}, stored as floats. */
	public Volume labels() {
		return labels;
	}
}
