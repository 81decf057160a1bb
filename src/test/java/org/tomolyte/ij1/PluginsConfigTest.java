package org.tomolyte.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.tomolyte.command.CommandRunner;

/**
 * plugins.config is the ImageJ 1.x face of the SciJava commands: every command has exactly one entry with
 * the same menu path and label, routed through the bridge, and is hidden from imagej-legacy's own menus
 * (no-legacy) so that Fiji shows it once.
 */
class PluginsConfigTest {
	private static final Pattern LINE = Pattern.compile("^(Plugins>Tomolyte(?:>[^,]+)?),\\s*\"([^\"]+)\",\\s*org\\.tomolyte\\.ij1\\.CommandBridge\\(\"([\\w.$]+)\"\\)\\s*$");

	@Test
	void everyCommandHasExactlyOneMatchingEntry() throws Exception {
		Path config = Paths.get("plugins.config");
		List<String> lines = Files.readAllLines(config, StandardCharsets.UTF_8).stream().map(String::trim)
				.filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
		Map<String, String[]> byClass = new HashMap<>();
		for (String l : lines) {
			Matcher m = LINE.matcher(l);
			assertTrue(m.matches(), "malformed plugins.config line: " + l);
			assertFalse(byClass.containsKey(m.group(3)), "two entries for " + m.group(3));
			byClass.put(m.group(3), new String[] { m.group(1), m.group(2) });
		}
		try (Context context = new Context()) {
			CommandRunner runner = new CommandRunner(context);
			int checked = 0;
			for (CommandInfo info : runner.tomolyteCommands()) {
				if (info.getMenuPath().toString().contains("Testing")) continue; // test-only commands
				String[] entry = byClass.remove(info.getClassName());
				assertTrue(entry != null, "plugins.config lacks an entry for " + info.getClassName());
				String menu = info.getMenuPath().stream().limit(info.getMenuPath().size() - 1).map(e -> e.getName()).collect(Collectors.joining(">"));
				assertEquals(menu, entry[0], "menu path of " + info.getClassName());
				assertEquals(CommandRunner.label(info), entry[1], "label of " + info.getClassName());
				assertTrue(info.get("no-legacy") != null, info.getClassName() + " must carry @Attr(name = \"no-legacy\") so Fiji lists it once");
				checked++;
			}
			assertTrue(byClass.isEmpty(), "plugins.config names classes that are not commands: " + byClass.keySet());
			assertTrue(checked > 0 || lines.isEmpty());
		}
	}
}
