package org.tomolyte.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class TraceFilesTest {

	@Test
	void csvWrittenFromARealMprReadsBackToTheSameTrace(@TempDir Path dir) throws Exception {
		Path mpr = TestData.file("biologic/gcpl.issue_149.mpr");
		Trace original = EcLab.read(mpr).trace();
		Path csv = dir.resolve("trace.csv");
		CsvTables.write(EcLabTables.trace(EcLab.read(mpr)), csv);
		Trace back = TraceFiles.read(csv);
		assertArrayEquals(original.timeS(), back.timeS(), 0);
		assertArrayEquals(original.eweV(), back.eweV(), 0);
		Trace direct = TraceFiles.read(mpr);
		assertArrayEquals(original.timeS(), direct.timeS(), 0);
	}

	@Test
	void badTablesNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
		Path noTime = dir.resolve("no-time.csv");
		Files.write(noTime, "Ewe/V,I/mA\n1,2\n".getBytes(StandardCharsets.UTF_8));
		IOException e = assertThrows(IOException.class, () -> TraceFiles.read(noTime));
		assertTrue(e.getMessage().contains("no-time.csv") && e.getMessage().contains("time/s"), e.getMessage());
		Path ragged = dir.resolve("ragged.csv");
		Files.write(ragged, "time/s,Ewe/V\n1,2\n3\n".getBytes(StandardCharsets.UTF_8));
		IOException e2 = assertThrows(IOException.class, () -> TraceFiles.read(ragged));
		assertTrue(e2.getMessage().contains("ragged.csv") && e2.getMessage().contains("3"), e2.getMessage());
		Path odd = dir.resolve("trace.xyz");
		Files.write(odd, new byte[] { 1 });
		assertThrows(IOException.class, () -> TraceFiles.read(odd));
	}
}
