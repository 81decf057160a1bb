package org.tomolyte.command.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tomolyte.align.Affine3D;
import org.tomolyte.align.AlignException;
import org.tomolyte.align.AlignmentFiles;
import org.tomolyte.align.OutputGrid;
import org.tomolyte.align.TransformTables;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;

/**
 * The output folder of Align Time Series read back for Apply Alignment: the transforms of {@code transforms.csv}
 * in row order, the output grid of {@code grid.csv} (null for folders written before grid.csv existed) and the
 * reference scan named by {@code registration.csv}, if any. Every error names the file.
 */
final class AlignmentFolder {
	final Path folder;
	final Path transformsFile;
	final List<String> scans;
	final List<Affine3D> transforms;
	/** The saved output grid, or null when the folder has no grid.csv. */
	final OutputGrid grid;
	/** Index of the reference scan from registration.csv, or −1 when it does not say. */
	final int reference;

	private AlignmentFolder(Path folder, Path transformsFile, List<String> scans, List<Affine3D> transforms, OutputGrid grid, int reference) {
		this.folder = folder;
		this.transformsFile = transformsFile;
		this.scans = Collections.unmodifiableList(scans);
		this.transforms = Collections.unmodifiableList(transforms);
		this.grid = grid;
		this.reference = reference;
	}

	int size() {
		return transforms.size();
	}

	/** Reads the folder (or the folder of a transforms.csv given directly). */
	static AlignmentFolder read(Path alignment) throws IOException {
		Path folder = Files.isRegularFile(alignment) ? alignment.toAbsolutePath().getParent() : alignment;
		Path tf = Files.isRegularFile(alignment) ? alignment : folder.resolve("transforms.csv");
		if (!Files.isRegularFile(tf))
			throw new IOException("No transforms.csv in " + folder + ": give the output folder of Align Time Series (it holds transforms.csv and grid.csv)");
		Table t = CsvTables.read(tf, java.util.Collections.singleton("scan"));
		List<Affine3D> transforms;
		try {
			transforms = TransformTables.fromTable(t);
		} catch (AlignException | IllegalArgumentException e) {
			throw new IOException(tf + ": " + e.getMessage(), e);
		}
		if (transforms.isEmpty()) throw new IOException(tf + " holds no transforms (no rows below its header)");
		List<String> scans = new ArrayList<>();
		for (int r = 0; r < t.rowCount(); r++)
			scans.add(t.columns().contains("scan") && t.get(r, "scan") != null ? CsvTables.format(t.get(r, "scan")) : "row " + (r + 1));
		OutputGrid grid = null;
		Path gf = folder.resolve("grid.csv");
		if (Files.isRegularFile(gf)) {
			try {
				grid = AlignmentFiles.gridFromTable(CsvTables.read(gf));
			} catch (AlignException | IllegalArgumentException e) {
				throw new IOException(gf + ": " + e.getMessage(), e);
			}
		}
		return new AlignmentFolder(folder, tf, scans, transforms, grid, reference(folder.resolve("registration.csv"), transforms.size()));
	}

	/** The row of registration.csv whose message is "reference" (as Align Time Series writes it), or −1. */
	private static int reference(Path registration, int n) {
		if (!Files.isRegularFile(registration)) return -1;
		try {
			Table t = CsvTables.read(registration);
			if (t.rowCount() != n || !t.columns().contains("message")) return -1;
			for (int r = 0; r < n; r++)
				if ("reference".equals(String.valueOf(t.get(r, "message")))) return r;
		} catch (IOException | RuntimeException e) {
			// only a hint for the fallback grid: an unreadable file leaves the first scan as reference
		}
		return -1;
	}
}
