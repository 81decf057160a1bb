package org.tomolyte.io.biologic;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tomolyte.TestData;

/**
 * Seeded mutation fuzzing of both readers over the real files: bit flips, truncations, byte-run deletions,
 * corrupted length/count fields and header counts. Every mutant must parse or fail with
 * {@link EcLabFormatException}: no other exception, no OutOfMemoryError from a declared length, no hang.
 */
class EcLabFuzzTest {
	/** Mutants per seed file: more for small files, so that each file costs about the same time. */
	private static int iterations(int size) {
		return Math.max(40, Math.min(200, 3_000_000 / Math.max(1, size)));
	}

	private static List<Path> seeds() throws IOException {
		try (Stream<Path> s = Files.list(TestData.file("biologic"))) {
			// Files up to 320 kB keep the loop to seconds; they cover every technique and both formats.
			return s.filter(p -> p.toString().endsWith(".mpr") || p.toString().endsWith(".mpt")).filter(p -> p.toFile().length() <= 320_000).sorted()
					.collect(Collectors.toList());
		}
	}

	@Test
	void mutantsParseOrFailWithTheReadersError() throws IOException {
		List<Path> seeds = seeds();
		assertTrue(seeds.size() >= 25, "seed files: " + seeds.size());
		long[] outcomes = new long[2];
		int total = 0;
		for (Path p : seeds) {
			byte[] original = Files.readAllBytes(p);
			String name = p.getFileName().toString();
			Random random = new Random(name.hashCode() * 31L + 12129);
			total += iterations(original.length);
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
				for (int i = 0, n = iterations(original.length); i < n; i++) {
					byte[] mutant = mutate(original, random, name.endsWith(".mpr"));
					try {
						// Half the mutants through the partial path, which keeps what it can of damaged files.
						EcLabData d = (i & 1) == 0 ? EcLab.parse(name, mutant) : EcLab.parsePartial(name, mutant);
						// The macro tables must build from whatever parsed.
						EcLabTables.info(d);
						EcLabTables.spectra(d);
						outcomes[0]++;
					} catch (EcLabFormatException e) {
						if (e.getMessage() == null || !e.getMessage().startsWith(name)) fail("message must start with the file name: " + e.getMessage());
						outcomes[1]++;
					} catch (OutOfMemoryError e) {
						fail(name + " mutant " + i + ": OutOfMemoryError", e);
					} catch (RuntimeException e) {
						fail(name + " mutant " + i + ": " + e, e);
					}
				}
			}, name);
		}
		assertTrue(total >= 3000, "a few thousand mutants: " + total);
		assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: parsed " + outcomes[0] + ", rejected " + outcomes[1]);
	}

	static byte[] mutate(byte[] b, Random r, boolean binary) {
		byte[] m = b.clone();
		switch (r.nextInt(binary ? 6 : 6)) {
		case 0: // bit flips
			for (int k = 1 + r.nextInt(8); k > 0; k--) {
				int at = r.nextInt(m.length);
				m[at] ^= 1 << r.nextInt(8);
			}
			return m;
		case 1: // truncation
			return Arrays.copyOf(m, r.nextInt(m.length));
		case 2: // delete a run of bytes
		{
			int at = r.nextInt(m.length), n = Math.min(m.length - at, 1 + r.nextInt(64));
			byte[] out = new byte[m.length - n];
			System.arraycopy(m, 0, out, 0, at);
			System.arraycopy(m, at + n, out, at, m.length - at - n);
			return out;
		}
		case 3: // a random 32-bit word anywhere
			if (m.length >= 4) putWord(m, r.nextInt(m.length - 3), hostileInt(r));
			return m;
		default:
			return binary ? corruptStructure(m, r) : corruptText(m, r);
		}
	}

	/** Corrupt module lengths, the row count, the column count or a column ID: the fields lengths are taken from. */
	private static byte[] corruptStructure(byte[] m, Random r) {
		List<MprBytes.Mod> mods = MprBytes.modules(m);
		if (mods.isEmpty()) return m;
		MprBytes.Mod mod = mods.get(r.nextInt(mods.size()));
		int field;
		switch (r.nextInt(4)) {
		case 0:
			field = mod.lengthFieldAt;
			break;
		case 1:
			field = mod.dataAt;
			break;
		case 2:
			field = mod.dataAt + 4;
			break;
		default:
			field = mod.dataAt + 5 + 2 * r.nextInt(8);
		}
		if (field + 4 <= m.length) putWord(m, field, hostileInt(r));
		return m;
	}

	/** Corrupt the header count, a tab, a line break or a digit of a text export. */
	private static byte[] corruptText(byte[] m, Random r) {
		String s = new String(m, StandardCharsets.ISO_8859_1);
		switch (r.nextInt(4)) {
		case 0:
			s = s.replaceFirst("Nb header lines : \\d+", "Nb header lines : " + (r.nextBoolean() ? r.nextInt(5000) : Integer.MAX_VALUE));
			break;
		case 1:
			s = replaceRandom(s, r, '\t', r.nextBoolean() ? "" : "\t\t");
			break;
		case 2:
			s = replaceRandom(s, r, '\n', r.nextBoolean() ? "" : "\n\n\r");
			break;
		default:
			s = replaceRandom(s, r, 'E', r.nextBoolean() ? "E+99999999999" : "#");
		}
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String replaceRandom(String s, Random r, char c, String with) {
		int at = s.indexOf(c, r.nextInt(Math.max(1, s.length())));
		return at < 0 ? s : s.substring(0, at) + with + s.substring(at + 1);
	}

	private static int hostileInt(Random r) {
		int[] special = { -1, 0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fffff00, 65535, 256 };
		return r.nextBoolean() ? special[r.nextInt(special.length)] : r.nextInt();
	}

	private static void putWord(byte[] m, int at, int v) {
		MprBytes.putInt(m, at, v);
	}
}
