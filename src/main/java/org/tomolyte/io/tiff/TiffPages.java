package org.tomolyte.io.tiff;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomolyte.tomo.TomoException;

import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.io.TiffDecoder;

/**
 * The grey-value pages of one TIFF file (single image, ImageJ stack or multi-page TIFF), read as floats a band of
 * rows at a time with ImageJ's {@link TiffDecoder} and {@link ImageReader}: uncompressed pages are read only for
 * the rows asked for; a compressed page is decoded whole (one page at a time, the last one kept) and cut, so
 * that even compressed stacks larger than memory can be read slice by slice.
 */
final class TiffPages {
	final Path file;
	final int width, height;
	private final List<FileInfo> pages = new ArrayList<>();
	private final boolean compressed;
	// compressed files only: the page last decoded
	private int decodedPage = -1;
	private float[] decoded;

	TiffPages(Path file) {
		this.file = file;
		FileInfo[] info;
		try {
			Path dir = file.toAbsolutePath().getParent();
			info = new TiffDecoder(dir.toString() + java.io.File.separator, file.getFileName().toString()).getTiffInfo();
		} catch (IOException | RuntimeException e) {
			throw new TomoException(file + ": not a readable TIFF (" + e.getMessage() + ")", e);
		}
		if (info == null || info.length == 0) throw new TomoException(file + ": not a TIFF file (no TIFF header, or no image in it)");
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
		double k = unitUm();
		FileInfo fi = pages.get(0);
		return fi.pixelWidth > 0 ? fi.pixelWidth * k : Double.NaN;
	}

	/** Pixel height in µm from the TIFF's Y resolution, NaN when not in a length unit. */
	double pixelHeightUm() {
		double k = unitUm();
		FileInfo fi = pages.get(0);
		return fi.pixelHeight > 0 ? fi.pixelHeight * k : Double.NaN;
	}

	/**
	 * µm per calibration unit (micron/µm/um → 1, mm → 1000, nm → 0.001), NaN otherwise: no unit, pixel, and the
	 * TIFF resolution units inch and cm, which cameras and scanners use for print dots rather than voxel sizes.
	 */
	double unitUm() {
		FileInfo fi = pages.get(0);
		String u = fi.unit == null ? "" : fi.unit.trim().toLowerCase();
		if (u.isEmpty() || u.equals("none") || u.equals("inch") || u.equals("pixel")) {
			String d = descriptionValue("unit");
			if (d != null) u = d.trim().toLowerCase();
		}
		u = u.replace("\\u00b5", "µ").replace('\u03bc', 'µ'); // ImageJ's escaped micro sign; Greek mu
		switch (u) {
		case "micron":
		case "microns":
		case "µm":
		case "um":
			return 1;
		case "mm":
			return 1000;
		case "nm":
			return 0.001;
		default:
			return Double.NaN;
		}
	}

	/** A {@code key=value} line of the first page's TIFF description (ImageJ's), or null. */
	String descriptionValue(String key) {
		return descriptionValue(pages.get(0), key);
	}

	/**
	 * Checks that every page's pixel data lies inside the file. ImageJ's decoder takes an ImageJ stack's page
	 * count from the description and its reader pads a short read with zeros, so a truncated stack would
	 * otherwise read as silently blank slices.
	 */
	void checkComplete() {
		long length = file.toFile().length();
		for (int i = 0; i < pages.size(); i++) {
			FileInfo fi = pages.get(i);
			long end;
			if (fi.compression > FileInfo.COMPRESSION_NONE && fi.stripOffsets != null && fi.stripLengths != null) {
				end = 0;
				for (int s = 0; s < fi.stripOffsets.length && s < fi.stripLengths.length; s++)
					end = Math.max(end, (fi.stripOffsets[s] & 0xffffffffL) + (fi.stripLengths[s] & 0xffffffffL));
			} else end = fi.getOffset() + (long) fi.width * fi.height * fi.getBytesPerPixel();
			if (end > length)
				throw new TomoException(file + ": truncated: page " + (i + 1) + " of " + pages.size() + " needs " + end + " bytes, the file has " + length);
		}
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
			float[] all = decode(page);
			float[] r = new float[count * width];
			System.arraycopy(all, first * width, r, 0, count * width);
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

	/** Page {@code page} decoded whole (ImageJ's reader handles LZW, PackBits and deflate strips, with predictors). */
	private synchronized float[] decode(int page) {
		if (page == decodedPage) return decoded;
		FileInfo fi = (FileInfo) pages.get(page).clone();
		fi.nImages = 1;
		if (fi.compression == FileInfo.ZIP || fi.compression == FileInfo.ZIP_WITH_DIFFERENCING) checkDeflateStrips(fi, page);
		try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()))) {
			Object px = new ImageReader(fi).readPixels(in, fi.getOffset());
			if (px == null) throw new TomoException(file + ": could not decode compressed page " + (page + 1) + " of " + pages.size());
			decoded = toFloat(px, fi.fileType);
			decodedPage = page;
			return decoded;
		} catch (IOException e) {
			throw new TomoException(file + ": read error in compressed page " + (page + 1) + " (" + e.getMessage() + ")", e);
		}
	}

	/**
	 * ImageJ's reader prints a damaged deflate strip's error and returns the page with zeros where the data should
	 * be; so each strip is inflated here first and must decode completely to its full size.
	 */
	private void checkDeflateStrips(FileInfo fi, int page) {
		if (fi.stripOffsets == null || fi.stripLengths == null) return;
		long expected = (long) fi.width * fi.height * fi.getBytesPerPixel(), got = 0;
		byte[] out = new byte[1 << 16];
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
			for (int s = 0; s < fi.stripOffsets.length && s < fi.stripLengths.length; s++) {
				java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(fi.stripLengths[s]);
				long at = fi.stripOffsets[s] & 0xffffffffL;
				while (in.hasRemaining() && ch.read(in, at + in.position()) > 0) {}
				java.util.zip.Inflater inf = new java.util.zip.Inflater();
				try {
					inf.setInput(in.array(), 0, in.position());
					while (!inf.finished()) {
						int n = inf.inflate(out);
						got += n;
						if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
					}
				} catch (java.util.zip.DataFormatException e) {
					throw new TomoException(file + ": compressed page " + (page + 1) + " of " + pages.size() + " is damaged (deflate strip " + (s + 1) + ": "
							+ e.getMessage() + ")", e);
				} finally {
					inf.end();
				}
			}
		} catch (IOException e) {
			throw new TomoException(file + ": read error in compressed page " + (page + 1) + " (" + e.getMessage() + ")", e);
		}
		if (got < expected)
			throw new TomoException(file + ": compressed page " + (page + 1) + " of " + pages.size() + " is damaged or cut short: it decodes to " + got + " of "
					+ expected + " bytes");
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
