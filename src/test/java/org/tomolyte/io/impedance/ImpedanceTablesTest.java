package org.tomolyte.io.impedance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.io.biologic.EcLabFormatException;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;

/** CSV/TXT spectra of the shared data and edge cases of layout, units and sign convention. */
class ImpedanceTablesTest {

	@Test
	void pyDrtToolsAndImpedancePySamples() throws IOException {
		// SOURCES.md: 107 points 999 Hz .. 5 mHz descending; 100 points; 66 points ascending 3.16 mHz .. 10 kHz.
		ImpedanceData lib = ImpedanceTables.read(TestData.file("eis/real/pydrttools_data_1.csv"));
		Spectrum s = lib.spectra().get(0);
		assertEquals(1, lib.spectra().size());
		assertEquals(107, s.size());
		assertEquals(999.040405, s.freqHz(0), 0);
		assertTrue(lib.notes().stream().anyMatch(n -> n.contains("true Im(Z)")), lib.notes().toString());
		assertEquals(107, ImpedanceTables.read(TestData.file("eis/real/pydrttools_LIB_data.txt")).spectra().get(0).size());
		assertEquals(100, ImpedanceTables.read(TestData.file("eis/real/pydrttools_LIB_data_2.txt")).spectra().get(0).size());
		Spectrum asc = ImpedanceTables.read(TestData.file("eis/real/impedancepy_exampleData.csv")).spectra().get(0);
		assertEquals(66, asc.size());
		assertTrue(asc.freqHz(0) < asc.freqHz(65));
		assertEquals(81, ImpedanceTables.read(TestData.file("eis/synthetic/pydrttools_zarc_data.txt")).spectra().get(0).size());
	}

	@Test
	void yadgExportsEqualTheBinarySpectra() throws IOException {
		// Derived from geis.mpr with galvani (SOURCES.md): an independent decoder of the same bytes.
		SpectrumSeries mpr = SpectrumFiles.read(TestData.file("biologic/geis.mpr"));
		for (int cycle : new int[] { 2, 30, 60 }) {
			Spectrum y = SpectrumFiles.read(TestData.file(String.format("eis/real/yadg_geis_cycle%02d.csv", cycle))).get(0);
			Spectrum m = mpr.get(cycle - 1);
			assertEquals(m.size(), y.size());
			for (int i = 0; i < m.size(); i++) {
				assertEquals(m.freqHz(i), y.freqHz(i), 1e-6 * m.freqHz(i));
				assertEquals(m.zReOhm(i), y.zReOhm(i), 1e-6 * Math.abs(m.zReOhm(i)));
				assertEquals(m.zImOhm(i), y.zImOhm(i), 1e-6 * Math.abs(m.zImOhm(i)));
				assertEquals(m.pointTimeS()[i], y.pointTimeS()[i], 1e-3);
				assertEquals(m.pointCurrentMa()[i], y.pointCurrentMa()[i], 1e-6);
			}
		}
	}

	@Test
	void indexedCsvMatchesTheGeneratingModel() throws IOException {
		// 2XZARCequal.csv: R_inf 10 + ZARC(50 Ohm, 0.1 s, 0.8) + ZARC(50 Ohm, 1e-4 s, 0.8), noise sigma 0.5 Ohm (SOURCES.md).
		Spectrum s = ImpedanceTables.read(TestData.file("eis/synthetic/2XZARCequal.csv")).spectra().get(0);
		assertEquals(81, s.size());
		for (int i = 0; i < s.size(); i++) {
			double w = 2 * Math.PI * s.freqHz(i);
			double[] z1 = zarc(50, 0.1, 0.8, w), z2 = zarc(50, 1e-4, 0.8, w);
			assertEquals(10 + z1[0] + z2[0], s.zReOhm(i), 2.5, "Re at " + s.freqHz(i));
			assertEquals(z1[1] + z2[1], s.zImOhm(i), 2.5, "Im at " + s.freqHz(i));
		}
	}

	/** Z = R / (1 + (j w tau)^phi) as {re, im}. */
	private static double[] zarc(double r, double tau, double phi, double w) {
		double m = Math.pow(w * tau, phi), a = phi * Math.PI / 2;
		double dr = 1 + m * Math.cos(a), di = m * Math.sin(a), d = dr * dr + di * di;
		return new double[] { r * dr / d, -r * di / d };
	}

	@Test
	void minusImaginaryDetectedByMajoritySign(@TempDir Path dir) throws IOException {
		Path orig = TestData.file("eis/real/pydrttools_data_1.csv");
		StringBuilder sb = new StringBuilder();
		for (String l : Files.readAllLines(orig)) {
			String[] c = l.split(",");
			sb.append(c[0]).append(';').append(c[1].replace('.', ',')).append(';').append(String.valueOf(-Double.parseDouble(c[2])).replace('.', ','))
					.append('\n');
		}
		Path flipped = dir.resolve("flipped.txt");
		Files.write(flipped, sb.toString().getBytes(StandardCharsets.UTF_8));
		ImpedanceData a = ImpedanceTables.read(orig), b = ImpedanceTables.read(flipped);
		assertTrue(b.notes().stream().anyMatch(n -> n.contains("-Im(Z)")), b.notes().toString());
		Spectrum x = a.spectra().get(0), y = b.spectra().get(0);
		for (int i = 0; i < x.size(); i++) {
			assertEquals(x.zImOhm(i), y.zImOhm(i), 1e-15);
			assertEquals(x.zReOhm(i), y.zReOhm(i), 1e-15);
		}
		// Forcing the convention overrides the majority.
		Spectrum forced = ImpedanceTables.read(orig, ImpedanceLayout.auto().withImaginary(ImpedanceLayout.Imaginary.MINUS_IMAGINARY)).spectra().get(0);
		assertEquals(-x.zImOhm(5), forced.zImOhm(5), 0);
	}

	@Test
	void headerUnitsAndExplicitMinusIm(@TempDir Path dir) throws IOException {
		Path p = dir.resolve("k.csv");
		Files.write(p, "f/kHz,Re(Z)/kOhm,-Im(Z)/kOhm\n1,0.1,0.02\n0.1,0.2,0.05\n".getBytes(StandardCharsets.UTF_8));
		Spectrum s = ImpedanceTables.read(p).spectra().get(0);
		assertEquals(1000, s.freqHz(0), 0);
		assertEquals(100, s.zReOhm(0), 1e-12);
		assertEquals(-20, s.zImOhm(0), 1e-12);
	}

	@Test
	void ownSpectraCsvRoundTrips(@TempDir Path dir) throws IOException {
		SpectrumSeries mpr = SpectrumFiles.read(TestData.file("biologic/geis.mpr"));
		Path csv = dir.resolve("spectra.csv");
		CsvTables.write(SpectrumTables.toTable(mpr), csv);
		SpectrumSeries back = SpectrumFiles.read(csv);
		assertEquals(mpr.size(), back.size());
		for (int k = 0; k < mpr.size(); k++) {
			Spectrum a = mpr.get(k), b = back.get(k);
			assertEquals(a.size(), b.size());
			for (int i = 0; i < a.size(); i++) {
				assertEquals(a.zImOhm(i), b.zImOhm(i), 0);
				assertEquals(a.freqHz(i), b.freqHz(i), 0);
			}
			assertEquals(a.meanEweV(), b.meanEweV(), 1e-12);
			assertEquals(a.dcCurrentMa(), b.dcCurrentMa(), 1e-12);
			assertEquals(a.startTimeS(), b.startTimeS(), 0);
		}
	}

	@Test
	void emptyAndNonImpedanceInputsAreClearErrors(@TempDir Path dir) throws IOException {
		Path headerOnly = dir.resolve("empty.csv");
		Files.write(headerOnly, "freq_Hz,Zre_Ohm,Zim_Ohm\n".getBytes(StandardCharsets.UTF_8));
		ImpedanceFormatException e = assertThrows(ImpedanceFormatException.class, () -> SpectrumFiles.read(headerOnly));
		assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("empty"), e.getMessage());
		ImpedanceFormatException g = assertThrows(ImpedanceFormatException.class,
				() -> ImpedanceTables.read(TestData.file("eis/synthetic/pydrttools_gamma_data.csv")));
		assertTrue(g.getMessage().contains("frequency"), g.getMessage());
		Path bad = dir.resolve("bad.csv");
		Files.write(bad, "1,2,3\n4,x,6\n".getBytes(StandardCharsets.UTF_8));
		ImpedanceFormatException b = assertThrows(ImpedanceFormatException.class, () -> ImpedanceTables.read(bad));
		assertEquals(2, b.line(), b.getMessage());
		EcLabFormatException o = assertThrows(EcLabFormatException.class, () -> SpectrumFiles.read(TestData.file("biologic/ocv.mpr")));
		assertTrue(o.getMessage().contains("no impedance spectrum"), o.getMessage());
		List<String> notes = SpectrumFiles.readWithNotes(TestData.file("biologic/peis.mpt")).notes();
		assertTrue(notes.get(0).contains("-Im(Z)"));
	}
}
