package org.tomolyte.command.echem;

import java.io.IOException;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.view.FigureExport;

/** Writes an analysis' tables and figure into an output folder, all or nothing (shared by the echem commands). */
final class EchemOutputs {
	private EchemOutputs() {}

	static void write(java.io.File folder, Map<String, Table> tables, JFreeChart figure, String figureName) throws IOException {
		try (OutputFolder out = OutputFolder.open(folder.toPath())) {
			for (Map.Entry<String, Table> e : tables.entrySet())
				CsvTables.write(e.getValue(), out.file(e.getKey()));
			if (figure != null) {
				FigureExport.png(figure, out.file(figureName + ".png"), 900, 500);
				FigureExport.svg(figure, out.file(figureName + ".svg"), 900, 500);
			}
			out.commit();
		}
	}
}
