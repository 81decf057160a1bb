package org.tomolyte.tomo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AngleListTest {
	@TempDir
	Path tmp;

	@Test
	void rangesAndFiles() throws Exception {
		assertArrayEquals(new double[] { 0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4 }, AngleList.parse("0-180", 4), 1e-12);
		assertArrayEquals(new double[] { Math.toRadians(-90), 0 }, AngleList.parse("-90 - 90", 2), 1e-12);
		assertTrue(AngleList.isRange("0-360"));
		Path f = tmp.resolve("a.txt");
		Files.writeString(f, "# key angle\n2 0\n1 0\n0 0\n0 90\n1 90\n");
		assertArrayEquals(new double[] { 0, Math.PI / 2 }, AngleList.fromFile(f, 2), 1e-12);
		TomoException e = assertThrows(TomoException.class, () -> AngleList.fromFile(f, 3));
		assertTrue(e.getMessage().contains("2 projection angles"), e.getMessage());
		Path bad = tmp.resolve("b.txt");
		Files.writeString(bad, "1\nx\n");
		e = assertThrows(TomoException.class, () -> AngleList.fromFile(bad, 2));
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
		assertEquals(2, AngleList.parse(f.toString(), 2).length);
	}
}
