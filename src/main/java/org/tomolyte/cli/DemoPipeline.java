package org.tomolyte.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.scijava.Context;
import org.tomolyte.command.CommandRunner;

/**
 * The demo's stages, in the order of the study: synthetic cell → electrochemistry → DRT → tomography →
 * alignment → cracks → linked views. Each stage calls user commands by label, exactly as a macro would,
 * and adds a section to the report. A failing stage is reported and the others still run.
 */
final class DemoPipeline {
	private final CommandRunner runner;
	private final Path out;
	private final PrintStream log;
	private final DemoReport report;
	private int failures;

	DemoPipeline(Context context, Path out, PrintStream log) throws IOException {
		this.runner = new CommandRunner(context);
		this.out = out.toAbsolutePath();
		this.log = log;
		Files.createDirectories(this.out);
		this.report = new DemoReport(this.out);
	}

	int failures() {
		return failures;
	}

	/** Runs one command by label with macro options, logging what it does. */
	void command(String label, String options) {
		log.println("run(\"" + label + "\", \"" + options + "\");");
		runner.run(label, options);
	}

	Path out() {
		return out;
	}

	/**
	 * Runs one of the study's macros (shipped in the jar under {@code macros/}) headless, exactly as
	 * {@code ./tomolyte macro} does, with the argument {@code "cell=[...] output=[...] extra"}.
	 */
	void macro(String name, String outputFolder, String extra) throws Exception {
		Path dir = Files.createDirectories(out.resolve("macros"));
		Path file = dir.resolve(name);
		try (java.io.InputStream in = DemoPipeline.class.getResourceAsStream("/macros/" + name)) {
			if (in == null) throw new java.io.IOException("The Tomolyte jar lacks macros/" + name);
			Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		String arg = "cell=" + path("cell") + " output=" + path(outputFolder) + (extra.isEmpty() ? "" : " " + extra);
		log.println("./tomolyte macro macros/" + name + " \"" + arg + "\"");
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		int rc = HeadlessMacro.run(file, arg, log, new PrintStream(err, true, "UTF-8"));
		if (rc != 0) throw new IllegalStateException("macro " + name + " failed: " + err.toString("UTF-8").trim());
	}

	/** The macro-style path of a file or folder inside the demo output. */
	String path(String relative) {
		return "[" + out.resolve(relative) + "]";
	}

	void runAll() throws IOException {
		List<DemoStage> stages = new ArrayList<>(DemoStages.all());
		for (DemoStage stage : stages) {
			long t0 = System.nanoTime();
			log.println("== " + stage.title());
			DemoReport.Section section = report.section(stage.title());
			try {
				stage.run(this, section);
				section.note(String.format("Stage took %.1f s.", (System.nanoTime() - t0) / 1e9));
			} catch (Exception e) {
				failures++;
				String msg = e.getMessage() == null ? e.toString() : e.getMessage();
				log.println("!! " + stage.title() + " failed: " + msg);
				section.error(msg);
			}
		}
		report.write();
	}
}
