package org.tomolyte.io.impedance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.io.biologic.EcLabData;
import org.tomolyte.io.biologic.EcLabFormatException;
import org.tomolyte.model.SpectrumSeries;

/**
 * One entry for every impedance file a user brings: EC-Lab {@code .mpr}/{@code .mpt} (via {@link EcLab}) and
 * CSV/TXT tables (via {@link ImpedanceTables}). Later steps (DRT, Kramers-Kronig) read their input here.
 */
public final class SpectrumFiles {
	private SpectrumFiles() {}

	/**
	 * The spectra in a file, true imaginary part (negative for capacitive arcs).
	 *
	 * @throws EcLabFormatException for an unreadable EC-Lab file or one without a complete frequency point
	 * @throws ImpedanceFormatException for an unreadable or empty CSV/TXT table
	 */
	public static SpectrumSeries read(Path file) throws IOException {
		return readWithNotes(file).spectra();
	}

	/** As {@link #read}, with the reader's assumptions (column choice, units, sign convention) as notes. */
	public static ImpedanceData readWithNotes(Path file) throws IOException {
		String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".mpr") || lower.endsWith(".mpt") || startsLikeEcLab(file)) {
			EcLabData d = EcLab.read(file);
			if (!d.spectra().isPresent())
				throw EcLabFormatException.inFile(name, "no impedance spectrum: " + d.trace().rowCount() + " rows of technique '" + d.info().get("technique")
						+ "' but no complete frequency point (freq/Hz > 0 with Re(Z) and -Im(Z), or |Z| and Phase(Z))");
			List<String> notes = new ArrayList<>();
			notes.add("EC-Lab " + d.info().get("file_format") + ": -Im(Z) negated to the true imaginary part");
			for (String w : d.warnings())
				notes.add(w);
			return new ImpedanceData(d.spectra().get(), notes);
		}
		return ImpedanceTables.read(file);
	}

	private static boolean startsLikeEcLab(Path file) throws IOException {
		byte[] head = new byte[22];
		try (java.io.InputStream in = Files.newInputStream(file)) {
			int n = in.readNBytes(head, 0, head.length);
			String s = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
			return s.startsWith("BIO-LOGIC MODULAR FILE") || s.startsWith("EC-Lab ASCII FILE") || s.startsWith("BT-Lab ASCII FILE");
		}
	}
}
