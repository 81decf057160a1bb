package org.tomolyte.view.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.synth.SyntheticCellGenerator;
import org.tomolyte.task.Progress;

/** Opening sessions from data files and folders, and saving them as JSON with relative paths. */
class SessionFileTest {

	@Test
	void ecLabGeisOpensAsTraceSpectraAndDrtAndSurvivesAMovedFolder(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("project/data"));
		Path mpr = Files.copy(TestData.file("biologic/geis.mpr"), data.resolve("geis.mpr"));
		SessionData s = SessionFile.open(mpr, Progress.NONE);
		int rows = EcLab.read(mpr).trace().rowCount();
		int spectra = EcLab.read(mpr).spectra().get().size();
		assertEquals(rows, s.trace().rowCount());
		assertEquals(spectra, s.spectrumCount());
		assertTrue(s.hasDrt());
		for (int i = 0; i < spectra; i++)
			assertNotNull(s.drt(i), "DRT of spectrum " + i);
		assertEquals(spectra, s.mapGamma().length);
		Path json = Files.createDirectories(dir.resolve("project/sessions")).resolve("geis.json");
		SessionFile.save(s, json);
		String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		assertTrue(text.contains("\"../data/geis.mpr\""), "paths relative to the session file: " + text);
		// move the whole project: the relative paths still resolve
		Path moved = dir.resolve("elsewhere");
		Files.move(dir.resolve("project"), moved);
		SessionData back = SessionFile.open(moved.resolve("sessions/geis.json"), Progress.NONE);
		assertEquals(spectra, back.spectrumCount());
		assertEquals(rows, back.trace().rowCount());
		assertEquals(s.drtSettings(), back.drtSettings());
		assertEquals(s.drt(7).rPolOhm(), back.drt(7).rPolOhm(), 1e-9 * s.drt(7).rPolOhm(), "same DRT recomputed");
	}

	@Test
	void syntheticCellFolderOpensWithTraceSpectraScansLabelsAndShortCircuit(@TempDir Path dir) throws Exception {
		SyntheticCellGenerator.Options o = new SyntheticCellGenerator.Options();
		o.scans = 2;
		o.projections = false;
		o.scale = 0.5;
		o.pulsedRestsS = new double[] { 0 };
		Path cell = dir.resolve("cell");
		SyntheticCellGenerator.write(o, cell, Progress.NONE);
		SessionData s = SessionFile.open(cell, Progress.NONE);
		assertNotNull(s.trace());
		assertTrue(s.spectrumCount() > 0 && s.hasDrt());
		double[] t = s.spectrumTimesS(), trace = s.trace().timeS();
		for (int i = 0; i < t.length; i++) {
			assertTrue(t[i] >= trace[0] && t[i] <= trace[trace.length - 1], "spectrum " + i + " at " + t[i] + " s lies on the trace");
			if (i > 0) assertTrue(t[i] > t[i - 1]);
		}
		assertEquals(2, s.scans().size());
		assertEquals(o.scanIntervalS, s.scans().get(1).timeS, 0);
		assertEquals(cell.resolve("cell/scans/t01.tif").toAbsolutePath(), s.scans().get(1).file.toAbsolutePath());
		assertEquals(cell.resolve("cell/labels/t01.tif").toAbsolutePath(), s.scans().get(1).labels.toAbsolutePath());
		assertTrue(s.events().stream().anyMatch(e -> e.label.equals("short circuit")), "the staircase shorts (truth/ccd.json)");
		Path json = cell.resolve("session.json");
		SessionFile.save(s, json);
		String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		assertTrue(text.contains("\"cell/labels/t01.tif\"") && text.contains("\"echem/ccd.csv\""), text);
		SessionData back = SessionFile.load(json, Progress.NONE);
		assertEquals(2, back.scans().size());
		assertEquals(s.events().size(), back.events().size());
		assertEquals(s.spectrumCount(), back.spectrumCount());
		assertEquals(s.spectrumTimeS(5), back.spectrumTimeS(5), 0);
	}

	@Test
	void errorsNameTheFile(@TempDir Path dir) throws Exception {
		Path missing = dir.resolve("nothing.mpr");
		assertTrue(assertThrows(SessionFileException.class, () -> SessionFile.open(missing, Progress.NONE)).getMessage().contains(missing.toString()));
		Path junk = Files.write(dir.resolve("junk.csv"), "a;b\nx;y\n".getBytes(StandardCharsets.UTF_8));
		String m = assertThrows(SessionFileException.class, () -> SessionFile.open(junk, Progress.NONE)).getMessage();
		assertTrue(m.contains(junk.toString()) && m.contains("spectra") && m.contains("trace"), m);
		Path json = Files.write(dir.resolve("s.json"), ("{\"format\":\"" + SessionFile.FORMAT + "\",\"trace\":\"gone.csv\"}").getBytes(StandardCharsets.UTF_8));
		m = assertThrows(SessionFileException.class, () -> SessionFile.open(json, Progress.NONE)).getMessage();
		assertTrue(m.contains(json.toString()) && m.contains("gone.csv"), m);
		Path other = Files.write(dir.resolve("o.json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertTrue(assertThrows(SessionFileException.class, () -> SessionFile.open(other, Progress.NONE)).getMessage().contains("not a Tomolyte"));
		Path empty = Files.createDirectories(dir.resolve("empty"));
		assertTrue(assertThrows(SessionFileException.class, () -> SessionFile.open(empty, Progress.NONE)).getMessage().contains("synthetic-cell"));
	}

	@Test
	void aSessionBuiltInMemoryCannotBeSavedWithoutItsFiles(@TempDir Path dir) {
		SessionData s = SessionData.builder().trace(new org.tomolyte.model.Trace("mem", java.util.Map.of("time/s", new double[] { 0, 1 }), java.util.Map.of())).build();
		String m = assertThrows(SessionFileException.class, () -> SessionFile.save(s, dir.resolve("x.json"))).getMessage();
		assertTrue(m.contains("trace") && m.contains("x.json"), m);
		assertNull(s.spectra());
		assertFalse(Stream.of(dir.toFile().list()).anyMatch(n -> n.equals("x.json")));
	}
}
