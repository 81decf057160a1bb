package org.tomolyte.cli;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;
import org.tomolyte.Tomolyte;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.distribution.SiteInputs;
import org.tomolyte.distribution.UpdateSite;
import org.tomolyte.task.Progress;

/**
 * The {@code ./tomolyte} entry point: {@code run}, {@code macro}, {@code demo}, {@code install}, {@code update-site},
 * {@code commands}. It must not touch any {@code ij.*} class itself, because {@code macro} has to start
 * a patched headless ImageJ 1.x before ImageJ's classes are loaded.
 */
public final class Main {
	private Main() {}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one launcher call; returns the process exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || isHelp(args[0])) {
			out.print(USAGE);
			return args.length == 0 ? 2 : 0;
		}
		String verb = args[0];
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		boolean help = rest.length > 0 && isHelp(rest[0]);
		try {
			switch (verb) {
			case "run":
				if (help || rest.length < 1) return usage(out, RUN_HELP, help);
				return runCommand(rest[0], rest.length > 1 ? String.join(" ", Arrays.copyOfRange(rest, 1, rest.length)) : "", out, err);
			case "macro":
				if (help || rest.length < 1) return usage(out, MACRO_HELP, help);
				return HeadlessMacro.run(Paths.get(rest[0]), rest.length > 1 ? rest[1] : "", out, err);
			case "demo":
				if (help) return usage(out, DEMO_HELP, true);
				return Demo.run(rest.length > 0 ? Paths.get(rest[0]) : Paths.get("demo-out"), out, err);
			case "install":
				if (help || rest.length < 1) return usage(out, INSTALL_HELP, help);
				return Installer.install(Paths.get(rest[0]), out);
			case "update-site": {
				if (help) return usage(out, UPDATE_SITE_HELP, true);
				Path target = jarOrClasses().toAbsolutePath().getParent();
				Path site = rest.length > 0 ? Paths.get(rest[0]) : target.resolveSibling("update-site");
				out.print(UpdateSite.build(SiteInputs.fromBuildTree(target, target.resolveSibling("macros")), site, Progress.NONE).summary());
				return 0;
			}
			case "commands":
				if (help) return usage(out, COMMANDS_HELP, true);
				return listCommands(out);
			case "version":
				out.println("Tomolyte " + Tomolyte.version());
				return 0;
			default:
				err.println("tomolyte: unknown verb '" + verb + "'.");
				err.print(USAGE);
				return 2;
			}
		} catch (CommandFailedException e) {
			err.println("tomolyte: " + e.getMessage());
			return 1;
		} catch (Exception e) {
			err.println("tomolyte " + verb + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
			return 1;
		}
	}

	private static boolean isHelp(String a) {
		return a.equals("--help") || a.equals("-h") || a.equals("help");
	}

	private static int usage(PrintStream out, String text, boolean asked) {
		out.print(text);
		return asked ? 0 : 2;
	}

	static Context headlessContext() {
		System.setProperty("java.awt.headless", "true");
		return new Context();
	}

	private static int runCommand(String label, String options, PrintStream out, PrintStream err) {
		try (Context context = headlessContext()) {
			CommandRunner runner = new CommandRunner(context);
			long t0 = System.nanoTime();
			CommandModule module = runner.run(label, options);
			for (Map.Entry<String, Object> e : module.getOutputs().entrySet())
				if (e.getValue() != null) out.println(e.getKey() + ": " + e.getValue());
			out.printf("%s: done in %.1f s%n", CommandRunner.label(module.getInfo()), (System.nanoTime() - t0) / 1e9);
			return 0;
		}
	}

	private static int listCommands(PrintStream out) {
		try (Context context = headlessContext()) {
			CommandRunner runner = new CommandRunner(context);
			for (CommandInfo info : runner.tomolyteCommands()) {
				out.println(info.getMenuPath().getMenuString() + "");
				StringBuilder sb = new StringBuilder("    run(\"" + CommandRunner.label(info) + "\", \"");
				boolean first = true;
				for (ModuleItem<?> item : runner.userInputs(info)) {
					if (!first) sb.append(' ');
					first = false;
					String def = runner.defaultValue(info, item);
					sb.append(item.getName()).append('=').append(def.isEmpty() ? "<" + CommandRunner.describe(item) + ">" : (def.contains(" ") ? "[" + def + "]" : def));
				}
				out.println(sb.append("\");"));
			}
			return 0;
		}
	}

	/** The running jar, or the classes folder when run from a build tree. */
	static File codeLocation() {
		try {
			return new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		} catch (Exception e) {
			throw new IllegalStateException("Cannot locate the Tomolyte jar: " + e.getMessage(), e);
		}
	}

	static Path jarOrClasses() {
		return codeLocation().toPath();
	}

	static final String USAGE = "Tomolyte " + Tomolyte.version() + " - operando battery tomography and electrochemistry for Fiji\n"
			+ "usage: tomolyte <verb> [args]   (tomolyte <verb> --help for details)\n"
			+ "  run \"<Menu Label>\" \"key=value key2=[a b] ...\"   run one command headless (same labels and keys as macros)\n"
			+ "  macro file.ijm [arg]                            run an ImageJ macro headless with the suite loaded\n"
			+ "  demo [outdir]                                   generate the synthetic cell and run every stage; writes outdir/report.html\n"
			+ "  install /path/to/Fiji.app                       copy the suite and the libraries Fiji lacks into a Fiji installation\n"
			+ "  update-site [dir]                               write a Fiji update site (default: update-site/ beside target/)\n"
			+ "  commands                                        list every command label with its keys and defaults\n"
			+ "  version                                         print the version\n";
	static final String RUN_HELP = "usage: tomolyte run \"<Menu Label>\" \"key=value key2=[value with spaces] ...\"\n"
			+ "Runs one Tomolyte command without a display, exactly as run(\"<Menu Label>\", \"...\") in a macro.\n"
			+ "Keys are the command's parameter names (see 'tomolyte commands'); unknown keys are an error.\n"
			+ "Exit code 0 on success, 1 with a message on failure.\n";
	static final String MACRO_HELP = "usage: tomolyte macro file.ijm [argument]\n"
			+ "Runs an ImageJ 1.x macro in a headless ImageJ with Tomolyte loaded; run(\"<Tomolyte label>\", ...) works.\n"
			+ "getArgument() returns the argument. Exit code 1 when the macro or a Tomolyte command fails.\n";
	static final String DEMO_HELP = "usage: tomolyte demo [outdir]   (default: demo-out)\n"
			+ "Generates the bundled synthetic cell and runs every stage headless, writing tables, images, figures\n"
			+ "and outdir/report.html that links them.\n";
	static final String INSTALL_HELP = "usage: tomolyte install /path/to/Fiji.app\n"
			+ "Copies the Tomolyte jar to Fiji.app/plugins/ and the runtime libraries Fiji does not ship to Fiji.app/jars/.\n"
			+ "Older Tomolyte jars in plugins/ are moved aside (renamed *.old), never deleted.\n";
	static final String UPDATE_SITE_HELP = "usage: tomolyte update-site [dir]   (default: update-site/ in the project folder)\n"
			+ "Writes a Fiji update site: db.xml.gz plus the Tomolyte jar, the libraries Fiji lacks (jars/) and macros/*.ijm,\n"
			+ "each under <name>-<timestamp>. Earlier releases stay as previous versions. Serve the folder over HTTP and add\n"
			+ "its URL in Fiji under Help > Update... > Manage update sites. Run from the packaged jar (mvn package).\n";
	static final String COMMANDS_HELP = "usage: tomolyte commands\nLists every command: its menu path and a run(...) line with its keys and defaults.\n";
}
