package org.tomolyte.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An ordered series of impedance spectra, e.g. the operando GEIS spectra of one cycling run. */
public final class SpectrumSeries implements Iterable<Spectrum> {
	private final String source;
	private final List<Spectrum> spectra;

	/** @param source where the spectra came from (file name), for messages and tables */
	public SpectrumSeries(String source, List<Spectrum> spectra) {
		this.source = source;
		this.spectra = Collections.unmodifiableList(new ArrayList<>(spectra));
	}

	public String source() {
		return source;
	}

	public int size() {
		return spectra.size();
	}

	public Spectrum get(int i) {
		if (i < 0 || i >= spectra.size())
			throw new IndexOutOfBoundsException(source + " holds " + spectra.size() + " spectra (0.." + (spectra.size() - 1) + "); there is no spectrum " + i);
		return spectra.get(i);
	}

	public List<Spectrum> spectra() {
		return spectra;
	}

	@Override
	public Iterator<Spectrum> iterator() {
		return spectra.iterator();
	}
}
