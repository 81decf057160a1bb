package org.tomolyte.drt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomolyte.TestData;
import org.tomolyte.model.Spectrum;

/**
 * Test-only reader for the simple staged EIS files of ../shared/data/eis (layouts in its SOURCES.md):
 * 3 columns f, Z', Z'' (true Im) without header, the pyDRTtools tutorial CSVs (index, Freq, Real, Imag
 * with header) and the yadg cycle CSVs (f, Re, Im, time, Ewe, I with header).
 */
final class EisFiles {
	private EisFiles() {}

	static Spectrum read(String relative) {
		Path p = TestData.file("eis/" + relative);
		List<double[]> rows = new ArrayList<>();
		boolean header = false;
		try {
			for (String line : Files.readAllLines(p)) {
				String t = line.trim();
				if (t.isEmpty()) continue;
				String[] parts = t.split("[,;\\s]+");
				double[] v = new double[parts.length];
				try {
					for (int i = 0; i < parts.length; i++) v[i] = Double.parseDouble(parts[i]);
				} catch (NumberFormatException e) {
					header = true;
					continue;
				}
				rows.add(v);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int n = rows.size();
		boolean indexed = relative.contains("ZARC") && rows.get(0).length == 4;
		int c0 = indexed ? 1 : 0;
		double[] f = new double[n], re = new double[n], im = new double[n];
		for (int i = 0; i < n; i++) {
			f[i] = rows.get(i)[c0];
			re[i] = rows.get(i)[c0 + 1];
			im[i] = rows.get(i)[c0 + 2];
		}
		if (header && rows.get(0).length >= 6) {
			double[] first = rows.get(0), last = rows.get(n - 1);
			double ewe = 0, cur = 0;
			for (double[] r : rows) { ewe += r[4]; cur += r[5]; }
			return new Spectrum(f, re, im, first[3], last[3], ewe / n, cur / n);
		}
		return new Spectrum(f, re, im);
	}

	/** Exact DRT of ZARC R/(1 + (jωτ₀)^φ) at ln τ = y (SOURCES.md). */
	static double zarcGamma(double r, double tau0, double phi, double y) {
		return r / (2 * Math.PI) * Math.sin(phi * Math.PI) / (Math.cosh(phi * (y - Math.log(tau0))) + Math.cos(phi * Math.PI));
	}

	/** Noise-free synthetic spectrum R∞ + Σ ZARC, ascending log-spaced frequencies. */
	static Spectrum zarcs(double rInf, double fMin, double fMax, int n, double[]... rTauPhi) {
		double[] f = new double[n], re = new double[n], im = new double[n];
		for (int i = 0; i < n; i++) {
			f[i] = fMin * Math.pow(fMax / fMin, i / (n - 1.0));
			double w = 2 * Math.PI * f[i];
			double zr = rInf, zi = 0;
			for (double[] z : rTauPhi) {
				// R / (1 + (jωτ)^φ) with (jωτ)^φ = (ωτ)^φ (cos φπ/2 + j sin φπ/2)
				double m = Math.pow(w * z[1], z[2]), a = 1 + m * Math.cos(z[2] * Math.PI / 2), b = m * Math.sin(z[2] * Math.PI / 2);
				double d = a * a + b * b;
				zr += z[0] * a / d;
				zi += -z[0] * b / d;
			}
			re[i] = zr;
			im[i] = zi;
		}
		return new Spectrum(f, re, im);
	}
}
