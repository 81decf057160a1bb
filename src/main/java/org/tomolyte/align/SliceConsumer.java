package org.tomolyte.align;

/**
 * Receives the output of a resampling one slice at a time, in increasing z, so that huge aligned volumes can
 * be written progressively (e.g. one TIFF per slice) without holding them in memory. The slice array is
 * owned by the receiver once passed.
 */
@FunctionalInterface
public interface SliceConsumer {
	void accept(int z, float[] slice);
}
