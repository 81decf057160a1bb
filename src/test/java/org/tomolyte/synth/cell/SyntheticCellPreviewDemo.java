package org.tomolyte.synth.cell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/** Saves PNG cross-sections of the default synthetic cell (for looking at it). Argument: output folder. */
public final class SyntheticCellPreviewDemo {
	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(args.length > 0 ? args[0] : "/tmp/synth-preview");
		Files.createDirectories(dir);
		CellParameters.Builder b = CellParameters.builder();
		if (args.length > 1 && args[1].equals("second")) SecondGeometry.apply(b);
		SyntheticCellData d = SyntheticCell.generate(b.build(), Progress.NONE);
		for (int s = 0; s < d.scans().size(); s++) {
			Volume v = d.scans().get(s), l = d.labels().get(s);
			double[] o = d.truth().scans.get(s).crack.originScanUm;
			int y = (int) Math.round(o[1] / v.voxelYUm());
			int z = (int) Math.round((o[2] - 6) / v.voxelZUm());
			save(xz(v, y), dir.resolve("scan" + s + "_xz.png"), 0, 1.6);
			save(xz(l, y), dir.resolve("labels" + s + "_xz.png"), 0, 6);
			save(xy(v, z), dir.resolve("scan" + s + "_xy.png"), 0, 1.6);
			save(xy(l, z), dir.resolve("labels" + s + "_xy.png"), 0, 6);
		}
		for (ProjectionData p : d.projections()) {
			float[][] c = p.sinogramCounts();
			FloatProcessor fp = new FloatProcessor(c[0].length, c.length);
			for (int a = 0; a < c.length; a++) for (int j = 0; j < c[0].length; j++) fp.setf(j, a, c[a][j]);
			fp.resetMinAndMax();
			save(fp, dir.resolve("sino" + p.slice() + ".png"), Double.NaN, Double.NaN);
			save(new FloatProcessor(p.sliceWidth(), p.sliceHeight(), p.exactSlice()), dir.resolve("exact" + p.slice() + ".png"), 0, 1.6);
		}
		System.out.println("saved to " + dir);
	}

	static FloatProcessor xz(Volume v, int y) {
		FloatProcessor fp = new FloatProcessor(v.width(), v.depth());
		for (int z = 0; z < v.depth(); z++) for (int x = 0; x < v.width(); x++) fp.setf(x, v.depth() - 1 - z, v.get(x, y, z));
		return fp;
	}

	static FloatProcessor xy(Volume v, int z) {
		return new FloatProcessor(v.width(), v.height(), v.slice(z).clone());
	}

	static void save(FloatProcessor fp, Path file, double min, double max) {
		if (!Double.isNaN(min)) fp.setMinAndMax(min, max);
		fp.setInterpolationMethod(ImageProcessor.NONE);
		ImageProcessor big = fp.resize(fp.getWidth() * 4, fp.getHeight() * 4).convertToByte(true);
		new FileSaver(new ImagePlus("", big)).saveAsPng(file.toString());
	}
}
