package org.tomolyte.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/** Interface height map, tilt and levelling on the synthetic cell, whose interface plane and roughness are known. */
class InterfaceLevellerTest {
	static final double SLOPE_X = 0.02, SLOPE_Y = -0.015; // ≈ 1.15° and −0.86°

	@Test
	void measuresTiltAndHeightOfTheTiltedInterface() {
		SyntheticCell cell = new SyntheticCell(192, 192, 48, 7, SLOPE_X, SLOPE_Y);
		Volume v = cell.scan(Affine3D.identity(), 1);
		InterfaceResult r = InterfaceLeveller.measure(v, new InterfaceSettings(), Progress.NONE);
		assertFalse(r.rising(), "grey values fall from electrolyte to liquid metal");
		// truth: the true interface (plane + roughness) averaged over each tile the method used
		Volume map = r.heightMapUm(), inl = r.inlierMap();
		int step = 4;
		double ss = 0;
		int n = 0;
		List<double[]> truthPts = new ArrayList<>();
		for (int j = 0; j < map.height(); j++)
			for (int i = 0; i < map.width(); i++) {
				if (inl.get(i, j, 0) == 0) continue;
				double truth = 0;
				for (int b = 0; b < step; b++)
					for (int a = 0; a < step; a++)
						truth += cell.trueHeightScan(i * step + a, j * step + b) / (step * step);
				double err = map.get(i, j, 0) / SyntheticCell.VOXEL_UM - truth;
				ss += err * err;
				n++;
				truthPts.add(new double[] { i * step, j * step, truth });
			}
		// tiles inside the cell (radius 0.47·192 less the wall) are about π·86²/16 ≈ 1450
		assertTrue(n > 1200, "tiles used: " + n);
		double rms = Math.sqrt(ss / n);
		assertTrue(rms <= 0.5, "height RMS error " + rms + " voxels");
		double[] truthPlane = new double[3];
		InterfaceLeveller.robustPlane(truthPts, 1e9, false, truthPlane); // plain least squares through the truth
		assertEquals(Math.toDegrees(Math.atan(truthPlane[1])), r.tiltUDeg(), 0.05);
		assertEquals(Math.toDegrees(Math.atan(truthPlane[2])), r.tiltVDeg(), 0.05);
		// and the nominal tilt of the generator (its roughness adds a small random tilt of its own)
		assertEquals(Math.toDegrees(Math.atan(SLOPE_X)), r.tiltUDeg(), 0.1);
		assertEquals(Math.toDegrees(Math.atan(SLOPE_Y)), r.tiltVDeg(), 0.1);
		// roughness: the true roughness is 0.3 voxel RMS (tile averaging lowers it a little); noise adds to it
		assertTrue(r.roughnessRmsUm() / SyntheticCell.VOXEL_UM > 0.1 && r.roughnessRmsUm() / SyntheticCell.VOXEL_UM < 0.6, "roughness " + r.roughnessRmsUm());
		assertTrue(r.peakToValleyUm() > 2 * r.roughnessRmsUm());
	}

	@Test
	void levellingMakesTheInterfaceHorizontal() {
		SyntheticCell cell = new SyntheticCell(192, 192, 48, 8, SLOPE_X, SLOPE_Y);
		Volume v = cell.scan(Affine3D.identity(), 2);
		InterfaceResult r = InterfaceLeveller.measure(v, new InterfaceSettings(), Progress.NONE);
		assertEquals(r.tiltDeg(), r.levelling().rotationAngleDegrees(), 1e-9);
		assertEquals(Math.toDegrees(Math.atan(Math.hypot(SLOPE_X, SLOPE_Y))), r.tiltDeg(), 0.1);
		Volume levelled = Resampler.resample(v, r.levelling(), OutputGrid.of(v), Interpolation.CUBIC, 0f, 0, Progress.NONE);
		InterfaceResult after = InterfaceLeveller.measure(levelled, new InterfaceSettings(), Progress.NONE);
		assertEquals(0, after.tiltDeg(), 0.05);
		// the rotation is about the interface centre: the height there is unchanged
		double cu = 95.5 * SyntheticCell.VOXEL_UM, cv = 95.5 * SyntheticCell.VOXEL_UM;
		assertEquals(r.planeHeightUm(cu, cv), after.planeHeightUm(cu, cv), 0.5 * SyntheticCell.VOXEL_UM);
	}

	@Test
	void columnAxisYFindsTheSameTilt() {
		SyntheticCell cell = new SyntheticCell(96, 96, 48, 9, SLOPE_X, SLOPE_Y);
		Volume v = cell.scan(Affine3D.identity(), 3);
		// swap y and z: the interface becomes a height y(x, z)
		Volume t = new Volume(v.width(), v.depth(), v.height(), SyntheticCell.VOXEL_UM);
		for (int z = 0; z < v.depth(); z++)
			for (int y = 0; y < v.height(); y++)
				for (int x = 0; x < v.width(); x++)
					t.set(x, z, y, v.get(x, y, z));
		InterfaceResult r = InterfaceLeveller.measure(t, new InterfaceSettings().axis(InterfaceSettings.Axis.Y), Progress.NONE);
		InterfaceResult alongZ = InterfaceLeveller.measure(v, new InterfaceSettings(), Progress.NONE);
		// the same data seen along another axis gives the same interface
		assertEquals(alongZ.tiltUDeg(), r.tiltUDeg(), 1e-6);
		assertEquals(alongZ.tiltVDeg(), r.tiltVDeg(), 1e-6);
		assertEquals(alongZ.heightAtOriginUm(), r.heightAtOriginUm(), 1e-6);
		assertEquals(Math.toDegrees(Math.atan(SLOPE_X)), r.tiltUDeg(), 0.2);
		// the levelling rotation is about x for a tilt along v (= z here)
		assertEquals(alongZ.levelling().rotationAngleDegrees(), r.levelling().rotationAngleDegrees(), 1e-6);
		Volume levelled = Resampler.resample(t, r.levelling(), OutputGrid.of(t), Interpolation.CUBIC, 0f, 0, Progress.NONE);
		// a wrong axis or sign would leave about twice the 1.4° tilt; a small volume measures to about 0.1°
		assertEquals(0, InterfaceLeveller.measure(levelled, new InterfaceSettings().axis(InterfaceSettings.Axis.Y), Progress.NONE).tiltDeg(), 0.15);
	}

	@Test
	void aVolumeWithoutInterfaceIsRefused() {
		Volume flat = new Volume(64, 64, 32, 1.0);
		AlignException e = assertThrows(AlignException.class, () -> InterfaceLeveller.measure(flat, new InterfaceSettings(), Progress.NONE));
		assertTrue(e.getMessage().contains("interface"), e.getMessage());
	}
}
