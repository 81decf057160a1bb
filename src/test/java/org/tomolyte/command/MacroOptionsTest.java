package org.tomolyte.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MacroOptionsTest {

	@Test
	void parsesKeysValuesBracketsAndBareFlags() {
		Map<String, String> m = MacroOptions.parse("input=[/data/my cell/run 1.mpr] Lambda=0.001  fit=[Re+Im] inductance=true verbose");
		assertEquals("/data/my cell/run 1.mpr", m.get("input"));
		assertEquals("0.001", m.get("lambda"), "keys are lower-cased as ImageJ does");
		assertEquals("Re+Im", m.get("fit"));
		assertEquals("true", m.get("inductance"));
		assertEquals("true", m.get("verbose"), "a bare word is a true flag");
		assertEquals(5, m.size());
	}

	@Test
	void emptyAndNullOptionsGiveNoKeys() {
		assertEquals(0, MacroOptions.parse(null).size());
		assertEquals(0, MacroOptions.parse("   ").size());
	}

	@Test
	void unclosedBracketIsAClearError() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacroOptions.parse("input=[abc output=x"));
		assertEquals(true, e.getMessage().contains("input"));
	}

	@Test
	void formatRoundTrips() {
		String s = MacroOptions.format("input", "/a b/c.mpr") + " " + MacroOptions.format("lambda", "0.01");
		assertEquals("input=[/a b/c.mpr] lambda=0.01", s);
		Map<String, String> m = MacroOptions.parse(s);
		assertEquals("/a b/c.mpr", m.get("input"));
		assertEquals("0.01", m.get("lambda"));
	}
}
