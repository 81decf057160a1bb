package org.tomolyte.synth.cell;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

public final class ScratchDemo {
	public static void main(String[] a) {
		for (long seed = 1; seed <= 6; seed++) {
			CellParameters p = CellParameters.builder().clean().projections(null).seed(seed).crackAzimuthDeg(seed * 47).build();
			SyntheticCellData d = SyntheticCell.generate(p, Progress.NONE);
			StringBuilder sb = new StringBuilder("seed " + seed + ":");
			for (int s = 1; s < 5; s++) {
				Volume l = d.labels().get(s);
				long n = 0;
				for (int z = 0; z < l.depth(); z++) for (float f : l.slice(z)) if (f == 5) n++;
				double vt = d.truth().scans.get(s).crack.volumeUm3;
				// fine count
				double v = p.voxelUm();
				sb.append(String.format(" %.3f", n * v * v * v / vt));
			}
			System.out.println(sb);
		}
	}
}
