package org.tomolyte.it;

import java.awt.Button;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextArea;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Drives a real ImageJ 1.x window the way a user does, for {@link MacroRecorderIT}: opens the macro recorder,
 * clicks a Tomolyte menu item (ImageJ's own menu listener, so the command runs on an
 * Executer thread exactly as from the menu bar), types values into the bridge's GenericDialog, presses OK,
 * then replays the line the recorder wrote into another folder. Needs a display (xvfb-run).
 * <p>
 * Arguments: ijpath, menu label, first output folder, replay output folder, screenshot PNG, report file, then
 * {@code key=value} for the dialog fields to type (output is the first folder; an empty value empties the
 * field). The report holds
 * {@code recorded=<line>} and {@code replayed=<line>}; on failure {@code error=...} and ImageJ's log, and the
 * exit code is 1.
 */
public final class RecorderHarness {
	private static final long TIMEOUT_MS = 60_000;

	private RecorderHarness() {}

	public static void main(String[] args) throws Exception {
		Path ijpath = Paths.get(args[0]);
		String label = args[1];
		Path outA = Paths.get(args[2]);
		Path outB = Paths.get(args[3]);
		Path png = Paths.get(args[4]);
		Path report = Paths.get(args[5]);
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("output", outA.toString());
		for (int i = 6; i < args.length; i++) {
			int eq = args[i].indexOf('=');
			typed.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		List<String> lines = new ArrayList<>();
		watchdog(report);
		int exit = 0;
		try {
			run(ijpath, label, typed, outA, outB, png, lines);
		} catch (Throwable e) {
			exit = 1;
			if (e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null) e = e.getCause();
			lines.add("error=" + e);
			for (StackTraceElement s : e.getStackTrace())
				lines.add("  at " + s);
			lines.add("log=" + IJ.getLog());
			Recorder rec = Recorder.getInstance();
			if (rec != null) lines.add("recorder=" + recorderText());
		}
		Files.write(report, lines, StandardCharsets.UTF_8);
		System.exit(exit);
	}

	/** A modal message (an ImageJ error, say) would block the harness forever: report what is showing and quit. */
	private static void watchdog(Path report) {
		Thread t = new Thread(() -> {
			try {
				Thread.sleep(2 * TIMEOUT_MS);
				List<String> lines = new ArrayList<>();
				lines.add("error=the harness is stuck after " + 2 * TIMEOUT_MS / 1000 + " s; showing windows:");
				for (Window w : Window.getWindows()) {
					if (!w.isShowing()) continue;
					List<Component> all = new ArrayList<>();
					flatten(w, all);
					StringBuilder text = new StringBuilder();
					for (Component c : all) {
						if (c instanceof Label) text.append(((Label) c).getText()).append(" | ");
						if (c instanceof ij.gui.MultiLineLabel || c.getClass().getSimpleName().contains("Label")) text.append(c.toString()).append(" | ");
					}
					lines.add("  " + (w instanceof Dialog ? ((Dialog) w).getTitle() : w.getName()) + ": " + text);
				}
				lines.add("log=" + IJ.getLog());
				Files.write(report, lines, StandardCharsets.UTF_8);
			} catch (Exception e) {
				// nothing more to report
			}
			Runtime.getRuntime().halt(2);
		}, "recorder-harness-watchdog");
		t.setDaemon(true);
		t.start();
	}

	private static void run(Path ijpath, String label, Map<String, String> typed, Path outA, Path outB, Path png, List<String> report) throws Exception {
		// what ImageJ's -ijpath does: plugins/ of that folder holds the Tomolyte jar and plugins/jars its libraries
		System.setProperty("plugins.dir", ijpath.toString());
		new ImageJ();
		IJ.run("Record...");
		waitFor("the Recorder window", () -> Recorder.getInstance() != null && Recorder.record);

		MenuItem item = findItem(Menus.getMenuBar(), label);
		if (item == null) throw new AssertionError("no '" + label + "' item in ImageJ's menus (plugins.config not read?)");
		ActionEvent click = new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand());
		EventQueue.invokeLater(() -> {
			for (ActionListener l : item.getActionListeners())
				l.actionPerformed(click);
		});

		AtomicReference<GenericDialog> found = new AtomicReference<>();
		waitFor("the '" + label + "' dialog", () -> {
			for (Window w : Window.getWindows())
				if (w instanceof GenericDialog && w.isShowing() && label.equals(((Dialog) w).getTitle())) {
					found.set((GenericDialog) w);
					return true;
				}
			return false;
		});
		GenericDialog gd = found.get();
		EventQueue.invokeAndWait(() -> fill(gd, typed));
		EventQueue.invokeAndWait(gd::toFront);
		Thread.sleep(1000); // let the X server map and paint the dialog before the screenshot
		screenshot(gd, png);
		EventQueue.invokeAndWait(() -> {
			Button ok = null;
			for (Button b : gd.getButtons())
				if (b != null && "OK".equals(b.getLabel().trim())) ok = b;
			if (ok == null) throw new AssertionError("the dialog has no OK button");
			ActionEvent press = new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK");
			for (ActionListener l : ok.getActionListeners())
				l.actionPerformed(press);
		});

		String prefix = "run(\"" + label + "\"";
		waitFor("the recorder to record the command (it does when the command has finished)", () -> recorderText().contains(prefix));
		String recorded = null;
		for (String line : recorderText().split("\n"))
			if (line.startsWith(prefix)) recorded = line.trim();
		report.add("recorded=" + recorded);
		report.add("log=" + IJ.getLog());

		// replay the recorded line with only the output folder changed, as a user edits a recorded macro
		String from = "output=[" + outA + "]";
		if (!recorded.contains(from)) from = "output=" + outA;
		if (!recorded.contains(from)) throw new AssertionError("the recorded line does not name the output folder " + outA + ": " + recorded);
		String replay = recorded.replace(from, "output=[" + outB + "]");
		report.add("replayed=" + replay);
		IJ.runMacro(replay);
	}

	private static void fill(GenericDialog gd, Map<String, String> typed) {
		List<Component> all = new ArrayList<>();
		flatten(gd, all);
		Map<String, String> left = new LinkedHashMap<>(typed);
		String pending = null;
		for (Component c : all) {
			if (c instanceof Label) {
				String text = ((Label) c).getText().trim();
				pending = left.containsKey(text) ? text : null;
			} else if (pending != null && c instanceof TextField) {
				((TextField) c).setText(left.remove(pending));
				pending = null;
			} else if (pending != null && c instanceof Choice) {
				Choice ch = (Choice) c;
				String v = left.remove(pending);
				ch.select(v);
				if (!v.equals(ch.getSelectedItem())) throw new AssertionError("choice '" + pending + "' has no item " + v);
				pending = null;
			}
		}
		if (!left.isEmpty()) throw new AssertionError("the dialog has no labelled fields for " + left.keySet());
	}

	private static void flatten(Container c, List<Component> out) {
		for (Component k : c.getComponents()) {
			out.add(k);
			if (k instanceof Container) flatten((Container) k, out);
		}
	}

	private static void screenshot(Window w, Path png) throws Exception {
		AtomicReference<Rectangle> r = new AtomicReference<>();
		EventQueue.invokeAndWait(() -> r.set(new Rectangle(w.getLocationOnScreen(), w.getSize())));
		Robot robot = new Robot();
		robot.waitForIdle();
		Files.createDirectories(png.getParent());
		ImageIO.write(robot.createScreenCapture(r.get()), "png", png.toFile());
		// the whole screen too, to see the dialog beside ImageJ and the Recorder
		Rectangle screen = new Rectangle(w.getGraphicsConfiguration().getBounds());
		String name = png.getFileName().toString().replaceFirst("\\.png$", "");
		ImageIO.write(robot.createScreenCapture(screen), "png", png.resolveSibling(name + "-screen.png").toFile());
	}

	private static String recorderText() {
		Recorder rec = Recorder.getInstance();
		if (rec == null) return "";
		List<Component> all = new ArrayList<>();
		flatten(rec, all);
		for (Component c : all)
			if (c instanceof TextArea) return ((TextArea) c).getText();
		return "";
	}

	private static MenuItem findItem(MenuBar bar, String label) {
		if (bar == null) return null;
		for (int i = 0; i < bar.getMenuCount(); i++) {
			MenuItem m = findItem(bar.getMenu(i), label);
			if (m != null) return m;
		}
		return null;
	}

	private static MenuItem findItem(Menu menu, String label) {
		for (int i = 0; i < menu.getItemCount(); i++) {
			MenuItem it = menu.getItem(i);
			if (it instanceof Menu) {
				MenuItem m = findItem((Menu) it, label);
				if (m != null) return m;
			} else if (it != null && label.equals(it.getLabel())) return it;
		}
		return null;
	}

	private interface Check {
		boolean ok() throws Exception;
	}

	private static void waitFor(String what, Check check) throws Exception {
		long end = System.currentTimeMillis() + TIMEOUT_MS;
		while (!check.ok()) {
			if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what);
			Thread.sleep(100);
		}
	}
}
