package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.model.Volume;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

/** Calibrated stacks keep their voxel size through ImageJ's TIFF writer and our reader (a lost size skews every µm result). */
class VolumeTiffTest {

	@Test
	void imageJWrittenMicronCalibrationIsRead(@TempDir Path dir) throws Exception {
		ImageStack st = new ImageStack(8, 6);
		for (int z = 0; z < 3; z++) {
			float[] px = new float[48];
			for (int i = 0; i < px.length; i++)
				px[i] = z * 100 + i;
			st.addSlice(new FloatProcessor(8, 6, px));
		}
		ImagePlus imp = new ImagePlus("cal", st);
		imp.getCalibration().pixelWidth = 1.3;
		imp.getCalibration().pixelHeight = 1.3;
		imp.getCalibration().pixelDepth = 1.3;
		imp.getCalibration().setUnit("micron");
		Path f = dir.resolve("cal.tif");
		IJ.saveAsTiff(imp, f.toString());
		Volume v = VolumeTiff.read(f);
		assertEquals(1.3, v.voxelXUm(), 1e-5);
		assertEquals(1.3, v.voxelZUm(), 1e-5);
		assertArrayEquals((float[]) st.getPixels(2), v.slice(1));
		Path back = dir.resolve("back.tif");
		VolumeTiff.write(v, back, "round trip");
		assertEquals(1.3, VolumeTiff.read(back).voxelXUm(), 1e-5, "our writer's calibration reads back too");
	}
}
