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
		if (scale > 1.5) {
			// full-size: render and write one scan at a time
			long t0 = System.nanoTime();
			SyntheticCellWriter.write(SyntheticCell.open(p, Progress.NONE), dir.resolve("cell"), null, Progress.NONE);
			long t1 = System.nanoTime();
			Runtime rt = Runtime.getRuntime();
			System.out.printf("scale %.2f (%d×%d×%d × %d scans), threads %d: streaming generate+write %.2f s, heap used %.0f MB%n", scale, p.widthVoxels(),
					p.heightVoxels(), p.depthVoxels(), p.scanCount(), threads, (t1 - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) / 1e6);
			return;
		}
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
