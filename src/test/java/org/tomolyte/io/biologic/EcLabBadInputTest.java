package org.tomolyte.io.biologic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.model.Trace;

/** Truncated, corrupt and unexpected EC-Lab input: the reader's own error, naming file, place and expectation. */
class EcLabBadInputTest {

	private static byte[] bytes(String f) throws IOException {
		return Files.readAllBytes(TestData.file("biologic/" + f));
	}

	private static EcLabFormatException fails(String name, byte[] content) {
		return assertThrows(EcLabFormatException.class, () -> EcLab.parse(name, content));
	}

	@Test
	void truncatedBinaryNamesTheOffset() throws IOException {
		byte[] b = bytes("geis.mpr");
		MprBytes.Mod data = MprBytes.module(b, "VMP data");
		for (int cut : new int[] { 10, 60, 100, data.headerAt + 20, data.dataAt + 500, b.length - 1 }) {
			EcLabFormatException e = fails("geis.mpr", Arrays.copyOf(b, cut));
			assertTrue(e.getMessage().startsWith("geis.mpr at byte "), e.getMessage());
			assertTrue(e.byteOffset() >= 0 && e.byteOffset() <= cut, e.getMessage());
		}
		EcLabFormatException e = fails("geis.mpr", Arrays.copyOf(b, data.dataAt + 500));
		assertTrue(e.getMessage().contains("VMP data") && e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void corruptMagicLengthsAndRowCount() throws IOException {
		byte[] b = bytes("cp.mpr");
		byte[] magic = b.clone();
		magic[3] = 'X';
		assertTrue(fails("cp.mpr", magic).getMessage().contains("BIO-LOGIC MODULAR FILE"));
		MprBytes.Mod data = MprBytes.module(b, "VMP data");
		byte[] huge = b.clone();
		MprBytes.putInt(huge, data.lengthFieldAt, 0x7fffff00);
		EcLabFormatException e = fails("cp.mpr", huge);
		assertEquals(data.lengthFieldAt, e.byteOffset(), e.getMessage());
		byte[] rows = b.clone();
		MprBytes.putInt(rows, data.dataAt, 1_000_000);
		e = fails("cp.mpr", rows);
		assertTrue(e.getMessage().contains("1000000 rows"), e.getMessage());
		byte[] moduleWord = b.clone();
		moduleWord[data.headerAt] = 'N';
		e = fails("cp.mpr", moduleWord);
		assertEquals(data.headerAt, e.byteOffset());
		assertTrue(e.getMessage().contains("expected 'MODULE'"), e.getMessage());
	}

	@Test
	void unknownColumnOfKnownWidthIsSkippedAndReported() throws IOException {
		// cp.mpr column IDs: 1 2 3 21 31 65 131 4 20 174 8 435 434 468 467 39 441 (the last is <Ece>/V, 4 bytes).
		byte[] b = bytes("cp.mpr");
		int lastId = MprBytes.columnIdAt(b, 16);
		assertEquals(441, (b[lastId] & 0xFF) | (b[lastId + 1] & 0xFF) << 8);
		byte[] patched = b.clone();
		MprBytes.putShort(patched, lastId, 999);
		EcLabData d = EcLab.parse("cp.mpr", patched);
		assertTrue(d.warnings().stream().anyMatch(w -> w.contains("999") && w.contains("4 bytes")), d.warnings().toString());
		Trace orig = EcLab.parse("cp.mpr", b).trace();
		assertFalse(d.trace().has("<Ece>/V"));
		for (String n : d.trace().columnNames())
			assertArrayEquals(orig.column(n), d.trace().column(n), n);
		// An unknown column in the middle: the ones after it still decode at the right offset.
		byte[] middle = b.clone();
		MprBytes.putShort(middle, MprBytes.columnIdAt(b, 8), 998); // control/mA
		Trace m = EcLab.parse("cp.mpr", middle).trace();
		assertArrayEquals(orig.column("I/mA"), m.column("I/mA"));
	}

	@Test
	void twoUnknownColumnsAreAnErrorNamingBoth() throws IOException {
		byte[] b = bytes("geis.issue_149.mpr");
		MprBytes.putShort(b, MprBytes.columnIdAt(b, 3), 997);
		MprBytes.putShort(b, MprBytes.columnIdAt(b, 4), 996);
		EcLabFormatException e = fails("geis.issue_149.mpr", b);
		assertTrue(e.getMessage().contains("997") && e.getMessage().contains("996"), e.getMessage());
	}

	@Test
	void wrongWidthIsCaughtByTheModuleLength() throws IOException {
		// Replacing a 4-byte column (ID 20, control/mA) by an 8-byte one (ID 4) must not decode shifted rows.
		byte[] b = bytes("cp.mpr");
		MprBytes.putShort(b, MprBytes.columnIdAt(b, 8), 437);
		EcLabFormatException e = fails("cp.mpr", b);
		assertTrue(e.getMessage().contains("rows of") && e.getMessage().contains("437"), e.getMessage());
	}

	@Test
	void textProblemsNameTheLine() throws IOException {
		byte[] b = bytes("ca.mpt");
		String text = new String(b, StandardCharsets.ISO_8859_1);
		// Cut in the middle of the last data line.
		EcLabFormatException cut = fails("ca.mpt", Arrays.copyOf(b, b.length - 200));
		int lines = text.substring(0, b.length - 200).split("\n", -1).length;
		assertEquals(lines, cut.line(), cut.getMessage());
		assertTrue(cut.getMessage().contains("fields"), cut.getMessage());
		// Inside the header.
		EcLabFormatException header = fails("ca.mpt", Arrays.copyOf(b, 300));
		assertTrue(header.getMessage().contains("header"), header.getMessage());
		// A letter in a number of line 100.
		int lineStart = 0;
		for (int i = 0; i < 99; i++)
			lineStart = text.indexOf('\n', lineStart) + 1;
		byte[] letter = b.clone();
		letter[text.indexOf('\t', lineStart) + 10] = 'x';
		EcLabFormatException nan = fails("ca.mpt", letter);
		assertEquals(100, nan.line(), nan.getMessage());
		assertTrue(nan.getMessage().contains("not a number"), nan.getMessage());
		assertTrue(fails("x.mpt", "EC-Lab ASCII FILE\nNb header lines : x\n".getBytes(StandardCharsets.US_ASCII)).getMessage().contains("line 2"));
		assertTrue(fails("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII)).getMessage().contains("not an EC-Lab file"));
	}

	@Test
	void partialReadingKeepsTheCompleteRowsOfACutFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
		for (String f : new String[] { "geis.mpr", "ca.mpt", "gcpl.issue_149.mpt" }) {
			byte[] b = bytes(f);
			Trace full = EcLab.parse(f, b).trace();
			java.nio.file.Path cut = dir.resolve(f);
			Files.write(cut, Arrays.copyOf(b, b.length * 2 / 3));
			assertThrows(EcLabFormatException.class, () -> EcLab.read(cut));
			EcLabData part = EcLab.readPartial(cut);
			Trace t = part.trace();
			assertTrue(t.rowCount() > 0 && t.rowCount() < full.rowCount(), f + ": " + t.rowCount() + " of " + full.rowCount());
			assertTrue(part.warnings().stream().anyMatch(w -> w.contains("truncated") || w.contains("stopped")), part.warnings().toString());
			for (String n : t.columnNames())
				assertArrayEquals(Arrays.copyOf(full.column(n), t.rowCount()), t.column(n), n);
		}
	}

	@Test
	void impedanceFileWithoutPointsHasNoSpectra(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
		// peis.mpt with its data rows removed: the trace is empty and no spectrum is invented.
		String text = new String(bytes("peis.mpt"), StandardCharsets.ISO_8859_1);
		int header = 70;
		int at = 0;
		for (int i = 0; i < header; i++)
			at = text.indexOf('\n', at) + 1;
		byte[] headerOnly = text.substring(0, at).getBytes(StandardCharsets.ISO_8859_1);
		EcLabData d = EcLab.parse("peis.mpt", headerOnly);
		assertEquals(0, d.trace().rowCount());
		assertFalse(d.spectra().isPresent());
		// Asking for its spectra is an error that says so.
		java.nio.file.Path file = dir.resolve("peis.mpt");
		Files.write(file, headerOnly);
		EcLabFormatException e = assertThrows(EcLabFormatException.class, () -> org.tomolyte.io.impedance.SpectrumFiles.read(file));
		assertTrue(e.getMessage().startsWith("peis.mpt") && e.getMessage().contains("no impedance spectrum"), e.getMessage());
	}
}
