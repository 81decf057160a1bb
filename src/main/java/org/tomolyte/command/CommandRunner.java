package org.tomolyte.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Finds Tomolyte commands by their menu label and runs them headless with macro-style string options,
 * checking every key against the command's parameters. The one path behind {@code ./tomolyte run}, the
 * ImageJ 1.x bridge and the demo, so all three behave alike.
 */
public final class CommandRunner {
	private final Context context;
	private final CommandService commands;

	public CommandRunner(Context context) {
		this.context = context;
		this.commands = context.service(CommandService.class);
	}

	/** All Tomolyte commands, sorted by menu path. */
	public List<CommandInfo> tomolyteCommands() {
		return commands.getCommands().stream()
				.filter(c -> c.getClassName().startsWith("org.tomolyte.") && c.getMenuPath() != null && c.getMenuPath().size() > 0)
				.sorted((a, b) -> a.getMenuPath().toString().compareTo(b.getMenuPath().toString()))
				.collect(Collectors.toList());
	}

	/** The label users type in {@code run("Label", ...)}: the last element of the menu path. */
	public static String label(CommandInfo info) {
		return info.getMenuPath().getLeaf().getName();
	}

	/** The command with this label (case-insensitive); the error lists the labels there are. */
	public CommandInfo find(String label) {
		for (CommandInfo c : tomolyteCommands())
			if (label(c).equalsIgnoreCase(label.trim())) return c;
		throw new CommandFailedException("No Tomolyte command is labelled \"" + label + "\". Commands: "
				+ tomolyteCommands().stream().map(CommandRunner::label).collect(Collectors.joining(", ")));
	}

	/** The user-facing inputs of a command (its macro keys), excluding services and the context. */
	public List<ModuleItem<?>> userInputs(CommandInfo info) {
		List<ModuleItem<?>> out = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs()) {
			Class<?> t = item.getType();
			if (org.scijava.service.Service.class.isAssignableFrom(t) || Context.class.isAssignableFrom(t)) continue;
			out.add(item);
		}
		return out;
	}

	/** The value a command's field starts with, as a string for dialogs and help. */
	public String defaultValue(CommandInfo info, ModuleItem<?> item) {
		try {
			Object v = context.service(ModuleService.class).createModule(info).getInput(item.getName());
			return v == null ? "" : (v instanceof java.io.File ? ((java.io.File) v).getPath() : String.valueOf(v));
		} catch (RuntimeException e) {
			return "";
		}
	}

	/** Runs the command labelled {@code label} with macro options, e.g. {@code "input=[a b.mpr] output=out"}. */
	public CommandModule run(String label, String options) {
		return run(find(label), MacroOptions.parse(options));
	}

	/** Runs a command with string values by key; unknown keys and missing required values are errors. */
	public CommandModule run(CommandInfo info, Map<String, String> options) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		Map<String, ModuleItem<?>> byKey = new LinkedHashMap<>();
		for (ModuleItem<?> item : userInputs(info))
			byKey.put(item.getName().toLowerCase(Locale.ROOT), item);
		ConvertService convert = context.service(ConvertService.class);
		for (Map.Entry<String, String> e : options.entrySet()) {
			ModuleItem<?> item = byKey.get(e.getKey());
			if (item == null)
				throw new CommandFailedException("\"" + label(info) + "\" has no option '" + e.getKey() + "'. Options: " + String.join(", ", byKey.keySet()));
			Object value = convertValue(convert, info, item, e.getValue());
			inputs.put(item.getName(), value);
		}
		// Unset keys take the command's own defaults, never values remembered from an earlier run, so a
		// macro line means the same thing every time; every user input is marked resolved so that no
		// preprocessor asks for it (a file chooser, say) or cancels a headless run for lack of it.
		org.scijava.module.Module module0 = context.service(ModuleService.class).createModule(info);
		for (ModuleItem<?> item : byKey.values()) {
			if (inputs.containsKey(item.getName())) continue;
			Object def = module0.getInput(item.getName());
			if (def == null && item.isRequired())
				throw new CommandFailedException("\"" + label(info) + "\" needs option '" + item.getName() + "' (" + describe(item) + ")");
		}
		for (Map.Entry<String, Object> e : inputs.entrySet())
			module0.setInput(e.getKey(), e.getValue());
		for (ModuleItem<?> item : byKey.values())
			module0.resolveInput(item.getName());
		CommandModule module;
		try {
			module = (CommandModule) context.service(ModuleService.class).run(module0, true).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CommandFailedException("Interrupted while running \"" + label(info) + "\"", e);
		} catch (ExecutionException e) {
			Throwable c = e.getCause();
			while (c != null && !(c instanceof CommandFailedException) && c.getCause() != null && c.getCause() != c)
				c = c.getCause();
			if (c instanceof CommandFailedException) throw new CommandFailedException(label(info) + ": " + c.getMessage(), c);
			Throwable root = e.getCause() == null ? e : e.getCause();
			throw new CommandFailedException(label(info) + " failed: " + (root.getMessage() == null ? root : root.getMessage()), root);
		}
		Object command = module.getDelegateObject();
		if (command instanceof TomolyteCommand && ((TomolyteCommand) command).failure() != null) {
			CommandFailedException f = ((TomolyteCommand) command).failure();
			throw new CommandFailedException(label(info) + ": " + f.getMessage(), f.getCause() != null ? f.getCause() : f);
		}
		if (module.isCanceled()) {
			String why = module.getCancelReason();
			throw new CommandFailedException(label(info) + " was cancelled" + (why == null ? "" : ": " + why));
		}
		return module;
	}

	private Object convertValue(ConvertService convert, CommandInfo info, ModuleItem<?> item, String text) {
		Class<?> type = item.getType();
		List<?> choices = item.getChoices();
		if (choices != null && !choices.isEmpty()) {
			for (Object c : choices)
				if (String.valueOf(c).equalsIgnoreCase(text)) return c;
			throw new CommandFailedException("\"" + label(info) + "\": '" + text + "' is not a valid value for '" + item.getName() + "'; choose one of " + choices);
		}
		if (type == String.class) return text;
		if (type == boolean.class || type == Boolean.class) {
			if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return Boolean.parseBoolean(text);
			throw new CommandFailedException("\"" + label(info) + "\": option '" + item.getName() + "' must be true or false, not '" + text + "'");
		}
		if (type == java.io.File.class) return new java.io.File(text);
		try {
			if (type == double.class || type == Double.class) return Double.parseDouble(text.trim());
			if (type == float.class || type == Float.class) return Float.parseFloat(text.trim());
			if (type == int.class || type == Integer.class) return Integer.parseInt(text.trim());
			if (type == long.class || type == Long.class) return Long.parseLong(text.trim());
		} catch (NumberFormatException e) {
			throw new CommandFailedException("\"" + label(info) + "\": option '" + item.getName() + "' expects " + describe(item) + ", not '" + text + "'");
		}
		Object v;
		try {
			v = convert.convert(text, type);
		} catch (RuntimeException e) {
			v = null;
		}
		if (v == null)
			throw new CommandFailedException("\"" + label(info) + "\": option '" + item.getName() + "' expects " + describe(item) + ", not '" + text + "'");
		return v;
	}

	/** A short human description of an input's type. */
	public static String describe(ModuleItem<?> item) {
		Class<?> t = item.getType();
		if (t == java.io.File.class) return "a path";
		if (t == double.class || t == Double.class || t == float.class || t == Float.class) return "a number";
		if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "a whole number";
		if (t == boolean.class || t == Boolean.class) return "true or false";
		if (item.getChoices() != null && !item.getChoices().isEmpty()) return "one of " + item.getChoices();
		return "text";
	}
}
