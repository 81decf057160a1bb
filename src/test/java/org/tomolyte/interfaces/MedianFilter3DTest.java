package org.tomolyte.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

import ij.IJ;
import ij.process.ImageProcessor;

class MedianFilter3DTest {

	/** A step edge with noise: the median removes most noise on both sides and leaves the edge where it was. */
	@Test
	void keepsAStepEdgeAndRemovesNoise() {
		java.util.Random r = new java.util.Random(1);
		Volume v = new Volume(24, 24, 12, 1.0);
		for (int z = 0; z < 12; z++)
			for (int y = 0; y < 24; y++)
				for (int x = 0; x < 24; x++) v.set(x, y, z, (float) ((x < 12 ? 0 : 1) + 0.1 * r.nextGaussian()));
		Volume m = MedianFilter3D.filter(v, 1, Progress.NONE);
		double sdIn = 0, sdOut = 0;
		int n = 0;
		for (int z = 2; z < 10; z++)
			for (int y = 2; y < 22; y++)
				for (int x = 2; x < 9; x++) {
					sdIn += v.get(x, y, z) * v.get(x, y, z);
					sdOut += m.get(x, y, z) * m.get(x, y, z);
					n++;
				}
		assertTrue(Math.sqrt(sdOut / n) < 0.6 * Math.sqrt(sdIn / n), "noise reduced");
		for (int z = 2; z < 10; z++)
			for (int y = 2; y < 22; y++) {
				assertEquals(0, m.get(11, y, z), 0.3);
				assertEquals(1, m.get(12, y, z), 0.3);
			}
	}

	/** On real XCT slices: the filtered volume stays close to the data (no bias) and is smoother. */
	@Test
	void realXctSlices() throws Exception {
		Path dir = TestData.file("xct/battery_xct_workflows/cell_vol_031-070");
		Path[] files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.toString().endsWith(".tif")).sorted().limit(8).toArray(Path[]::new);
		}
		float[][] sl = new float[files.length][];
		int w = 0, h = 0;
		for (int k = 0; k < files.length; k++) {
			ImageProcessor ip = IJ.openImage(files[k].toString()).getProcessor();
			w = ip.getWidth();
			h = ip.getHeight();
			sl[k] = new float[w * h];
			for (int i = 0; i < sl[k].length; i++) sl[k][i] = ip.getf(i);
		}
		Volume v = new Volume(w, h, sl, 1, 1, 1);
		Volume m = MedianFilter3D.filter(v, 1, Progress.NONE);
		double mean = 0, meanM = 0, lapV = 0, lapM = 0;
		int z = files.length / 2;
		for (int y = 1; y < h - 1; y++)
			for (int x = 1; x < w - 1; x++) {
				mean += v.get(x, y, z);
				meanM += m.get(x, y, z);
				double a = 4 * v.get(x, y, z) - v.get(x - 1, y, z) - v.get(x + 1, y, z) - v.get(x, y - 1, z) - v.get(x, y + 1, z);
				double b = 4 * m.get(x, y, z) - m.get(x - 1, y, z) - m.get(x + 1, y, z) - m.get(x, y - 1, z) - m.get(x, y + 1, z);
				lapV += a * a;
				lapM += b * b;
			}
		int n = (w - 2) * (h - 2);
		assertEquals(mean / n, meanM / n, 0.02 * Math.abs(mean / n) + 1);
		assertTrue(lapM < 0.8 * lapV, "high-frequency energy falls: " + lapM / lapV);
	}
}
