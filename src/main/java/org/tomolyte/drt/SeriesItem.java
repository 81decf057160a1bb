package org.tomolyte.drt;

import org.tomolyte.model.Spectrum;

/**
 * One spectrum's outcome in a batch: its index in the series, its time and DC conditions, and either the
 * DRT or the reason it could not be computed (bad input is flagged, not silently fitted).
 */
public final class SeriesItem {
	private final int index;
	private final double startTimeS, meanEweV, dcCurrentMa;
	private final DrtResult result;
	private final String error;

	SeriesItem(int index, Spectrum s, DrtResult result, String error) {
		this.index = index;
		this.startTimeS = s == null ? Double.NaN : s.startTimeS();
		this.meanEweV = s == null ? Double.NaN : s.meanEweV();
		this.dcCurrentMa = s == null ? Double.NaN : s.dcCurrentMa();
		this.result = result;
		this.error = error;
	}

	public int index() { return index; }
	public double startTimeS() { return startTimeS; }
	public double meanEweV() { return meanEweV; }
	public double dcCurrentMa() { return dcCurrentMa; }
	/** The DRT, or null when {@link #error()} says why not. */
	public DrtResult result() { return result; }
	/** Null when the fit succeeded. */
	public String error() { return error; }
	public boolean ok() { return result != null; }
}
