package org.tomolyte.io.tiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomolyte.align.SliceSource;
import org.tomolyte.model.Volume;
import org.tomolyte.tomo.TomoException;

/**
 * Calibrated volumes as TIFF stacks (one page per slice, 8/16/32-bit in, 32-bit out): read whole, read
 * lazily slice by slice for volumes larger than memory, and written slice by slice, atomically. Voxel sizes
 * come from the TIFF's resolution (µm); the slice spacing is taken equal to the pixel width when reading, while
 * writing records all three voxel sizes (pixel width, height and ImageJ's {@code spacing=}). For an ImageJ
 * hyperstack holding several time frames, see {@link HyperstackTiff}.
 */
public final class VolumeTiff {
	private VolumeTiff() {}

	/** Reads the whole stack. */
	public static Volume read(Path file) throws IOException {
		return readAll(slices(file));
	}

	/** Reads every slice of a lazy view into memory. */
	static Volume readAll(SliceSource s) {
		float[][] z = new float[s.depth()][];
		for (int i = 0; i < z.length; i++)
			z[i] = s.slice(i);
		return new Volume(s.width(), s.height(), z, s.voxelXUm(), s.voxelYUm(), s.voxelZUm());
	}

	/**
	 * A lazy view reading one page per call (memory: one slice). Opening reads only the TIFF directory and
	 * checks that every page lies inside the file, so a truncated stack fails here, naming the file, instead
	 * of reading as blank slices.
	 */
	public static SliceSource slices(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
		TiffPages pages;
		try {
			pages = new TiffPages(file);
			pages.checkComplete();
		} catch (TomoException e) {
			String m = String.valueOf(e.getMessage());
			throw new IOException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
		}
		double um = pages.pixelSizeUm();
		if (Double.isNaN(um) || !(um > 0)) return new TiffSlices(pages, 0, pages.pageCount(), 1, 1, 1);
		double h = pages.pixelHeightUm(), y = h > 0 ? h : um;
		// ImageJ writes spacing= (in its unit) when the slice spacing differs from 1; without it, a scan is taken
		// to have cubic voxels, as tomograms almost always do
		String spacing = pages.descriptionValue("spacing");
		double z = um;
		if (spacing != null) {
			try {
				double v = Math.abs(Double.parseDouble(spacing.trim())) * pages.unitUm();
				if (v > 0) z = v;
			} catch (NumberFormatException e) {
				throw new IOException(file + ": ImageJ description has spacing=" + spacing.trim() + ", not a number");
			}
		}
		return new TiffSlices(pages, 0, pages.pageCount(), um, y, z);
	}

	/** Opens a 32-bit writer for a stack of the given size; write slices in order, then commit. */
	public static TiffStackWriter writer(Path file, int width, int height, int depth, double voxelUm, String info) {
		return writer(file, width, height, depth, voxelUm, voxelUm, voxelUm, info);
	}

	/** As {@link #writer(Path, int, int, int, double, String)} with anisotropic voxels (pixel width, height, slice spacing). */
	public static TiffStackWriter writer(Path file, int width, int height, int depth, double voxelXUm, double voxelYUm, double voxelZUm, String info) {
		return new TiffStackWriter(file, width, height, depth, 32, voxelXUm, voxelYUm, voxelZUm, Double.NaN, Double.NaN, null, info);
	}

	/**
	 * A 32-bit writer like {@link #write}'s for a stream whose size is known only at its end: append slices,
	 * then {@link TiffStackWriter#commit(int, int)} with the slice width and height.
	 */
	public static TiffStackWriter writerSizedOnCommit(Path file, double voxelXUm, double voxelYUm, double voxelZUm, String info) {
		return TiffStackWriter.sizedOnCommit(file, 32, voxelXUm, voxelYUm, voxelZUm, Double.NaN, Double.NaN, null, info);
	}

	/** Writes a whole volume with its three voxel sizes. */
	public static void write(Volume v, Path file, String info) {
		try (TiffStackWriter w = writer(file, v.width(), v.height(), v.depth(), v.voxelXUm(), v.voxelYUm(), v.voxelZUm(), info)) {
			for (int z = 0; z < v.depth(); z++)
				w.write(v.slice(z));
			w.commit();
		}
	}
}
