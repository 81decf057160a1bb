package org.tomolyte.tomo;

/**
 * How a detector row is extended before FFT filtering: zeros, or the edge values repeated (which avoids the
 * cupping/bright rim of truncated, region-of-interest scans where the sample is wider than the detector).
 */
public enum Padding {
	ZERO, EDGE
}
