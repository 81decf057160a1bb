package org.tomolyte.command.drt;

import java.util.ArrayList;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtResult;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.drt.DrtTables;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumFiles;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.view.DrtFigures;
import org.tomolyte.view.FigureExport;

/**
 * DRT of one impedance spectrum by Tikhonov regularisation with an exact non-negative solve. Writes
 * {@code drt.csv} (tau_s,gamma_ohm), {@code summary.csv}, {@code peaks.csv}, {@code fit.csv} and the
 * Nyquist and DRT figures.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>DRT of Spectrum", attrs = @Attr(name = "no-legacy"))
public class DrtOfSpectrumCommand extends DrtCommand implements ProducesTables {
	@Parameter(label = "spectrum", required = false, description = "Index of the spectrum in a multi-spectrum file (0 = first)")
	private int spectrum = 0;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		SpectrumSeries series = SpectrumFiles.read(input.toPath());
		Spectrum s = series.get(spectrum);
		DrtSettings settings = settings();
		DrtResult r = Drt.fit(s, settings);
		tables.clear();
		tables.add(DrtTables.drt(r));
		tables.add(DrtTables.summary(r));
		tables.add(DrtTables.peaks(r));
		tables.add(DrtTables.fit(r));
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			CsvTables.write(tables.get(0), out.file("drt.csv"));
			CsvTables.write(tables.get(1), out.file("summary.csv"));
			CsvTables.write(tables.get(2), out.file("peaks.csv"));
			CsvTables.write(tables.get(3), out.file("fit.csv"));
			String title = input.getName() + " #" + spectrum;
			FigureExport.png(DrtFigures.nyquist(r, "Nyquist: " + title), out.file("nyquist.png"), 600, 450);
			FigureExport.svg(DrtFigures.nyquist(r, "Nyquist: " + title), out.file("nyquist.svg"), 600, 450);
			FigureExport.png(DrtFigures.gamma(r, "DRT: " + title), out.file("drt.png"), 600, 400);
			FigureExport.svg(DrtFigures.gamma(r, "DRT: " + title), out.file("drt.svg"), 600, 400);
			out.commit();
		}
		info(String.format("%s #%d: R_inf %.4g Ohm, R_pol %.4g Ohm, %d peaks", input.getName(), spectrum, r.rInfOhm(), r.rPolOhm(), r.peaks().size()));
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
