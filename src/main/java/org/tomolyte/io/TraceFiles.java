package org.tomolyte.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.io.impedance.TraceTables;
import org.tomolyte.model.Trace;

/**
 * Reads a potentiostat trace from any file the suite accepts: EC-Lab {@code .mpr}/{@code .mpt}, or a
 * CSV/TSV/TXT table with a header line whose column names carry units (e.g. {@code time/s,Ewe/V,I/mA}, as
 * written by "Import EC-Lab File" and the synthetic cell; see {@link TraceTables}). The one entry point
 * commands use for {@code input=} traces.
 */
public final class TraceFiles {
	private TraceFiles() {}

	public static Trace read(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
		if (name.endsWith(".mpr") || name.endsWith(".mpt")) return EcLab.read(file).trace();
		if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return TraceTables.read(file);
		throw new IOException(file + ": unknown trace format; expected an EC-Lab .mpr or .mpt file, or a .csv/.tsv/.txt table with a header line");
	}

}
