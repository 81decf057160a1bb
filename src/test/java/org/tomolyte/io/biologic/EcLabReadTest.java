package org.tomolyte.io.biologic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumTables;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;

/** Real-data facts of the EC-Lab readers, with expectations taken from the files' own headers and text. */
class EcLabReadTest {

	private static List<Path> all(String folder, String... extensions) throws IOException {
		try (Stream<Path> s = Files.list(TestData.file(folder))) {
			return s.filter(p -> {
				for (String e : extensions)
					if (p.toString().endsWith(e)) return true;
				return false;
			}).sorted().collect(Collectors.toList());
		}
	}

	/** Data lines of an .mpt counted independently: non-empty lines after the declared header. */
	private static int dataLines(Path mpt) throws IOException {
		List<String> lines = Files.readAllLines(mpt, StandardCharsets.ISO_8859_1);
		int header = Integer.parseInt(lines.get(1).replaceAll("\\D", ""));
		int n = 0;
		for (int i = header; i < lines.size(); i++)
			if (!lines.get(i).trim().isEmpty()) n++;
		return n;
	}

	@Test
	void everySharedFileParses() throws IOException {
		List<Path> files = all("biologic", ".mpr", ".mpt");
		files.addAll(all("eis/synthetic", ".mpt"));
		files.addAll(all("eis/real", ".mpt"));
		assertEquals(41, files.size(), "38 EC-Lab files in biologic/ plus 3 .mpt in eis/");
		for (Path p : files) {
			EcLabData d = EcLab.read(p);
			assertFalse(d.trace().columnNames().isEmpty(), p + " has columns");
			if (p.toString().endsWith(".mpt")) assertEquals(dataLines(p), d.trace().rowCount(), p + " rows");
			else assertFalse(d.info().get("technique").isEmpty(), p + " technique");
		}
	}

	@Test
	void geisYields61SpectraAsTheHeaderDescribes() throws IOException {
		EcLabData d = EcLab.read(TestData.file("biologic/geis.mpr"));
		assertEquals("GEIS", d.info().get("technique_code"));
		SpectrumSeries s = d.spectra().orElseThrow();
		assertEquals(61, s.size());
		// geis.mpt header: fi = 1 MHz, ff = 0.2 Hz, Nd = 6 points per decade -> 41 points; Is = 0.380 mA held.
		int full = (int) Math.floor(6 * Math.log10(1e6 / 0.2)) + 1;
		assertEquals(41, full);
		Trace t = d.trace();
		double[] f = t.column("freq/Hz"), cycle = t.column("cycle number"), minusIm = t.column("-Im(Z)/Ohm"), ewe = t.column("<Ewe>/V");
		double previousEnd = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < s.size(); k++) {
			Spectrum sp = s.get(k);
			if (k < s.size() - 1) assertEquals(full, sp.size(), "spectrum " + k);
			assertEquals(1e6, sp.freqHz(0), 1e6 * 1e-4);
			if (k < s.size() - 1) assertEquals(0.2, sp.freqHz(sp.size() - 1), 0.2 * 1e-3);
			assertEquals(0.380, sp.dcCurrentMa(), 0.380 * 0.01, "DC current of spectrum " + k);
			assertTrue(sp.startTimeS() > previousEnd && sp.endTimeS() > sp.startTimeS());
			previousEnd = sp.endTimeS();
			// Independent: rows of cycle k+1 with a frequency; mean <Ewe> and -(-Im Z) there.
			List<Integer> rows = new ArrayList<>();
			for (int r = 0; r < f.length; r++)
				if (cycle[r] == k + 1 && f[r] > 0) rows.add(r);
			assertEquals(rows.size(), sp.size());
			double mean = rows.stream().mapToDouble(r -> ewe[r]).average().getAsDouble();
			assertEquals(mean, sp.meanEweV(), 1e-12);
			for (int i = 0; i < rows.size(); i++)
				assertEquals(-minusIm[rows.get(i)], sp.zImOhm(i), 0.0);
		}
		// DC-hold rows (freq = 0) exist in the file but in no spectrum.
		long dcRows = java.util.Arrays.stream(f).filter(x -> x == 0).count();
		assertEquals(t.rowCount() - dcRows, s.spectra().stream().mapToInt(Spectrum::size).sum());
		assertTrue(dcRows > 0);
	}

	@Test
	void multiSpectrumMptSplitsOnSweepRestart() throws IOException {
		EcLabData d = EcLab.read(TestData.file("eis/synthetic/pyimpspec_case-multiple-spectra.mpt"));
		SpectrumSeries s = d.spectra().orElseThrow();
		int rows = d.trace().rowCount();
		assertEquals(3, s.size());
		for (Spectrum sp : s) {
			assertEquals(rows / 3, sp.size());
			assertEquals(1e4, sp.freqHz(0), 0);
			assertEquals(1.0, sp.freqHz(sp.size() - 1), 0);
			for (int i = 0; i < sp.size(); i++)
				assertTrue(sp.zImOhm(i) < 0, "capacitive: true Im negative");
			assertArrayEquals(s.get(0).zReOhm(), sp.zReOhm());
		}
		assertEquals(1, EcLab.read(TestData.file("eis/synthetic/pyimpspec_data.mpt")).spectra().orElseThrow().size());
	}

	@Test
	void decimalCommaGermanExport() throws IOException {
		EcLabData d = EcLab.read(TestData.file("biologic/mb.issue_95.de.mpt"));
		Trace t = d.trace();
		// Text of the file: first row Ewe "2,3278546E+000", second row time "9,999999747378752E-001".
		assertEquals(2.3278546, t.column("Ewe/V")[0], 0);
		assertEquals(0.9999999747378752, t.column("time/s")[1], 0);
		assertEquals("Modulo Bat", d.info().get("technique"));
		assertEquals("11.43", d.info().get("version"));
		assertEquals("VSP (SN 1705)", d.info().get("device"));
		assertEquals("Rest; CC; CC", d.info().get("param.ctrl_type"));
		assertEquals("0,001 cm\u00b2", d.info().get("header.Electrode surface area"));
	}

	@Test
	void minimalHeaderExports() throws IOException {
		for (String f : new String[] { "biologic/gcpl.pr_182.1.mpt", "biologic/vsp_peis_with.mpt" }) {
			Path p = TestData.file(f);
			EcLabData d = EcLab.read(p);
			String names = Files.readAllLines(p, StandardCharsets.ISO_8859_1).get(2);
			assertEquals(names.split("\t")[0], d.trace().columnNames().get(0));
			assertEquals("", d.info().get("technique"));
			assertEquals(dataLines(p), d.trace().rowCount());
		}
	}

	@Test
	void crlfAndLfGiveTheSameTrace() throws IOException {
		byte[] lf = Files.readAllBytes(TestData.file("biologic/peis.mpt"));
		byte[] crlf = new String(lf, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
		Trace a = EcLab.parse("peis.mpt", lf).trace(), b = EcLab.parse("peis.mpt", crlf).trace();
		assertEquals(a.columnNames(), b.columnNames());
		for (String n : a.columnNames())
			assertArrayEquals(a.column(n), b.column(n), n);
	}

	@Test
	void windows1252TextAndTechniqueParameters() throws IOException {
		EcLabData d = EcLab.read(TestData.file("biologic/geis.mpt"));
		assertTrue(d.trace().has("Cs/\u00b5F"));
		assertEquals("25\u00b0C", d.info().get("header.Comments"));
		assertEquals("0.380", d.info().get("param.Is"));
		assertEquals("mA", d.info().get("param.unit Is"));
		assertEquals("0; 1; 2", EcLab.read(TestData.file("biologic/gcpl.issue_149.mpt")).info().get("param.Ns"));
	}

	@Test
	void binaryWithoutExportReadsVersionAndDateFromTheLog() throws IOException {
		// gcpl.mpr: SOURCES.md lists EC-Lab v11.12; the run's file name starts with its date, 171223.
		EcLabData d = EcLab.read(TestData.file("biologic/gcpl.mpr"));
		assertEquals("11.12", d.info().get("version"));
		assertTrue(d.info().get("start_date").startsWith("2017-12-23T"), d.info().get("start_date"));
		assertEquals(12057, d.trace().rowCount());
		// No log module: the date comes from the settings module header, the version is unknown.
		EcLabData noLog = EcLab.read(TestData.file("biologic/gcpl.pr_182.1.mpr"));
		assertEquals("2024-05-07", noLog.info().get("start_date"));
		assertEquals("", noLog.info().get("version"));
		assertFalse(noLog.warnings().isEmpty());
	}

	@Test
	void flagsDecodeToTheExportedValues() throws IOException {
		// ca.mpt rows start "2\t1\t0\t1\t0\t0\t0": mode 2, ox/red 1, error 0, control changes 1.
		Trace t = EcLab.read(TestData.file("biologic/ca.mpr")).trace();
		assertEquals(List.of("mode", "ox/red", "error", "control changes", "Ns changes", "counter inc."), t.columnNames().subList(0, 6));
		assertEquals(2, t.column("mode")[0]);
		assertEquals(1, t.column("ox/red")[0]);
		assertEquals(1, t.column("control changes")[0]);
	}

	@Test
	void macroTablesRoundTripThroughCsv(@TempDir Path dir) throws IOException {
		EcLabData d = EcLab.read(TestData.file("biologic/peis.mpr"));
		Table trace = EcLabTables.trace(d);
		assertEquals(d.trace().columnNames(), trace.columns());
		assertEquals(d.trace().rowCount(), trace.rowCount());
		Table info = EcLabTables.info(d);
		List<Object> keys = new ArrayList<>();
		for (int r = 0; r < info.rowCount(); r++)
			keys.add(info.get(r, "key"));
		assertTrue(keys.containsAll(List.of("technique", "version", "start_date", "device")));
		Table spectra = EcLabTables.spectra(d);
		assertEquals(List.of("spectrum", "freq_hz", "zre_ohm", "zim_ohm", "time_s", "ewe_v", "i_ma"), spectra.columns());
		assertEquals(SpectrumTables.COLUMNS, spectra.columns());
		CsvTables.write(trace, dir.resolve("trace.csv"));
		Table back = CsvTables.read(dir.resolve("trace.csv"));
		assertArrayEquals(d.trace().column("Re(Z)/Ohm"), back.column("Re(Z)/Ohm"));
		double[] zim = spectra.column("zim_ohm"), minusIm = d.trace().column("-Im(Z)/Ohm");
		for (int i = 0; i < zim.length; i++)
			assertEquals(-minusIm[i], zim[i], 0);
		assertEquals(null, EcLabTables.spectra(EcLab.read(TestData.file("biologic/ocv.mpr"))));
		assertEquals(List.of("trace.csv", "info.csv", "spectra.csv"), new ArrayList<>(EcLabTables.all(d).keySet()));
		assertEquals(List.of("trace.csv", "info.csv"), new ArrayList<>(EcLabTables.all(EcLab.read(TestData.file("biologic/ocv.mpr"))).keySet()));
	}
}
