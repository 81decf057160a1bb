package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

class TransformTablesTest {
	@TempDir
	Path dir;

	@Test
	void csvHasTheMacroApiColumnsAndRoundTrips() throws Exception {
		List<Affine3D> ts = Arrays.asList(Affine3D.identity(), Affine3D.rigid(0.5, -1.25, 2, 10.5, -3.25, 7));
		Table t = TransformTables.toTable(Arrays.asList("t00", "t01"), ts, new double[] { 0, 0.12 });
		assertEquals("scan,m00,m01,m02,m03,m10,m11,m12,m13,m20,m21,m22,m23,tx_um,ty_um,tz_um,rx_deg,ry_deg,rz_deg,residual_um", String.join(",", t.columns()));
		assertEquals(10.5, t.getDouble(1, "tx_um"), 1e-12);
		assertEquals(10.5, t.getDouble(1, "m03"), 1e-12);
		assertEquals(-1.25, t.getDouble(1, "ry_deg"), 1e-9);
		Path f = dir.resolve("transforms.csv");
		CsvTables.write(t, f);
		String header = Files.readAllLines(f).get(0);
		assertEquals(String.join(",", TransformTables.COLUMNS), header);
		List<Affine3D> back = TransformTables.fromTable(CsvTables.read(f));
		for (int i = 0; i < 2; i++)
			assertEquals(0, back.get(i).maxDifferenceUm(ts.get(i), 1000, 1000, 1000), 1e-9);
	}

	@Test
	void editedDecompositionIsRefused() {
		Table t = TransformTables.toTable(Arrays.asList("t00"), Arrays.asList(Affine3D.translation(1, 2, 3)), new double[] { 0 });
		Table bad = new Table("x", t.columns());
		Object[] row = t.row(0).values().toArray();
		row[t.columnIndex("ty_um")] = 5.0;
		bad.addRow(row);
		AlignException e = assertThrows(AlignException.class, () -> TransformTables.fromTable(bad));
		assertTrue(e.getMessage().contains("ty_um"), e.getMessage());
	}

	@Test
	void transformJMatrixIsCentredAndRoundTrips() {
		Volume v = new Volume(11, 21, 5, 2.0);
		Affine3D a = Affine3D.rigid(1, 2, 3, 4, 5, 6);
		String text = TransformTables.toTransformJ(a, v);
		String[] lines = text.trim().split("\n");
		assertEquals(4, lines.length);
		assertEquals("0.0\t0.0\t0.0\t1.0", lines[3]);
		assertEquals(0, TransformTables.fromTransformJ(text, v).maxDifferenceUm(a, 100, 100, 100), 1e-9);
		// a rotation about the volume centre has no translation in the centred form
		Affine3D aboutCentre = Affine3D.rotationAbout(10, 20, 4, 0, 0, 30);
		String[] row0 = TransformTables.toTransformJ(aboutCentre, v).split("\n")[0].split("\t");
		assertEquals(0, Double.parseDouble(row0[3]), 1e-9);
	}
}
