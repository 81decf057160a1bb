package org.tomolyte.io.tiff;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomolyte.tomo.TomoException;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.io.Opener;
import ij.io.TiffDecoder;

/**
 * The grey-value pages of one TIFF file (single image, ImageJ stack or multi-page TIFF), read as floats a band of
 * rows at a time with ImageJ's {@link TiffDecoder} and {@link ImageReader}: uncompressed pages are read only for
 * the rows asked for; compressed ones are decoded whole by ImageJ's {@link Opener} and cut.
 */
final class TiffPages {
	final Path file;
	final int width, height;
	private final List<FileInfo> pages = new ArrayList<>();
	private final boolean compressed;
	private float[][] decoded; // compressed files only: every page, decoded once

	TiffPages(Path file) {
		this.file = file;
		FileInfo[] info;
		try {
			Path dir = file.toAbsolutePath().getParent();
			info = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
		} catch (IOException | RuntimeException e) {
			throw new TomoException(file + ": not a readable TIFF (" + e.getMessage() + ")", e);
		}
		if (info == null || info.length == 0) throw new TomoException(file + ": no image found in the TIFF");
		FileInfo f0 = info[0];
		width = f0.width;
		height = f0.height;
		boolean anyCompressed = false;
		for (FileInfo fi : info) {
			if (fi.width != width || fi.height != height) continue; // thumbnails and the like
			checkType(fi);
			anyCompressed |= fi.compression > FileInfo.COMPRESSION_NONE;
			if (fi.nImages > 1) {
				long size = (long) fi.width * fi.height * fi.getBytesPerPixel();
				for (int i = 0; i < fi.nImages; i++) {
					FileInfo p = (FileInfo) fi.clone();
					p.nImages = 1;
					p.longOffset = fi.getOffset() + i * (size + fi.getGap());
					p.offset = 0;
					pages.add(p);
				}
			} else pages.add(fi);
		}
		compressed = anyCompressed;
	}

	private void checkType(FileInfo fi) {
		switch (fi.fileType) {
		case FileInfo.GRAY8:
		case FileInfo.GRAY16_UNSIGNED:
		case FileInfo.GRAY16_SIGNED:
		case FileInfo.GRAY32_FLOAT:
		case FileInfo.GRAY32_INT:
		case FileInfo.GRAY32_UNSIGNED:
		case FileInfo.GRAY64_FLOAT:
			return;
		default:
			throw new TomoException(file + ": unsupported TIFF pixel type (ImageJ file type " + fi.fileType + "); use 8/16-bit integer or 32-bit float grey images");
		}
	}

	int pageCount() {
		return pages.size();
	}

	/**
	 * Pixel size in µm from the TIFF calibration, NaN when not in µm. ImageJ writes the unit only in its
	 * description ({@code unit=micron}) and leaves the TIFF resolution unit empty, so both are consulted.
	 */
	double pixelSizeUm() {
		FileInfo fi = pages.get(0);
		String u = fi.unit == null ? "" : fi.unit.trim().toLowerCase();
		if (u.isEmpty() || u.equals("none") || u.equals("inch") || u.equals("pixel")) {
			String d = descriptionValue(fi, "unit");
			if (d != null) u = d.trim().toLowerCase();
		}
		u = u.replace("\\u00B5", "µ");
		if (fi.pixelWidth > 0 && (u.equals("micron") || u.equals("µm") || u.equals("um") || u.equals("microns") || u.equals("µm"))) return fi.pixelWidth;
		if (fi.pixelWidth > 0 && u.equals("mm")) return fi.pixelWidth * 1000;
		if (fi.pixelWidth > 0 && u.equals("nm")) return fi.pixelWidth / 1000;
		return Double.NaN;
	}

	/** A {@code key=value} line of ImageJ's TIFF description, or null. */
	private static String descriptionValue(FileInfo fi, String key) {
		if (fi.description == null) return null;
		for (String line : fi.description.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0 && line.substring(0, eq).trim().equals(key)) return line.substring(eq + 1);
		}
		return null;
	}

	/** Rows [first, first+count) of page {@code page}, x fastest. */
	float[] readRows(int page, int first, int count) {
		if (first < 0 || first + count > height)
			throw new TomoException(file + ": rows " + first + "–" + (first + count - 1) + " outside the image height " + height);
		if (compressed) {
			decodeAll();
			float[] r = new float[count * width];
			System.arraycopy(decoded[page], first * width, r, 0, count * width);
			return r;
		}
		FileInfo fi = (FileInfo) pages.get(page).clone();
		fi.longOffset = fi.getOffset() + (long) first * width * fi.getBytesPerPixel();
		fi.offset = 0;
		fi.height = count;
		fi.nImages = 1;
		fi.stripOffsets = null;
		fi.stripLengths = null;
		try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()))) {
			Object px = new ImageReader(fi).readPixels(in, fi.getOffset());
			if (px == null) throw new TomoException(file + ": could not read page " + page + " (file truncated?)");
			return toFloat(px, fi.fileType);
		} catch (IOException e) {
			throw new TomoException(file + ": read error (" + e.getMessage() + ")", e);
		}
	}

	private synchronized void decodeAll() {
		if (decoded != null) return;
		Path dir = file.toAbsolutePath().getParent();
		ImagePlus imp = new Opener().openTiff(dir.toString() + java.io.File.separator, file.getFileName().toString());
		if (imp == null) throw new TomoException(file + ": ImageJ could not decode this compressed TIFF");
		ImageStack st = imp.getStack();
		decoded = new float[st.getSize()][];
		for (int i = 0; i < decoded.length; i++) {
			Object px = st.getPixels(i + 1);
			decoded[i] = toFloat(px, px instanceof short[] ? FileInfo.GRAY16_UNSIGNED : FileInfo.GRAY32_FLOAT);
		}
	}

	private float[] toFloat(Object px, int fileType) {
		if (px instanceof float[]) return (float[]) px;
		if (px instanceof short[]) {
			short[] s = (short[]) px;
			float[] f = new float[s.length];
			float off = fileType == FileInfo.GRAY16_SIGNED ? -32768f : 0f; // ImageReader shifted signed data up
			for (int i = 0; i < s.length; i++)
				f[i] = (s[i] & 0xffff) + off;
			return f;
		}
		if (px instanceof byte[]) {
			byte[] b = (byte[]) px;
			float[] f = new float[b.length];
			for (int i = 0; i < b.length; i++)
				f[i] = b[i] & 0xff;
			return f;
		}
		throw new TomoException(file + ": unsupported pixel data " + px.getClass().getSimpleName());
	}
}
