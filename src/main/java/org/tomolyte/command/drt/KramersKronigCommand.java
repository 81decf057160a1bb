package org.tomolyte.command.drt;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.drt.DrtTables;
import org.tomolyte.drt.KkResult;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumFiles;
import org.tomolyte.model.Table;

/**
 * Linear Kramers–Kronig test of one spectrum (Schönleber et al. 2014): residuals per frequency and whether
 * the spectrum passes. Writes {@code kk.csv} and {@code kk_summary.csv}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Kramers-Kronig Test", attrs = @Attr(name = "no-legacy"))
public class KramersKronigCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", style = "open")
	private File input;
	@Parameter(label = "spectrum", required = false)
	private int spectrum = 0;
	@Parameter(label = "fmin", required = false)
	private double fmin = 0;
	@Parameter(label = "fmax", required = false)
	private double fmax = 0;
	@Parameter(label = "output", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		DrtSettings.Builder mask = DrtSettings.builder();
		if (fmin > 0) mask.fminHz(fmin);
		if (fmax > 0) mask.fmaxHz(fmax);
		KkResult kk = Drt.kramersKronig(SpectrumFiles.read(input.toPath()).get(spectrum), mask.build());
		Table summary = new Table("kk_summary", "rc_elements", "mu", "limit", "max_residual", "rms_residual", "passed");
		summary.addRow(kk.rcElements(), kk.mu(), kk.limit(), kk.maxResidual(), kk.rmsResidual(), kk.maxResidual() <= kk.limit() ? "yes" : "no");
		tables.clear();
		tables.add(DrtTables.kk(kk));
		tables.add(summary);
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			CsvTables.write(tables.get(0), out.file("kk.csv"));
			CsvTables.write(summary, out.file("kk_summary.csv"));
			out.commit();
		}
		info(String.format("KK test: max residual %.3g %% (limit %.3g %%)", 100 * kk.maxResidual(), 100 * kk.limit()));
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
