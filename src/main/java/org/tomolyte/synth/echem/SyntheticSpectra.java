package org.tomolyte.synth.echem;

import java.io.IOException;
import java.nio.file.Path;

import org.tomolyte.model.SpectrumSeries;

/** A generated operando impedance series with the equivalent circuit (and so the exact DRT) of each spectrum. */
public final class SyntheticSpectra {
	private final SpectrumSeries series;
	private final EisTruth truth;

	SyntheticSpectra(SpectrumSeries series, EisTruth truth) {
		this.series = series;
		this.truth = truth;
	}

	public SpectrumSeries series() {
		return series;
	}

	public EisTruth truth() {
		return truth;
	}

	public void writeTruth(Path file) throws IOException {
		TruthJson.write(truth, file);
	}
}
