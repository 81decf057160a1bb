package org.tomolyte.command.echem;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;
import org.tomolyte.echem.CcdResult;
import org.tomolyte.echem.CriticalCurrentDensity;
import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;
import org.tomolyte.view.EchemFigures;

/**
 * Critical-current-density staircase: current steps and densities, per-step overpotential statistics,
 * stable vs growing stripping polarisation, and the short circuit with its current density and capacity.
 * Writes {@code steps.csv}, {@code summary.csv} and {@code ccd.png}/{@code ccd.svg}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Critical Current Density", attrs = @Attr(name = "no-legacy"))
public class CriticalCurrentDensityCommand extends TraceAnalysisCommand {
	@Override
	Outcome analyse(Trace trace, double areaCm2, Progress progress) {
		CcdResult r = CriticalCurrentDensity.analyse(trace, areaCm2, CriticalCurrentDensity.Options.defaults(), progress);
		return new Outcome(r.tables(), EchemFigures.ccd(trace, r), "ccd",
				r.shortCircuit().map(s -> String.format("short circuit at %.0f s, %.2f mA/cm2", s.timeS, s.densityMaCm2)).orElse("no short circuit"));
	}
}
