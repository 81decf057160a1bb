package org.tomolyte.io.tiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.tomolyte.align.SliceSource;
import org.tomolyte.model.Volume;
import org.tomolyte.tomo.TomoException;

/**
 * An ImageJ hyperstack TIFF read as a time series of calibrated volumes, one frame at a time, so a series of
 * XCT scans kept in one file (as ImageJ saves a 4D image) can be used wherever a folder of scans can.
 * <p>
 * The layout comes from ImageJ's description: {@code channels=}, {@code slices=} and {@code frames=} (each 1
 * when absent; a stack with neither {@code slices=} nor {@code frames=} is one frame of all its pages). Pages
 * are stored channel fastest, then slice, then frame, so frame t, slice z is page {@code t·slices + z}.
 * Calibration in µm: pixel width and height from the TIFF resolution with ImageJ's {@code unit=} (micron, µm,
 * nm, mm), slice spacing from {@code spacing=} in the same unit; ImageJ omits {@code spacing=} when it is 1,
 * so a calibrated file without it has a 1-unit spacing, as ImageJ itself reads it. An uncalibrated file gets
 * 1 µm voxels, as in {@link VolumeTiff}. Multi-channel hyperstacks are refused rather than guessed at (which
 * channel is the XCT signal is not something a reader can know); split the channels in ImageJ first.
 * <p>
 * Pixels are read lazily, one page per slice (8/16/32-bit integer or float in, 32-bit float out): opening reads
 * only the TIFF directory. Opening checks that the page count matches channels × slices × frames and that every
 * page's data lies inside the file, so a truncated file fails here instead of reading as blank slices.
 *
 * <pre>
 * HyperstackTiff h = HyperstackTiff.open(path);
 * for (int t = 0; t &lt; h.frames(); t++) {
 *     Volume scan = h.readFrame(t);        // or h.frame(t) for a slice-by-slice view
 * }
 * </pre>
 */
public final class HyperstackTiff {
	private final Path file;
	private final TiffPages pages;
	private final int channels, slices, frames;
	private final double voxelXUm, voxelYUm, voxelZUm, frameIntervalS;
	private final boolean calibrated;

	private HyperstackTiff(Path file, TiffPages pages) throws IOException {
		this.file = file;
		this.pages = pages;
		channels = count("channels", 1);
		String sl = pages.descriptionValue("slices"), fr = pages.descriptionValue("frames");
		frames = count("frames", 1);
		slices = sl == null && fr == null ? pages.pageCount() / channels : count("slices", 1);
		if (channels > 1)
			throw new IOException(file + ": a hyperstack of " + channels + " channels; only single-channel hyperstacks are read (split the channels in ImageJ, Image > Color > Split Channels, and give one)");
		long expected = (long) channels * slices * frames;
		if (expected != pages.pageCount())
			throw new IOException(file + ": its ImageJ description says " + channels + " channel(s) × " + slices + " slice(s) × " + frames + " frame(s) = " + expected
					+ " pages, but the file holds " + pages.pageCount());
		try {
			pages.checkComplete();
		} catch (TomoException e) {
			throw new IOException(e.getMessage(), e);
		}
		double k = pages.unitUm(), w = pages.pixelSizeUm(), h = pages.pixelHeightUm();
		calibrated = w > 0;
		if (calibrated) {
			voxelXUm = w;
			voxelYUm = h > 0 ? h : w;
			double spacing = number("spacing", 1);
			voxelZUm = Math.abs(spacing) > 0 ? Math.abs(spacing) * k : w;
		} else {
			voxelXUm = voxelYUm = voxelZUm = 1;
		}
		frameIntervalS = frameInterval();
	}

	/**
	 * Opens the file and reads its layout and calibration (no pixels yet).
	 *
	 * @throws NoSuchFileException if the file does not exist
	 * @throws IOException naming the file, if it is not a readable TIFF, is multi-channel, is truncated, or its
	 *         page count does not match channels × slices × frames
	 */
	public static HyperstackTiff open(Path file) throws IOException {
		if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
		if (!Files.isRegularFile(file)) throw new IOException(file + ": not a file");
		try {
			return new HyperstackTiff(file, new TiffPages(file));
		} catch (TomoException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	public Path file() {
		return file;
	}

	/** Number of time frames (1 for a plain z-stack). */
	public int frames() {
		return frames;
	}

	/** Slices per frame. */
	public int slices() {
		return slices;
	}

	public int width() {
		return pages.width;
	}

	public int height() {
		return pages.height;
	}

	public double voxelXUm() {
		return voxelXUm;
	}

	public double voxelYUm() {
		return voxelYUm;
	}

	public double voxelZUm() {
		return voxelZUm;
	}

	/** True when the voxel sizes come from the file's calibration in a length unit, false when they default to 1 µm. */
	public boolean calibrated() {
		return calibrated;
	}

	/** Time between frames in seconds from ImageJ's {@code finterval=} (and {@code tunit=}), NaN when the file does not give one. */
	public double frameIntervalS() {
		return frameIntervalS;
	}

	/** A lazy view of frame {@code t} reading one page per call (memory: one slice). */
	public SliceSource frame(int t) {
		if (t < 0 || t >= frames) throw new IndexOutOfBoundsException(file + ": frame " + t + " outside 0–" + (frames - 1));
		return new TiffSlices(pages, t * slices, slices, voxelXUm, voxelYUm, voxelZUm);
	}

	/** Reads frame {@code t} whole. */
	public Volume readFrame(int t) throws IOException {
		try {
			return VolumeTiff.readAll(frame(t));
		} catch (TomoException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	private int count(String key, int absent) throws IOException {
		String v = pages.descriptionValue(key);
		if (v == null) return absent;
		try {
			int n = Integer.parseInt(v.trim());
			if (n < 1) throw new NumberFormatException();
			return n;
		} catch (NumberFormatException e) {
			throw new IOException(file + ": ImageJ description has " + key + "=" + v.trim() + ", not a positive whole number");
		}
	}

	private double number(String key, double absent) throws IOException {
		String v = pages.descriptionValue(key);
		if (v == null) return absent;
		try {
			return Double.parseDouble(v.trim());
		} catch (NumberFormatException e) {
			throw new IOException(file + ": ImageJ description has " + key + "=" + v.trim() + ", not a number");
		}
	}

	private double frameInterval() throws IOException {
		double f = number("finterval", Double.NaN);
		if (!(f > 0)) return Double.NaN;
		String unit = pages.descriptionValue("tunit");
		switch (unit == null ? "sec" : unit.trim().toLowerCase(Locale.ROOT)) {
		case "sec":
		case "s":
			return f;
		case "ms":
		case "msec":
			return f / 1000;
		case "min":
			return f * 60;
		case "h":
		case "hr":
		case "hour":
			return f * 3600;
		default:
			return Double.NaN; // a unit we cannot convert: no time rather than a wrong one
		}
	}
}
