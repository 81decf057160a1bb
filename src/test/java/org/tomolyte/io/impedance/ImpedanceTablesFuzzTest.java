package org.tomolyte.io.impedance;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
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

/** Seeded mutations of the shared CSV/TXT spectra: each parses or fails with ImpedanceFormatException, quickly. */
class ImpedanceTablesFuzzTest {

	@Test
	void mutantsParseOrFailWithTheReadersError() throws IOException {
		List<Path> seeds;
		try (Stream<Path> s = Stream.concat(Files.list(TestData.file("eis/real")), Files.list(TestData.file("eis/synthetic")))) {
			seeds = s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
		}
		assertTrue(seeds.size() >= 15, "seeds: " + seeds.size());
		int[] outcomes = new int[2];
		for (Path p : seeds) {
			byte[] original = Files.readAllBytes(p);
			String name = p.getFileName().toString();
			Random r = new Random(name.hashCode() + 7L);
			assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
				for (int i = 0; i < 100; i++) {
					byte[] m = original.clone();
					switch (r.nextInt(4)) {
					case 0:
						for (int k = 1 + r.nextInt(6); k > 0; k--)
							m[r.nextInt(m.length)] ^= 1 << r.nextInt(8);
						break;
					case 1:
						m = Arrays.copyOf(m, r.nextInt(m.length));
						break;
					case 2:
						String junk = ",;\t \n-eE.#\"x0";
						m[r.nextInt(m.length)] = (byte) junk.charAt(r.nextInt(junk.length()));
						break;
					default:
						m = Arrays.copyOf(m, Math.min(m.length, 40 + r.nextInt(200)));
					}
					try {
						ImpedanceTables.parse(name, m, ImpedanceLayout.auto());
						outcomes[0]++;
					} catch (ImpedanceFormatException e) {
						if (!e.getMessage().startsWith(name)) fail("message must start with the file name: " + e.getMessage());
						outcomes[1]++;
					} catch (RuntimeException | OutOfMemoryError e) {
						fail(name + " mutant " + i + ": " + e, e);
					}
				}
			}, name);
		}
		assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "parsed " + outcomes[0] + ", rejected " + outcomes[1]);
	}
}
