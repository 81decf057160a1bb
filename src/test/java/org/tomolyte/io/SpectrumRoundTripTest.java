package org.tomolyte.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumFiles;
import org.tomolyte.io.impedance.SpectrumTables;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;

/** Spectra that only know their start/end time, mean Ewe and DC current survive spectra.csv. */
class SpectrumRoundTripTest {

	@Test
	void spectrumLevelTimesAndDcValuesSurviveTheSpectraTable(@TempDir Path dir) throws Exception {
		double[] f = { 1e5, 1e4, 1e3, 1e2, 10, 1 };
		double[] re = { 10, 11, 20, 40, 55, 60 };
		double[] im = { -1, -3, -10, -12, -5, -2 };
		SpectrumSeries s = new SpectrumSeries("synthetic", Arrays.asList(new Spectrum(f, re, im, 100, 135, 0.05, -0.088),
				new Spectrum(f, re, im, 135, 170, 0.06, -0.088)));
		Path csv = dir.resolve("spectra.csv");
		CsvTables.write(SpectrumTables.toTable(s), csv);
		SpectrumSeries back = SpectrumFiles.read(csv);
		assertEquals(2, back.size());
		assertEquals(135, back.get(1).startTimeS(), 1e-9);
		assertEquals(170, back.get(1).endTimeS(), 1e-9);
		assertEquals(0.06, back.get(1).meanEweV(), 1e-12);
		assertEquals(-0.088, back.get(0).dcCurrentMa(), 1e-12);
	}
}
