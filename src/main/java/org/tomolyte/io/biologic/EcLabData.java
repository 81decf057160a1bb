package org.tomolyte.io.biologic;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Trace;

/**
 * Everything read from one EC-Lab file: the trace (columns named as EC-Lab's text export names them), the
 * file facts ({@code technique}, {@code version}, {@code start_date}, {@code device}, header entries and
 * technique parameters), the impedance spectra when the file holds any, and the warnings the reader raised
 * about parts it skipped.
 */
public final class EcLabData {
	private final Trace trace;
	private final SpectrumSeries spectra;
	private final List<String> warnings;

	EcLabData(Trace trace, SpectrumSeries spectra, List<String> warnings) {
		this.trace = trace;
		this.spectra = spectra;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	/** One row per data point, one column per recorded quantity. */
	public Trace trace() {
		return trace;
	}

	/** Technique, version, start date, device and the other header facts (same as {@code trace().info()}). */
	public Map<String, String> info() {
		return trace.info();
	}

	/** The impedance spectra, present when the file has frequency points (PEIS, GEIS, impedance in MB). */
	public Optional<SpectrumSeries> spectra() {
		return Optional.ofNullable(spectra);
	}

	/** What the reader skipped or could not decode (unknown modules, an unknown column of known size...). */
	public List<String> warnings() {
		return warnings;
	}

	@Override
	public String toString() {
		return "EcLabData[" + trace + ", technique " + info().get("technique") + ", " + (spectra == null ? 0 : spectra.size()) + " spectra]";
	}
}
