package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.align.SliceSource;
import org.tomolyte.model.Volume;

import ij.ImagePlus;
import ij.io.Opener;

/**
 * Compressed multi-page TIFFs (as beamline software and tifffile write them: one deflate strip per page, one IFD
 * per page) read page by page: the values are exact, ImageJ reads the same file the same way, pages can be read
 * in any order, and a damaged page is an error naming the file and the page, not a slice of zeros.
 */
class CompressedTiffTest {
	@TempDir
	Path tmp;

	private static final int W = 37, H = 23, D = 5;

	private static int value(int x, int y, int z) {
		return (x * 131 + y * 977 + z * 4099) % 65536;
	}

	/** A little-endian 16-bit TIFF (no calibration), one IFD and one deflate-compressed strip per page. */
	/** Offset and length of the last page's strip in the file last written by {@link #writeDeflateStack}. */
	private static int[] lastStrip;

	static void writeDeflateStack(Path file) throws Exception {
		List<byte[]> strips = new ArrayList<>();
		for (int z = 0; z < D; z++) {
			ByteBuffer raw = ByteBuffer.allocate(W * H * 2).order(ByteOrder.LITTLE_ENDIAN);
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					raw.putShort((short) value(x, y, z));
			Deflater def = new Deflater();
			def.setInput(raw.array());
			def.finish();
			ByteArrayOutputStream o = new ByteArrayOutputStream();
			byte[] buf = new byte[4096];
			while (!def.finished())
				o.write(buf, 0, def.deflate(buf));
			strips.add(o.toByteArray());
		}
		int entries = 9, ifdSize = 2 + entries * 12 + 4;
		int dataStart = 8;
		int total = dataStart;
		for (byte[] s : strips)
			total += s.length;
		int ifdStart = total + (total % 2);
		ByteBuffer b = ByteBuffer.allocate(ifdStart + D * ifdSize).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdStart);
		int[] offsets = new int[D];
		int pos = dataStart;
		for (int z = 0; z < D; z++) {
			offsets[z] = pos;
			b.position(pos);
			b.put(strips.get(z));
			pos += strips.get(z).length;
		}
		for (int z = 0; z < D; z++) {
			int at = ifdStart + z * ifdSize;
			b.position(at);
			b.putShort((short) entries);
			tag(b, 256, 3, W); // ImageWidth
			tag(b, 257, 3, H); // ImageLength
			tag(b, 258, 3, 16); // BitsPerSample
			tag(b, 259, 3, 8); // Compression: deflate
			tag(b, 262, 3, 1); // Photometric: black is zero
			tag(b, 273, 4, offsets[z]); // StripOffsets
			tag(b, 277, 3, 1); // SamplesPerPixel
			tag(b, 278, 3, H); // RowsPerStrip
			tag(b, 279, 4, strips.get(z).length); // StripByteCounts
			b.putInt(z + 1 < D ? at + ifdSize : 0);
		}
		Files.write(file, b.array());
		lastStrip = new int[] { offsets[D - 1], strips.get(D - 1).length };
	}

	private static void tag(ByteBuffer b, int tag, int type, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	@Test
	void deflatePagesReadExactlyOneAtATime() throws Exception {
		Path f = tmp.resolve("deflate.tif");
		writeDeflateStack(f);
		// the hand-made file is a valid TIFF: ImageJ reads the same values
		ImagePlus imp = new Opener().openImage(f.toString());
		assertNotNull(imp, "ImageJ opens the test file");
		assertEquals(D, imp.getStackSize());
		assertEquals(value(5, 7, 3), imp.getStack().getProcessor(4).get(5, 7));

		SliceSource s = VolumeTiff.slices(f);
		assertEquals(W, s.width());
		assertEquals(H, s.height());
		assertEquals(D, s.depth());
		// out of order, then in order: every page exact
		for (int z : new int[] { 4, 0, 2, 2, 1, 3 }) {
			float[] sl = s.slice(z);
			float[] want = new float[W * H];
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					want[y * W + x] = value(x, y, z);
			assertArrayEquals(want, sl, 0f, "page " + z);
		}
		Volume v = VolumeTiff.read(f);
		assertEquals(value(36, 22, 4), v.slice(4)[22 * W + 36], 0f);

		// with the last page's strip destroyed, the others still read exactly, and the last fails naming the file and
		// the page (ImageJ's reader alone prints the error and returns zeros)
		byte[] bytes = Files.readAllBytes(f);
		int[] last = lastStrip;
		java.util.Arrays.fill(bytes, last[0], last[0] + last[1], (byte) 0x55);
		Path broken = tmp.resolve("broken.tif");
		Files.write(broken, bytes);
		SliceSource b = VolumeTiff.slices(broken);
		assertEquals(value(3, 4, 0), b.slice(0)[4 * W + 3], 0f);
		assertEquals(value(3, 4, 3), b.slice(3)[4 * W + 3], 0f);
		Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> b.slice(4));
		org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("broken.tif") && e.getMessage().contains("page 5"), e.getMessage());
	}
}
