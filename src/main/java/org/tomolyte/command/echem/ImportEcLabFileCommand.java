package org.tomolyte.command.echem;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.io.biologic.EcLabData;
import org.tomolyte.io.biologic.EcLabTables;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;

/**
 * Reads a BioLogic EC-Lab file (.mpr binary or .mpt text export) and writes {@code trace.csv} (EC-Lab's
 * column names), {@code info.csv} (technique, version, start date, …) and, for impedance techniques,
 * {@code spectra.csv} ({@code spectrum,freq_hz,zre_ohm,zim_ohm,time_s,ewe_v,i_ma}).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Import EC-Lab File", attrs = @Attr(name = "no-legacy"))
public class ImportEcLabFileCommand extends TomolyteCommand implements ProducesTables {

	@Parameter(label = "input", description = "EC-Lab .mpr or .mpt file", style = "open")
	private File input;

	@Parameter(label = "output", description = "Folder for trace.csv, info.csv and spectra.csv", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		progress().report(0, "Reading " + input.getName());
		EcLabData data = EcLab.read(input.toPath());
		for (String w : data.warnings())
			warn(input.getName() + ": " + w);
		Map<String, Table> all = EcLabTables.all(data);
		tables.clear();
		tables.addAll(all.values());
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			for (Map.Entry<String, Table> e : all.entrySet())
				CsvTables.write(e.getValue(), out.file(e.getKey()));
			out.commit();
		}
		info(input.getName() + ": " + data.trace().rowCount() + " points" + (data.spectra().isPresent() ? ", " + data.spectra().get().size() + " spectra" : "") + " -> " + output);
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
