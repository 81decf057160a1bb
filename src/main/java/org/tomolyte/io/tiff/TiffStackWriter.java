package org.tomolyte.io.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.tomolyte.tomo.TomoException;

/**
 * Streams slices into an ImageJ-compatible TIFF stack without holding the volume: the first IFD (with an ImageJ
 * description carrying slice count, µm calibration, display range and, for 16-bit, the linear value
 * calibration; the info text in ImageJ's metadata tags) is written up front, pixel data follow contiguously,
 * the remaining IFDs at the end. A stack whose slice size and count are known only once the last slice is in
 * ({@link #sizedOnCommit}) gets its first IFD last, in room left for it. The file grows under a hidden
 * temporary name and replaces the destination only on {@link #commit()}; closing without commit deletes it,
 * so a failed or cancelled run leaves nothing half-written.
 *
 * <p>16-bit output maps [min, max] linearly onto 0…65535 (value = min + raw · (max − min)/65535, recorded as
 * ImageJ's straight-line calibration so Fiji shows the physical values); values outside are clipped and
 * counted. 32-bit output stores the floats unchanged.
 */
public final class TiffStackWriter implements AutoCloseable {
	private static final long FOUR_GB = 0xFFFFFFFFL;
	private final Path dest;
	private final Path tmp;
	private final FileChannel ch;
	private final int bits;
	private final double voxelXUm, voxelYUm, voxelZUm;
	private final double min, max;
	private final String valueUnit;
	private final byte[] meta;
	private final int tags0;
	private final long dataOffset;
	/** False until {@link #commit(int, int)} for a writer made by {@link #sizedOnCommit}: its header is written last. */
	private boolean sized;
	private int width, height, slices;
	private long sliceBytes;
	private ByteBuffer buf;
	private int written;
	private long clipped;
	private boolean committed;

	/**
	 * @param dest final file
	 * @param bits 16 or 32
	 * @param pixelSizeUm voxel size (x, y and slice spacing), NaN when unknown
	 * @param min value mapped to 0 (16-bit) / display minimum
	 * @param max value mapped to 65535 (16-bit) / display maximum
	 * @param valueUnit unit of the values, e.g. "1/µm" (may be null)
	 * @param info free text stored as the image's Info property (settings, scaling), may be null
	 */
	public TiffStackWriter(Path dest, int width, int height, int slices, int bits, double pixelSizeUm, double min, double max, String valueUnit,
			String info) {
		this(dest, width, height, slices, bits, pixelSizeUm, pixelSizeUm, pixelSizeUm, min, max, valueUnit, info);
	}

	/**
	 * As {@link #TiffStackWriter(Path, int, int, int, int, double, double, double, String, String)} with
	 * anisotropic voxels: pixel width and height as the TIFF resolutions, the slice spacing as ImageJ's
	 * {@code spacing=}. A non-positive or NaN height or spacing means "as the width".
	 */
	public TiffStackWriter(Path dest, int width, int height, int slices, int bits, double voxelXUm, double voxelYUm, double voxelZUm, double min, double max,
			String valueUnit, String info) {
		this(dest, true, width, height, slices, bits, voxelXUm, voxelYUm, voxelZUm, min, max, valueUnit, info);
	}

	/**
	 * A writer for a stream whose slice size and count are known only at its end (a resampling that learns
	 * its output grid last): slices are appended as they come, all of the same length, and
	 * {@link #commit(int, int)} gives the slice width and height and writes the header, leaving a file that
	 * reads exactly like one from the sized constructor (only its pixel data start a few bytes further in).
	 */
	public static TiffStackWriter sizedOnCommit(Path dest, int bits, double voxelXUm, double voxelYUm, double voxelZUm, double min, double max,
			String valueUnit, String info) {
		return new TiffStackWriter(dest, false, 1, 1, 1, bits, voxelXUm, voxelYUm, voxelZUm, min, max, valueUnit, info);
	}

	private TiffStackWriter(Path dest, boolean sized, int width, int height, int slices, int bits, double voxelXUm, double voxelYUm, double voxelZUm,
			double min, double max, String valueUnit, String info) {
		if (bits != 16 && bits != 32) throw new TomoException("Output bit depth must be 16 or 32, got " + bits);
		if (width < 1 || height < 1 || slices < 1) throw new TomoException("Empty output stack " + width + " × " + height + " × " + slices);
		if (bits == 16 && !(max > min)) throw new TomoException("16-bit output needs max > min, got min " + min + ", max " + max);
		this.dest = dest.toAbsolutePath().normalize();
		this.sized = sized;
		this.width = width;
		this.height = height;
		this.slices = slices;
		this.bits = bits;
		this.voxelXUm = voxelXUm;
		this.voxelYUm = voxelYUm > 0 ? voxelYUm : voxelXUm;
		this.voxelZUm = voxelZUm > 0 ? voxelZUm : voxelXUm;
		this.min = min;
		this.max = max;
		this.valueUnit = valueUnit;
		this.meta = metadata(info);
		this.tags0 = 11 + 1 + (voxelXUm > 0 ? 3 : 0) + (meta != null ? 2 : 0);
		// a header sized later is given room for the longest slice count
		this.dataOffset = align(header(sized ? slices : Integer.MAX_VALUE, 0).limit());
		try {
			Path parent = this.dest.getParent();
			Files.createDirectories(parent);
			this.tmp = Files.createTempFile(parent, "." + this.dest.getFileName() + ".", ".part");
			this.ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
			ByteBuffer h = ByteBuffer.allocate((int) dataOffset);
			if (sized) h.put(header(slices, dataOffset));
			h.position((int) dataOffset);
			h.flip();
			writeFully(h);
			if (sized) allocateSlice(width * height);
		} catch (IOException e) {
			throw new TomoException("Cannot create " + dest + " (" + e.getMessage() + ")", e);
		}
	}

	/**
	 * The first IFD with the ImageJ description, resolutions and metadata (unpadded), for {@code n} slices of
	 * the current width × height whose pixels start at {@code data}.
	 */
	private ByteBuffer header(int n, long data) {
		byte[] desc = description(n).getBytes(StandardCharsets.US_ASCII);
		boolean hasRes = voxelXUm > 0;
		long ifd0 = 8;
		long extra = ifd0 + 2 + 12L * tags0 + 4;
		long descOff = extra;
		long resOff = descOff + desc.length + (desc.length & 1);
		long metaCountsOff = resOff + (hasRes ? 16 : 0);
		long metaOff = metaCountsOff + (meta != null ? 8 : 0);
		long end = metaOff + (meta != null ? meta.length : 0);
		long bytes = (long) width * height * (bits / 8);
		ByteBuffer h = ByteBuffer.allocate((int) end).order(ByteOrder.BIG_ENDIAN);
		h.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt((int) ifd0);
		h.putShort((short) tags0);
		tag(h, 254, 4, 1, 0);
		tag(h, 256, 4, 1, width);
		tag(h, 257, 4, 1, height);
		tag(h, 258, 3, 1, bits);
		tag(h, 259, 3, 1, 1);
		tag(h, 262, 3, 1, 1);
		tag(h, 270, 2, desc.length, descOff);
		tag(h, 273, 4, 1, data);
		tag(h, 277, 3, 1, 1);
		tag(h, 278, 4, 1, height);
		tag(h, 279, 4, 1, bytes);
		if (hasRes) {
			tag(h, 282, 5, 1, resOff);
			tag(h, 283, 5, 1, resOff + 8);
			tag(h, 296, 3, 1, 1);
		}
		tag(h, 339, 3, 1, bits == 32 ? 3 : 1);
		if (meta != null) {
			tag(h, 50838, 4, 2, metaCountsOff);
			tag(h, 50839, 1, meta.length, metaOff);
		}
		h.putInt(0); // next IFD, patched in commit()
		h.put(desc);
		if ((desc.length & 1) == 1) h.put((byte) 0);
		if (hasRes) {
			rational(h, voxelXUm);
			rational(h, voxelYUm);
		}
		if (meta != null) {
			h.putInt(4 + 8).putInt(meta.length - 12);
			h.put(meta);
		}
		h.flip();
		return h;
	}

	/** Pixels per µm = K / (pixel size · K): exact for sizes given to 1e-6 µm. */
	private static void rational(ByteBuffer h, double pixelSizeUm) {
		long k = 1000000;
		while (pixelSizeUm * k > Integer.MAX_VALUE)
			k /= 10;
		int den = (int) Math.max(1, Math.round(pixelSizeUm * k));
		h.putInt((int) k).putInt(den);
	}

	private void allocateSlice(int values) {
		sliceBytes = (long) values * (bits / 8);
		if (sliceBytes > Integer.MAX_VALUE) throw new TomoException(dest + ": a slice of " + values + " values is too large for one TIFF strip");
		buf = ByteBuffer.allocate((int) sliceBytes).order(ByteOrder.BIG_ENDIAN);
	}

	private static long align(long v) {
		return (v + 15) & ~15L;
	}

	private String description(int slices) {
		StringBuilder b = new StringBuilder("ImageJ=1.54p\n");
		b.append("images=").append(slices).append('\n');
		if (slices > 1) b.append("slices=").append(slices).append('\n');
		if (voxelXUm > 0) {
			b.append("unit=micron\n");
			b.append("spacing=").append(fmt(voxelZUm)).append('\n');
		}
		if (bits == 16) {
			b.append("cf=0\n");
			b.append("c0=").append(fmt(min)).append('\n');
			b.append("c1=").append(fmt((max - min) / 65535.0)).append('\n');
			if (valueUnit != null) b.append("vunit=").append(ascii(valueUnit)).append('\n');
			b.append("min=0.0\nmax=65535.0\n");
		} else if (max > min) {
			b.append("min=").append(fmt(min)).append('\n').append("max=").append(fmt(max)).append('\n');
		}
		b.append("loop=false\n");
		return b.append('\0').toString();
	}

	private static String ascii(String s) {
		return s.replace("µ", "u").replaceAll("[^\\x20-\\x7e]", "?");
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.10g", v).trim();
	}

	/** ImageJ's metadata block: magic "IJIJ", one (type "info", count 1) pair, then the UTF-16BE text. */
	private static byte[] metadata(String info) {
		if (info == null || info.isEmpty()) return null;
		byte[] text = info.getBytes(StandardCharsets.UTF_16BE);
		ByteBuffer m = ByteBuffer.allocate(12 + text.length).order(ByteOrder.BIG_ENDIAN);
		m.putInt(0x494a494a).putInt(0x696e666f).putInt(1).put(text);
		return m.array();
	}

	private static void tag(ByteBuffer h, int tag, int type, long count, long value) {
		h.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == 3 && count == 1) h.putShort((short) value).putShort((short) 0);
		else h.putInt((int) value);
	}

	private void writeFully(ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			ch.write(b);
	}

	/** Appends the next slice (width × height values, x fastest; for {@link #sizedOnCommit} the length of the first). */
	public void write(float[] slice) {
		if (committed) throw new IllegalStateException("Stack already committed");
		if (!sized) {
			if (slice.length == 0) throw new TomoException(dest + ": empty slice");
			if (buf == null) allocateSlice(slice.length);
			if (slice.length * (long) (bits / 8) != sliceBytes)
				throw new TomoException(dest + ": slice " + written + " has " + slice.length + " values, the first had " + sliceBytes / (bits / 8));
		} else {
			if (written >= slices) throw new TomoException(dest + ": more than the " + slices + " announced slices written");
			if (slice.length != width * height) throw new TomoException("Slice has " + slice.length + " values, expected " + width + " × " + height);
		}
		buf.clear();
		if (bits == 32) {
			buf.asFloatBuffer().put(slice);
		} else {
			double s = 65535.0 / (max - min);
			long c = 0;
			for (float v : slice) {
				double r = Math.rint((v - min) * s);
				if (r < 0 || r > 65535 || Double.isNaN(r)) {
					c++;
					r = Double.isNaN(r) || r < 0 ? 0 : 65535;
				}
				buf.putShort((short) (int) r);
			}
			clipped += c;
		}
		buf.position(0).limit((int) sliceBytes);
		try {
			writeFully(buf);
		} catch (IOException e) {
			throw new TomoException("Cannot write slice " + written + " to " + dest + " (" + e.getMessage() + ")", e);
		}
		written++;
	}

	/** Values clipped to 0 or 65535 so far (16-bit only). */
	public long clippedCount() {
		return clipped;
	}

	/** Slices written so far. */
	public int written() {
		return written;
	}

	/**
	 * Fixes the slice size of a {@link #sizedOnCommit} writer (the slice count is the number written), writes
	 * its header, then commits as {@link #commit()}. On a sized writer, checks the size and commits.
	 */
	public void commit(int width, int height) {
		if (committed) return;
		if (sized) {
			if (width != this.width || height != this.height)
				throw new TomoException(dest + ": committing as " + width + " × " + height + ", but opened as " + this.width + " × " + this.height);
			commit();
			return;
		}
		if (written == 0) throw new TomoException(dest + ": no slice written; not committing an empty stack");
		if (width < 1 || height < 1 || (long) width * height * (bits / 8) != sliceBytes)
			throw new TomoException(dest + ": slices of " + sliceBytes / (bits / 8) + " values were written, not " + width + " × " + height);
		this.width = width;
		this.height = height;
		this.slices = written;
		try {
			ch.position(0);
			writeFully(header(slices, dataOffset));
		} catch (IOException e) {
			throw new TomoException("Cannot finish " + dest + " (" + e.getMessage() + ")", e);
		}
		sized = true;
		commit();
	}

	/** Writes the remaining IFDs and moves the file into place. */
	public void commit() {
		if (committed) return;
		if (!sized) throw new IllegalStateException(dest + ": a stack sized on commit needs commit(width, height)");
		if (written != slices) throw new TomoException(dest + ": " + written + " of " + slices + " slices written; not committing an incomplete stack");
		try {
			long end = dataOffset + sliceBytes * slices;
			// Classic TIFF offsets stop at 4 GB; beyond that ImageJ reads the stack from the description alone.
			if (slices > 1 && end + 138L * slices < FOUR_GB) {
				int nTags = 11;
				int ifdSize = 2 + 12 * nTags + 4;
				ByteBuffer t = ByteBuffer.allocate(ifdSize * (slices - 1)).order(ByteOrder.BIG_ENDIAN);
				for (int z = 1; z < slices; z++) {
					long next = z < slices - 1 ? end + (long) ifdSize * z : 0;
					t.putShort((short) nTags);
					tag(t, 254, 4, 1, 0);
					tag(t, 256, 4, 1, width);
					tag(t, 257, 4, 1, height);
					tag(t, 258, 3, 1, bits);
					tag(t, 259, 3, 1, 1);
					tag(t, 262, 3, 1, 1);
					tag(t, 273, 4, 1, dataOffset + sliceBytes * z);
					tag(t, 277, 3, 1, 1);
					tag(t, 278, 4, 1, height);
					tag(t, 279, 4, 1, sliceBytes);
					tag(t, 339, 3, 1, bits == 32 ? 3 : 1);
					t.putInt((int) next);
				}
				t.flip();
				ch.position(end);
				writeFully(t);
				ByteBuffer link = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt((int) end);
				link.flip();
				ch.position(8 + 2 + 12L * tags0);
				writeFully(link);
			}
			ch.force(true);
			ch.close();
			try {
				Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
			}
			committed = true;
		} catch (IOException e) {
			throw new TomoException("Cannot finish " + dest + " (" + e.getMessage() + ")", e);
		}
	}

	/** Deletes the temporary file unless committed. */
	@Override
	public void close() {
		if (committed) return;
		try {
			if (ch.isOpen()) ch.close();
			Files.deleteIfExists(tmp);
		} catch (IOException e) {
			throw new TomoException("Cannot remove temporary file " + tmp + " (" + e.getMessage() + ")", e);
		}
	}
}
