package org.tomolyte.command.echem;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;
import org.tomolyte.echem.OnsetResult;
import org.tomolyte.echem.StrippingOnset;
import org.tomolyte.model.Trace;
import org.tomolyte.task.Progress;
import org.tomolyte.view.EchemFigures;

/**
 * Staircase current scan (SGEIS): the voltage response per current level and the onset of non-linear
 * ("unstable") stripping where it departs from the low-current Ohmic line. Writes {@code onset_steps.csv},
 * {@code onset_summary.csv} and {@code onset.png}/{@code onset.svg}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Electrochemistry>Stripping Onset", attrs = @Attr(name = "no-legacy"))
public class StrippingOnsetCommand extends TraceAnalysisCommand {
	@Override
	Outcome analyse(Trace trace, double areaCm2, Progress progress) {
		OnsetResult r = StrippingOnset.analyse(trace, areaCm2, StrippingOnset.Options.defaults(), progress);
		return new Outcome(r.tables(), EchemFigures.onset(r), "onset",
				r.hasOnset() ? String.format("non-linear stripping from %.3f mA/cm2", r.onsetDensityMaCm2()) : "no onset: the response stays Ohmic");
	}
}
