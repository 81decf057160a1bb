package org.tomolyte.io.tiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.tomo.TomoException;
import org.tomolyte.tomo.TomoInput;

/** Without Bio-Formats (not on Central, so never on the build's class path) other formats fail with a way forward. */
class BioFormatsProjectionsTest {

	@Test
	void unknownFormatSaysBioFormatsIsNeededAndHowToProceed(@TempDir Path dir) throws Exception {
		assertFalse(BioFormatsProjections.available(), "the build has no Bio-Formats");
		Path vendor = dir.resolve("scan.nd2");
		Files.write(vendor, new byte[] { 1, 2, 3 });
		TomoException e = assertThrows(TomoException.class, () -> TomoInput.open(new TomoInput.Spec(vendor).angles("0-180")));
		assertTrue(e.getMessage().contains("scan.nd2") && e.getMessage().contains("Bio-Formats"), e.getMessage());
		TomoException direct = assertThrows(TomoException.class, () -> BioFormatsProjections.open(vendor, n -> new double[n], Double.NaN, null));
		assertTrue(direct.getMessage().contains("Fiji") && direct.getMessage().contains("TIFF"), direct.getMessage());
	}
}
