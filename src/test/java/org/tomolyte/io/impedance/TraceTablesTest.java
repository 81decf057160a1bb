package org.tomolyte.io.impedance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.io.biologic.EcLabTables;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Trace;

/** Cycling traces from CSV/TXT tables: header recognition, unit conversion, explicit layouts. */
class TraceTablesTest {

	@Test
	void headerUnitsAreConvertedToEcLabUnits(@TempDir Path dir) throws IOException {
		Path p = dir.resolve("cell.csv");
		Files.write(p, "Time (h);Voltage (mV);Current [\u00b5A];Capacity/mAh;cycle;T/degC\n0;2500;100;0;1;25\n0,5;2510;-100;0,05;1;26\n"
				.getBytes(StandardCharsets.UTF_8));
		Trace t = TraceTables.read(p);
		assertArrayEquals(new double[] { 0, 1800 }, t.timeS(), 1e-12);
		assertArrayEquals(new double[] { 2.5, 2.51 }, t.eweV(), 1e-12);
		assertArrayEquals(new double[] { 0.1, -0.1 }, t.currentMa(), 1e-12);
		assertArrayEquals(new double[] { 0, 0.05 }, t.column("(Q-Qo)/mA.h"), 1e-12);
		assertArrayEquals(new double[] { 1, 1 }, t.column("cycle number"), 0);
		assertArrayEquals(new double[] { 25, 26 }, t.column("T/degC"), 0);
	}

	@Test
	void explicitLayoutOverridesTheHeader(@TempDir Path dir) throws IOException {
		Path p = dir.resolve("x.txt");
		Files.write(p, "a b c\n0 3.1 -2\n60 3.2 -2\n".getBytes(StandardCharsets.UTF_8));
		TraceLayout layout = TraceLayout.auto().with(0, TraceLayout.Quantity.TIME, "min").with(1, TraceLayout.Quantity.EWE, "V")
				.with(2, TraceLayout.Quantity.CURRENT, "A");
		Trace t = TraceTables.read(p, layout);
		assertArrayEquals(new double[] { 0, 3600 }, t.timeS(), 0);
		assertArrayEquals(new double[] { -2000, -2000 }, t.currentMa(), 0);
		assertThrows(IllegalArgumentException.class, () -> TraceLayout.auto().with(0, TraceLayout.Quantity.EWE, "mA"));
		ImpedanceFormatException e = assertThrows(ImpedanceFormatException.class, () -> TraceTables.read(p));
		assertTrue(e.getMessage().contains("no time column"), e.getMessage());
	}

	@Test
	void ourTraceCsvReadsBackUnchanged(@TempDir Path dir) throws IOException {
		Trace orig = EcLab.read(TestData.file("biologic/gcpl.issue_149.mpr")).trace();
		Path csv = dir.resolve("trace.csv");
		CsvTables.write(EcLabTables.trace(EcLab.read(TestData.file("biologic/gcpl.issue_149.mpr"))), csv);
		Trace back = TraceTables.read(csv);
		assertEquals(orig.columnNames(), back.columnNames());
		for (String n : orig.columnNames())
			assertArrayEquals(orig.column(n), back.column(n), 0, n);
	}
}
