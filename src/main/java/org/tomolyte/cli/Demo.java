package org.tomolyte.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The main job, {@code ./tomolyte demo [outdir]}: generates the bundled synthetic cell and runs every
 * stage the suite has, headless, through the same commands users call, then writes {@code report.html}.
 */
final class Demo {
	private Demo() {}

	static int run(Path out, PrintStream stdout, PrintStream err) throws Exception {
		try (org.scijava.Context context = Main.headlessContext()) {
			DemoPipeline pipeline = new DemoPipeline(context, out, stdout);
			pipeline.runAll();
			stdout.println("Demo report: " + out.resolve("report.html").toAbsolutePath());
			return pipeline.failures() == 0 ? 0 : 1;
		}
	}
}
