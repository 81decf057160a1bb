package org.tomolyte.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.TomoException;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

class Hdf5ProjectionsTest {
	@TempDir
	Path tmp;

	@Test
	void readsDataExchangeToothWithFlatsDarksAndDegrees() {
		Hdf5Projections h = Hdf5Projections.open(TestData.file("tomo/tomopy_tooth.h5"), null);
		assertEquals(640, h.width());
		assertEquals(2, h.height());
		assertEquals(10, h.flatCount());
		assertEquals(10, h.darkCount());
		double[] a = h.anglesRad();
		assertEquals(181, a.length);
		assertEquals(0, a[0], 1e-9);
		// theta is stored in degrees, 0 to 179.0055 in steps of 180/181 (SOURCES.md)
		assertEquals(Math.toRadians(180.0 * 180 / 181), a[180], 1e-4);
		ProjectionSet row1 = h.readRows(1, 1);
		ProjectionSet both = h.readRows(0, 2);
		assertEquals(181, row1.projectionCount());
		assertArrayEquals(both.sinogram(1), row1.sinogram(0));
		// raw counts ≈ 3.9k to 34k, dark ≈ 105, flat ≈ 28k
		float dark = both.darks()[0][100], flat = both.flats()[0][320];
		assertTrue(dark > 50 && dark < 300, "dark " + dark);
		assertTrue(flat > 15000 && flat < 40000, "flat " + flat);
	}

	@Test
	void readsNxtomoWithImageKeyAndSeparatesFrames() throws Exception {
		Path f = tmp.resolve("scan.nxs");
		int w = 6, hgt = 3;
		int[] key = { 2, 1, 1, 0, 0, 0, 0, 1 };
		float[][][] data = new float[key.length][hgt][w];
		double[] rot = new double[key.length];
		int p = 0;
		for (int i = 0; i < key.length; i++) {
			for (int r = 0; r < hgt; r++)
				for (int x = 0; x < w; x++)
					data[i][r][x] = key[i] == 2 ? 10 : key[i] == 1 ? 1000 + 100 * i : 500 + i * 10 + r;
			rot[i] = key[i] == 0 ? 45.0 * p++ : 0;
		}
		try (WritableHdfFile out = HdfFile.write(f)) {
			WritableGroup det = out.putGroup("entry").putGroup("instrument").putGroup("detector");
			det.putDataset("data", data);
			det.putDataset("image_key", key);
			out.putGroup("sample").putDataset("rotation_angle", rot).putAttribute("units", "degrees");
		}
		Hdf5Projections h = Hdf5Projections.open(f, null);
		assertEquals(w, h.width());
		assertEquals(hgt, h.height());
		assertEquals(3, h.flatCount());
		assertEquals(1, h.darkCount());
		assertArrayEquals(new double[] { 0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4 }, h.anglesRad(), 1e-12);
		ProjectionSet s = h.readRows(1, 2);
		assertEquals(4, s.projectionCount());
		assertEquals(500 + 3 * 10 + 1, s.projections()[0][0]);
		assertEquals(500 + 6 * 10 + 2, s.projections()[3][w]);
		assertEquals(10, s.darks()[0][0]);
		// flats 1, 2 before the projections, 7 after: positions −0.5 and 3.5
		assertArrayEquals(new double[] { -0.5, -0.5, 3.5 }, s.flatPositions(), 1e-12);
		assertEquals(1700, s.flats()[2][0]);
	}

	@Test
	void missingDatasetsListWhatTheFileContains() throws Exception {
		Path f = tmp.resolve("other.h5");
		try (WritableHdfFile out = HdfFile.write(f)) {
			out.putGroup("measurement").putDataset("voltage", new double[] { 1, 2, 3 });
		}
		TomoException e = assertThrows(TomoException.class, () -> Hdf5Projections.open(f, null));
		assertTrue(e.getMessage().contains("/measurement/voltage [3]"), e.getMessage());
		TomoException e2 = assertThrows(TomoException.class,
				() -> Hdf5Projections.open(TestData.file("tomo/tomopy_tooth.h5"), new Hdf5Projections.Options().dataPath("/exchange/nothing")));
		assertTrue(e2.getMessage().contains("/exchange/data_white [10, 2, 640]"), e2.getMessage());
	}

	@Test
	void flatsFromASeparateFileMustMatchTheProjectionSize() throws Exception {
		Path flats = tmp.resolve("flats.h5");
		try (WritableHdfFile out = HdfFile.write(flats)) {
			out.putGroup("exchange").putDataset("data", new float[2][2][320]);
		}
		TomoException e = assertThrows(TomoException.class,
				() -> Hdf5Projections.open(TestData.file("tomo/tomopy_tooth.h5"), new Hdf5Projections.Options().flatFile(flats)));
		assertTrue(e.getMessage().contains("must match"), e.getMessage());
		Path good = tmp.resolve("flats2.h5");
		float[][][] v = new float[3][2][640];
		for (float[][] fr : v)
			for (float[] r : fr)
				java.util.Arrays.fill(r, 123);
		try (WritableHdfFile out = HdfFile.write(good)) {
			out.putGroup("exchange").putDataset("data_white", v);
		}
		Hdf5Projections h = Hdf5Projections.open(TestData.file("tomo/tomopy_tooth.h5"),
				new Hdf5Projections.Options().flatFile(good).flatPath("/exchange/data_white"));
		assertEquals(3, h.flatCount());
		assertEquals(123, h.readRows(0, 1).flats()[2][5]);
	}
}
