package org.tomolyte.command.echem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomolyte.TestData;
import org.tomolyte.command.CommandRunner;
import org.tomolyte.command.TestCommands;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;
import org.tomolyte.synth.SyntheticCellGenerator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The echem analysis commands end to end: on the synthetic cell their numbers match the generator's truth,
 * on real EC-Lab files they run and find the instrument's current levels.
 */
class EchemAnalysisCommandsTest {
	private static final CommandRunner runner = TestCommands.runner();
	private static final double AREA = SyntheticCellGenerator.AREA_CM2;

	private static JsonObject json(Path p) throws Exception {
		try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
			return JsonParser.parseReader(r).getAsJsonObject();
		}
	}

	@Test
	void syntheticCellAnswersMatchTheTruth(@TempDir Path dir) throws Exception {
		Path cell = dir.resolve("cell");
		runner.run("Generate Synthetic Cell", "output=[" + cell + "] scans=1 projections=false seed=11");
		runner.run("Critical Current Density", "input=[" + cell.resolve("echem/ccd.csv") + "] area_cm2=" + AREA + " output=[" + dir.resolve("ccd") + "]");
		Table summary = CsvTables.read(dir.resolve("ccd/summary.csv"));
		JsonObject truth = json(cell.resolve("truth/ccd.json"));
		assertEquals("yes", summary.get(0, "short_circuit"));
		assertEquals(truth.get("shortDensityMaCm2").getAsDouble(), summary.getDouble(0, "short_current_density_ma_cm2"), 0.01);
		assertEquals(truth.get("shortStepCapacityMahCm2").getAsDouble(), summary.getDouble(0, "short_step_capacity_mah_cm2"), 0.005);
		assertTrue(Files.size(dir.resolve("ccd/ccd.png")) > 1000 && Files.exists(dir.resolve("ccd/ccd.svg")));

		Path pulsed = Files.createDirectories(dir.resolve("pulsed-in"));
		try (java.util.stream.Stream<Path> s = Files.list(cell.resolve("echem"))) {
			for (Path p : (Iterable<Path>) s.filter(p -> p.getFileName().toString().startsWith("pulsed_"))::iterator)
				Files.copy(p, pulsed.resolve(p.getFileName()));
		}
		runner.run("Pulsed Stripping", "input=[" + pulsed + "] area_cm2=" + AREA + " output=[" + dir.resolve("pulsed") + "]");
		Table cap = CsvTables.read(dir.resolve("pulsed/capacity_vs_rest.csv"));
		assertEquals(6, cap.rowCount());
		for (int r = 0; r < cap.rowCount(); r++) {
			String source = (String) cap.get(r, "source");
			double expected = json(cell.resolve("truth/" + source.replace(".csv", ".json"))).get("criticalCapacityMahCm2").getAsDouble();
			assertEquals(expected, cap.getDouble(r, "critical_capacity_mah_cm2"), 0.03 * expected, source);
		}

		runner.run("Stripping Onset", "input=[" + cell.resolve("echem/sgeis_stripping.csv") + "] area_cm2=" + AREA + " output=[" + dir.resolve("onset") + "]");
		Table onset = CsvTables.read(dir.resolve("onset/onset_summary.csv"));
		double trueOnset = json(cell.resolve("truth/sgeis_stripping.json")).get("onsetMaCm2").getAsDouble();
		assertEquals(trueOnset, onset.getDouble(0, "onset_current_density_ma_cm2"), 0.05 + 1e-9, "within one 0.05 mA/cm2 step");
	}

	@Test
	void realGalvanostaticFileRuns(@TempDir Path dir) throws Exception {
		runner.run("Critical Current Density", "input=[" + TestData.file("biologic/gcpl.issue_149.mpr") + "] area_cm2=1 output=[" + dir + "]");
		Table steps = CsvTables.read(dir.resolve("steps.csv"));
		assertTrue(steps.rowCount() >= 2, "current steps found in a real GCPL file: " + steps.rowCount());
		boolean anyCurrent = false;
		for (double i : steps.column("current_ma"))
			anyCurrent |= Math.abs(i) > 0;
		assertTrue(anyCurrent);
	}
}
