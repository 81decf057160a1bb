package org.tomolyte.ij1;

import java.awt.GraphicsEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.app.event.StatusEvent;
import org.scijava.module.ModuleItem;
import org.tomolyte.command.CommandFailedException;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.MacroOptions;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.model.Table;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

/**
 * The one ImageJ 1.x plugin behind every {@code plugins.config} entry: its argument names a Tomolyte
 * SciJava command class. Called from a macro, it reads {@code Macro.getOptions()} with the same parser as
 * {@code ./tomolyte run}; called from the menu, it asks for the parameters in a GenericDialog (which the
 * macro recorder records as {@code run("Label", "key=value ...")}). It then runs the command in a SciJava
 * context, shows table outputs as ResultsTables, maps ImageJ's Esc key to cancel and SciJava status events
 * to ImageJ's progress bar, and turns failures into a macro error naming the problem.
 */
public class CommandBridge implements PlugIn {

	/** The last failure message in this class loader (read by the headless macro runner to set the exit code). */
	private static volatile String lastFailure;
	private static volatile int failures;
	private static final java.awt.Font HELP_FONT = new java.awt.Font("SansSerif", java.awt.Font.ITALIC, 11);

	public static String lastFailure() {
		return lastFailure;
	}

	public static int failureCount() {
		return failures;
	}

	@Override
	public void run(String commandClass) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		if (IJ.getClassLoader() != null) thread.setContextClassLoader(IJ.getClassLoader());
		String label = commandClass;
		try {
			Context context = SciJavaContexts.get();
			CommandRunner runner = new CommandRunner(context);
			CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
			if (info == null) throw new CommandFailedException("Tomolyte command class " + commandClass + " is not known to SciJava (is the Tomolyte jar complete?)");
			label = CommandRunner.label(info);
			String options = Macro.getOptions();
			Map<String, String> values = options != null ? withoutEmpty(MacroOptions.parse(options)) : askUser(runner, info);
			if (values == null) return; // dialog cancelled
			ProgressBridge bar = new ProgressBridge();
			EventService events = context.getService(EventService.class);
			List<org.scijava.event.EventSubscriber<?>> subscribers = events == null ? null : events.subscribe(bar);
			TomolyteCommand.setHostStopRequest(IJ::escapePressed);
			IJ.resetEscape();
			CommandModule module;
			try {
				module = runner.run(info, values);
			} finally {
				TomolyteCommand.setHostStopRequest(null);
				IJ.showProgress(1.0);
				if (subscribers != null) events.unsubscribe(subscribers);
			}
			showOutputs(module);
			IJ.showStatus(label + ": done");
		} catch (RuntimeException | LinkageError e) {
			fail(label, e);
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static void fail(String label, Throwable e) {
		String msg = e.getMessage() == null ? e.toString() : e.getMessage();
		if (!msg.startsWith(label)) msg = label + ": " + msg;
		lastFailure = msg;
		failures++;
		IJ.log("Tomolyte error: " + msg);
		Interpreter interp = Interpreter.getInstance();
		if (interp != null) interp.abort(msg);
		else if (!GraphicsEnvironment.isHeadless() && !IJ.isMacro()) IJ.error("Tomolyte", msg);
	}

	/**
	 * Drops {@code key=[]} and {@code key=}: the recorder writes them for a dialog field the user left empty,
	 * which the dialog itself reads as "use the default", so the recorded line must replay the same way.
	 */
	static Map<String, String> withoutEmpty(Map<String, String> values) {
		values.values().removeIf(String::isEmpty);
		return values;
	}

	/** Shows a dialog of the command's inputs; null when the user cancels. */
	private static Map<String, String> askUser(CommandRunner runner, CommandInfo info) {
		GenericDialog gd = new GenericDialog(CommandRunner.label(info));
		List<ModuleItem<?>> items = runner.userInputs(info);
		for (ModuleItem<?> item : items) {
			String key = item.getName().toLowerCase(Locale.ROOT);
			String def = runner.defaultValue(info, item);
			Class<?> t = item.getType();
			List<?> choices = item.getChoices();
			// on its own row above the field: beside a text field, ImageJ 1.53t clips it at the dialog's edge
			String help = item.getDescription();
			if (help != null && !help.isEmpty()) gd.addMessage(help, HELP_FONT);
			if (choices != null && !choices.isEmpty()) {
				String[] c = choices.stream().map(String::valueOf).toArray(String[]::new);
				gd.addChoice(key, c, def.isEmpty() ? c[0] : def);
			} else if (t == boolean.class || t == Boolean.class) {
				gd.addChoice(key, new String[] { "true", "false" }, def.isEmpty() ? "false" : def);
			} else if (t == java.io.File.class) {
				String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
				if (style.contains("directory")) gd.addDirectoryField(key, def);
				else gd.addFileField(key, def);
			} else {
				gd.addStringField(key, def, 30);
			}
		}
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		Map<String, String> values = new LinkedHashMap<>();
		for (ModuleItem<?> item : items) {
			String key = item.getName().toLowerCase(Locale.ROOT);
			Class<?> t = item.getType();
			boolean choice = (item.getChoices() != null && !item.getChoices().isEmpty()) || t == boolean.class || t == Boolean.class;
			String v = choice ? gd.getNextChoice() : gd.getNextString();
			if (!v.isEmpty()) values.put(key, v);
		}
		return values;
	}

	/** Shows Table outputs as ImageJ ResultsTables so macros can read them. */
	private static void showOutputs(CommandModule module) {
		if (GraphicsEnvironment.isHeadless()) return;
		Object command = module.getDelegateObject();
		if (command instanceof ProducesTables)
			for (Table t : ((ProducesTables) command).tables())
				ResultsTables.toResultsTable(t).show(t.title());
	}

	/** Forwards SciJava status events to ImageJ's status line and progress bar (plain ImageJ). */
	public static final class ProgressBridge {
		@EventHandler
		public void onEvent(StatusEvent e) {
			if (e.getStatusMessage() != null && !e.getStatusMessage().isEmpty()) IJ.showStatus(e.getStatusMessage());
			if (e.getProgressMaximum() > 0) IJ.showProgress(e.getProgressValue(), e.getProgressMaximum());
		}
	}
}
