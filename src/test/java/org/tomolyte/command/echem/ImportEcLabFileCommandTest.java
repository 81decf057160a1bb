package org.tomolyte.command.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;

/** The macro contract of "Import EC-Lab File", run through SciJava's CommandService on real files. */
class ImportEcLabFileCommandTest {
	private static final CommandRunner runner = TestCommands.runner();

	@Test
	void operandoGeisWritesTraceInfoAndSpectraWithTheContractColumns(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("geis out");
		runner.run("Import EC-Lab File", "input=[" + TestData.file("biologic/geis.mpr") + "] output=[" + out + "]");
		Table spectra = CsvTables.read(out.resolve("spectra.csv"));
		assertEquals(Arrays.asList("spectrum", "freq_hz", "zre_ohm", "zim_ohm", "time_s", "ewe_v", "i_ma"), spectra.columns());
		double[] index = spectra.column("spectrum");
		assertEquals(61, (int) Arrays.stream(index).distinct().count(), "61 operando spectra");
		for (double f : spectra.column("freq_hz"))
			assertTrue(f > 0, "no DC-hold rows");
		Table trace = CsvTables.read(out.resolve("trace.csv"));
		assertTrue(trace.columns().containsAll(Arrays.asList("time/s", "<Ewe>/V", "freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm")), trace.columns().toString());
		Table info = CsvTables.read(out.resolve("info.csv"));
		String technique = null;
		for (int r = 0; r < info.rowCount(); r++)
			if ("technique".equals(info.get(r, "key"))) technique = String.valueOf(info.get(r, "value"));
		assertTrue(technique != null && technique.contains("Impedance"), "technique recorded: " + technique);
	}

	@Test
	void nonImpedanceFileWritesNoSpectra(@TempDir Path dir) throws Exception {
		runner.run("Import EC-Lab File", "input=[" + TestData.file("biologic/gcpl.mpr") + "] output=[" + dir + "]");
		assertTrue(Files.exists(dir.resolve("trace.csv")));
		assertFalse(Files.exists(dir.resolve("spectra.csv")));
	}

	@Test
	void corruptFileIsAClearErrorAndWritesNothing(@TempDir Path dir) throws Exception {
		Path bad = dir.resolve("truncated.mpr");
		byte[] all = Files.readAllBytes(TestData.file("biologic/cp.mpr"));
		Files.write(bad, Arrays.copyOf(all, all.length / 3));
		Path out = dir.resolve("out");
		CommandFailedException e = assertThrows(CommandFailedException.class, () -> runner.run("Import EC-Lab File", "input=[" + bad + "] output=[" + out + "]"));
		assertTrue(e.getMessage().contains("truncated.mpr"), e.getMessage());
		assertFalse(Files.exists(out), "nothing written on failure");
		try (java.util.stream.Stream<Path> s = Files.list(dir)) {
			assertEquals(1, s.count(), "no staging left behind");
		}
	}
}
