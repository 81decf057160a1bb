package org.tomolyte.command.echem;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.scijava.plugin.Parameter;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;

/**
 * Shared shape of the commands that analyse one trace: {@code input}, {@code area_cm2}, {@code output};
 * read the trace, run one analysis, write its tables and its figure.
 */
abstract class TraceAnalysisCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "Trace: EC-Lab .mpr/.mpt or CSV with time/s, Ewe/V, I/mA", style = "open")
	private File input;

	@Parameter(label = "area_cm2", description = "Electrode area (cm²)")
	private Double area_cm2;

	@Parameter(label = "output", description = "Folder for the tables and the figure", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	/** What one analysis produces: tables by file name, a figure and a line for the log. */
	static final class Outcome {
		final Map<String, Table> tables;
		final JFreeChart figure;
		final String figureName;
		final String summary;

		Outcome(Map<String, Table> tables, JFreeChart figure, String figureName, String summary) {
			this.tables = tables;
			this.figure = figure;
			this.figureName = figureName;
			this.summary = summary;
		}
	}

	/** The one library call. */
	abstract Outcome analyse(Trace trace, double areaCm2, Progress progress);

	@Override
	protected void execute() throws Exception {
		Outcome o = analyse(TraceFiles.read(input.toPath()), area_cm2, progress());
		tables.clear();
		tables.addAll(o.tables.values());
		EchemOutputs.write(output, o.tables, o.figure, o.figureName);
		info(o.summary);
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
