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
 * the remaining IFDs at the end. The file grows under a hidden temporary name and replaces the destination only
 * on {@link #commit()}; closing without commit deletes it, so a failed or cancelled run leaves nothing
 * half-written.
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
	private final int width, height, slices, bits;
	private final double min, max;
	private final long dataOffset;
	private final long sliceBytes;
	private final ByteBuffer buf;
	private final int tags0;
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
		if (bits != 16 && bits != 32) throw new TomoException("Output bit depth must be 16 or 32, got " + bits);
		if (width < 1 || height < 1 || slices < 1) throw new TomoException("Empty output stack " + width + " × " + height + " × " + slices);
		if (bits == 16 && !(max > min)) throw new TomoException("16-bit output needs max > min, got min " + min + ", max " + max);
		this.dest = dest.toAbsolutePath().normalize();
		this.width = width;
		this.height = height;
		this.slices = slices;
		this.bits = bits;
		this.min = min;
		this.max = max;
		this.sliceBytes = (long) width * height * (bits / 8);
		try {
			Path parent = this.dest.getParent();
			Files.createDirectories(parent);
			this.tmp = Files.createTempFile(parent, "." + this.dest.getFileName() + ".", ".part");
			this.ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
			byte[] desc = description(pixelSizeUm, valueUnit).getBytes(StandardCharsets.US_ASCII);
			byte[] meta = metadata(info);
			boolean hasRes = pixelSizeUm > 0;
			int nTags = 11 + 1 + (hasRes ? 3 : 0) + (meta != null ? 2 : 0);
			this.tags0 = nTags;
			long ifd0 = 8;
			long extra = ifd0 + 2 + 12L * nTags + 4;
			long descOff = extra;
			long resOff = descOff + desc.length + (desc.length & 1);
			long metaCountsOff = resOff + (hasRes ? 16 : 0);
			long metaOff = metaCountsOff + (meta != null ? 8 : 0);
			dataOffset = align(metaOff + (meta != null ? meta.length : 0));
			ByteBuffer h = ByteBuffer.allocate((int) dataOffset).order(ByteOrder.BIG_ENDIAN);
			h.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt((int) ifd0);
			h.putShort((short) nTags);
			tag(h, 254, 4, 1, 0);
			tag(h, 256, 4, 1, width);
			tag(h, 257, 4, 1, height);
			tag(h, 258, 3, 1, bits);
			tag(h, 259, 3, 1, 1);
			tag(h, 262, 3, 1, 1);
			tag(h, 270, 2, desc.length, descOff);
			tag(h, 273, 4, 1, dataOffset);
			tag(h, 277, 3, 1, 1);
			tag(h, 278, 4, 1, height);
			tag(h, 279, 4, 1, sliceBytes);
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
				// pixels per µm = K / (pixel size · K): exact for sizes given to 1e-6 µm
				long k = 1000000;
				while (pixelSizeUm * k > Integer.MAX_VALUE)
					k /= 10;
				int den = (int) Math.max(1, Math.round(pixelSizeUm * k));
				h.putInt((int) k).putInt(den);
				h.putInt((int) k).putInt(den);
			}
			if (meta != null) {
				h.putInt(4 + 8).putInt(meta.length - 12);
				h.put(meta);
			}
			h.position((int) dataOffset);
			h.flip();
			writeFully(h);
			buf = ByteBuffer.allocate((int) sliceBytes).order(ByteOrder.BIG_ENDIAN);
		} catch (IOException e) {
			throw new TomoException("Cannot create " + dest + " (" + e.getMessage() + ")", e);
		}
	}

	private static long align(long v) {
		return (v + 15) & ~15L;
	}

	private String description(double pixelSizeUm, String valueUnit) {
		StringBuilder b = new StringBuilder("ImageJ=1.54p\n");
		b.append("images=").append(slices).append('\n');
		if (slices > 1) b.append("slices=").append(slices).append('\n');
		if (pixelSizeUm > 0) {
			b.append("unit=micron\n");
			b.append("spacing=").append(fmt(pixelSizeUm)).append('\n');
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

	/** Appends the next slice (width × height values, x fastest). */
	public void write(float[] slice) {
		if (committed) throw new IllegalStateException("Stack already committed");
		if (written >= slices) throw new TomoException(dest + ": more than the " + slices + " announced slices written");
		if (slice.length != width * height) throw new TomoException("Slice has " + slice.length + " values, expected " + width + " × " + height);
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

	/** Writes the remaining IFDs and moves the file into place. */
	public void commit() {
		if (committed) return;
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
