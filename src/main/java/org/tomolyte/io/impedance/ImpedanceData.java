package org.tomolyte.io.impedance;

import java.util.Collections;
import java.util.List;

import org.tomolyte.model.SpectrumSeries;

/**
 * Spectra read from a file plus what the reader assumed to read them (column choice, units, which sign
 * convention the imaginary column was taken to follow), for the user to check.
 */
public final class ImpedanceData {
	private final SpectrumSeries spectra;
	private final List<String> notes;

	public ImpedanceData(SpectrumSeries spectra, List<String> notes) {
		this.spectra = spectra;
		this.notes = Collections.unmodifiableList(notes);
	}

	/** The spectra, true imaginary part (negative for capacitive arcs). */
	public SpectrumSeries spectra() {
		return spectra;
	}

	/** One sentence per assumption made, e.g. "column 3 taken as -Im(Z): 99 of 107 values positive". */
	public List<String> notes() {
		return notes;
	}
}
