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
 * come from the TIFF's resolution (µm); the slice spacing is taken equal to the pixel width. For an ImageJ
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

	/** A lazy view reading one page per call (memory: one slice). */
	public static SliceSource slices(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
		TiffPages pages;
		try {
			pages = new TiffPages(file);
		} catch (TomoException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
		double um = pages.pixelSizeUm();
		double voxel = Double.isNaN(um) || !(um > 0) ? 1 : um;
		return new TiffSlices(pages, 0, pages.pageCount(), voxel, voxel, voxel);
	}

	/** Opens a 32-bit writer for a stack of the given size; write slices in order, then commit. */
	public static TiffStackWriter writer(Path file, int width, int height, int depth, double voxelUm, String info) {
		return new TiffStackWriter(file, width, height, depth, 32, voxelUm, Double.NaN, Double.NaN, null, info);
	}

	/** Writes a whole volume. */
	public static void write(Volume v, Path file, String info) {
		try (TiffStackWriter w = writer(file, v.width(), v.height(), v.depth(), v.voxelXUm(), info)) {
			for (int z = 0; z < v.depth(); z++)
				w.write(v.slice(z));
			w.commit();
		}
	}
}
