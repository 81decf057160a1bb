package org.tomolyte.io.impedance;

/**
 * How to read an impedance table: which columns hold frequency, real and imaginary part (and optionally the
 * spectrum index, time, potential and current), their units and the imaginary part's sign convention.
 * Unset choices are detected from the header and the numbers. Immutable; the {@code with...} methods return
 * a modified copy.
 */
public final class ImpedanceLayout {
	/** Sign convention of the imaginary column. */
	public enum Imaginary {
		/** Decide from the header ("-Im", "-Z''") or, failing that, from the majority sign of the values. */
		AUTO,
		/** The column is Im(Z): negative for capacitive arcs. */
		TRUE_IMAGINARY,
		/** The column is −Im(Z) (EC-Lab's convention): positive for capacitive arcs. */
		MINUS_IMAGINARY
	}

	/** Frequency unit of the frequency column. */
	public enum FrequencyUnit {
		HZ(1), KHZ(1e3), MHZ(1e6), MILLIHZ(1e-3), RAD_PER_S(1 / (2 * Math.PI));

		final double toHz;

		FrequencyUnit(double toHz) {
			this.toHz = toHz;
		}
	}

	/** Unit of the impedance columns. */
	public enum ImpedanceUnit {
		OHM(1), MILLIOHM(1e-3), KILOOHM(1e3), MEGAOHM(1e6);

		final double toOhm;

		ImpedanceUnit(double toOhm) {
			this.toOhm = toOhm;
		}
	}

	final int freqColumn, reColumn, imColumn, spectrumColumn;
	final FrequencyUnit frequencyUnit;
	final ImpedanceUnit impedanceUnit;
	final Imaginary imaginary;

	private ImpedanceLayout(int f, int re, int im, int spectrum, FrequencyUnit fu, ImpedanceUnit zu, Imaginary imag) {
		this.freqColumn = f;
		this.reColumn = re;
		this.imColumn = im;
		this.spectrumColumn = spectrum;
		this.frequencyUnit = fu;
		this.impedanceUnit = zu;
		this.imaginary = imag;
	}

	/** Everything detected from the file. */
	public static ImpedanceLayout auto() {
		return new ImpedanceLayout(-1, -1, -1, -1, null, null, Imaginary.AUTO);
	}

	/** Frequency, real and imaginary part in these 0-based columns. */
	public ImpedanceLayout withColumns(int freq, int re, int im) {
		if (freq < 0 || re < 0 || im < 0) throw new IllegalArgumentException("column indices must be >= 0: " + freq + ", " + re + ", " + im);
		return new ImpedanceLayout(freq, re, im, spectrumColumn, frequencyUnit, impedanceUnit, imaginary);
	}

	/** A 0-based column whose value changes from one spectrum to the next (e.g. a cycle number). */
	public ImpedanceLayout withSpectrumColumn(int column) {
		return new ImpedanceLayout(freqColumn, reColumn, imColumn, column, frequencyUnit, impedanceUnit, imaginary);
	}

	public ImpedanceLayout withFrequencyUnit(FrequencyUnit unit) {
		return new ImpedanceLayout(freqColumn, reColumn, imColumn, spectrumColumn, unit, impedanceUnit, imaginary);
	}

	public ImpedanceLayout withImpedanceUnit(ImpedanceUnit unit) {
		return new ImpedanceLayout(freqColumn, reColumn, imColumn, spectrumColumn, frequencyUnit, unit, imaginary);
	}

	public ImpedanceLayout withImaginary(Imaginary convention) {
		return new ImpedanceLayout(freqColumn, reColumn, imColumn, spectrumColumn, frequencyUnit, impedanceUnit, convention);
	}
}
