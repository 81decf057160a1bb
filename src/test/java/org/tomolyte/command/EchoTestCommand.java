package org.tomolyte.command;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.model.Table;

/** Test-only command: writes its parameters to a file, fails on request, and loops until cancelled. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Testing>Echo Test", attrs = @Attr(name = "no-legacy"))
public class EchoTestCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "output")
	public File output;

	@Parameter(required = false)
	public double lambda = 0.001;

	@Parameter(required = false)
	public int count = 3;

	@Parameter(required = false, choices = { "Re+Im", "Re", "Im" })
	public String fit = "Re+Im";

	@Parameter(required = false)
	public boolean inductance = false;

	@Parameter(required = false)
	public boolean fail = false;

	@Parameter(required = false)
	public boolean spin = false;

	public Table result;

	@Override
	public java.util.List<Table> tables() {
		return java.util.Collections.singletonList(result);
	}

	@Override
	protected void execute() throws Exception {
		if (fail) throw new java.io.IOException("asked to fail for " + output);
		if (spin) {
			while (true) {
				progress().checkCancelled();
				Thread.sleep(5);
			}
		}
		result = new Table("echo", "lambda", "count", "fit", "inductance").addRow(lambda, count, fit, String.valueOf(inductance));
		String text = "lambda=" + lambda + " count=" + count + " fit=" + fit + " inductance=" + inductance + "\n";
		Files.write(output.toPath(), text.getBytes(StandardCharsets.UTF_8));
	}
}
