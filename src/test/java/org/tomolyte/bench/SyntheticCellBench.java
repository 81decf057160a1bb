package org.tomolyte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.tomolyte.synth.cell.CellParameters;
import org.tomolyte.synth.cell.SyntheticCell;
import org.tomolyte.synth.cell.SyntheticCellData;
import org.tomolyte.synth.cell.SyntheticCellWriter;
import org.tomolyte.task.Progress;

/**
 * Times the synthetic cell generator and writer. Arguments: [scale] [threads] [outputDir]; default scale 1
 * (96 × 96 × 64, five scans), all processors, a temporary folder.
 */
public final class SyntheticCellBench {
	public static void main(String[] args) throws Exception {
		double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
		Path dir = args.length > 2 ? Paths.get(args[2]) : Files.createTempDirectory("synthcell-bench");
		CellParameters p = CellParameters.builder().scale(scale).threads(threads).build();
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			SyntheticCellData d = SyntheticCell.generate(p, Progress.NONE);
			long t1 = System.nanoTime();
			SyntheticCellWriter.write(d, dir.resolve("cell"));
			long t2 = System.nanoTime();
			System.out.printf("scale %.2f (%d×%d×%d × %d scans), threads %d: generate %.2f s, write %.2f s%n", scale, p.widthVoxels(), p.heightVoxels(),
					p.depthVoxels(), p.scanCount(), threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
		}
		System.out.println("written to " + dir.resolve("cell"));
	}
}
