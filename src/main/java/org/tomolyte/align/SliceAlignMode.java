package org.tomolyte.align;

/** Motion allowed between consecutive slices in {@link SliceAligner}. */
public enum SliceAlignMode {
	/** Shift in x and y only. */
	TRANSLATION,
	/** Shift and in-plane rotation. */
	RIGID
}
