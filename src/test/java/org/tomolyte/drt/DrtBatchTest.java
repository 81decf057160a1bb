package org.tomolyte.drt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;

/** Batch over series: equals single fits, independent of threads, in order, cancelable, flags bad spectra. */
class DrtBatchTest {
	static SpectrumSeries twoZarcSeries() {
		List<Spectrum> list = new ArrayList<>();
		for (int k = 0; k <= 5; k++) {
			Spectrum s = EisFiles.read("synthetic/2ZARC" + k + ".csv");
			list.add(new Spectrum(s.freqHz(), s.zReOhm(), s.zImOhm(), 100.0 * k, 100.0 * k + 60, 3.0 + 0.01 * k, 0.38));
		}
		return new SpectrumSeries("2ZARC0..5", list);
	}

	/** The three real GEIS spectra plus shuffled/perturbed copies: a small operando series. */
	static SpectrumSeries geisSeries() {
		List<Spectrum> list = new ArrayList<>();
		for (String c : new String[] { "02", "30", "60" }) list.add(EisFiles.read("real/yadg_geis_cycle" + c + ".csv"));
		for (int k = 0; k < 5; k++) list.add(DrtBehaviourTest.shuffled(list.get(k % 3), k));
		return new SpectrumSeries("geis cycles", list);
	}

	@Test
	void batchEqualsSingleFitsAndIgnoresThreadCount() {
		DrtSettings st = DrtSettings.builder().fmaxHz(1e5).build();
		for (SpectrumSeries series : new SpectrumSeries[] { twoZarcSeries(), geisSeries() }) {
			DrtMap one = Drt.map(series, st, 1, Progress.NONE);
			DrtMap two = Drt.map(series, st, 2, Progress.NONE);
			DrtMap three = Drt.map(series, st, 3, Progress.NONE);
			for (int i = 0; i < series.size(); i++) {
				DrtResult single = Drt.fit(series.get(i), st);
				assertArrayEquals(single.gammaOhm(), one.items().get(i).result().gammaOhm(), 0, "spectrum " + i);
				assertEquals(single.rInfOhm(), one.items().get(i).result().rInfOhm(), 0);
				assertArrayEquals(one.gamma(i), two.gamma(i), 0f);
				assertArrayEquals(one.gamma(i), three.gamma(i), 0f);
				float[] g = one.gamma(i);
				double[] sg = single.gammaOhm();
				for (int j = 0; j < g.length; j++) assertEquals((float) sg[j], g[j], 0f); // same grid: map row = single γ
			}
			assertEquals(table(DrtTables.peaksVsTime(one)), table(DrtTables.peaksVsTime(two)));
		}
	}

	@Test
	void peaksVsTimeTracksTheGrowingArc() {
		DrtMap m = Drt.map(twoZarcSeries(), DrtSettings.builder().lambda(5e-3).build(), 2, Progress.NONE);
		Table t = DrtTables.peaksVsTime(m);
		assertEquals(List.of("spectrum", "time_s", "ewe_v", "i_ma", "peak", "tau_s", "height_ohm", "resistance_ohm"), t.columns());
		// the 0.1 s peak keeps one name through the series and its resistance grows 10 → 200 Ω
		String slowName = null;
		double last = 0;
		for (int r = 0; r < t.rowCount(); r++) {
			double tau = t.getDouble(r, "tau_s");
			if (Math.abs(Math.log10(tau / 0.1)) < 0.1 && t.getDouble(r, "resistance_ohm") > 5) {
				String name = (String) t.get(r, "peak");
				if (slowName == null) slowName = name;
				assertEquals(slowName, name, "row " + r);
				assertTrue(t.getDouble(r, "resistance_ohm") > last);
				last = t.getDouble(r, "resistance_ohm");
				assertEquals(100.0 * ((Number) t.get(r, "spectrum")).intValue(), t.getDouble(r, "time_s"), 0);
			}
		}
		assertNotNull(slowName);
		assertEquals(200, last, 10);
		assertEquals(6, DrtTables.mapSummary(m).rowCount());
	}

	@Test
	void streamingDeliversInOrderAndFlagsBadSpectra() {
		List<Spectrum> list = new ArrayList<>(twoZarcSeries().spectra());
		list.add(2, new Spectrum(new double[] { 1, 2, 3 }, new double[] { 1, 1, 1 }, new double[] { -1, -1, -1 }));
		SpectrumSeries s = new SpectrumSeries("with a bad one", list);
		List<Integer> order = new ArrayList<>();
		Drt.stream(s, DrtSettings.defaults(), 2, Progress.NONE, item -> {
			order.add(item.index());
			if (item.index() == 2) {
				assertNull(item.result());
				assertTrue(item.error().contains("spectrum 2 of with a bad one"), item.error());
			} else assertTrue(item.ok());
		});
		assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), order);
		DrtMap m = Drt.map(s, DrtSettings.defaults(), 2, Progress.NONE);
		assertTrue(Float.isNaN(m.gamma(2)[0]));
		assertEquals("ok", DrtTables.mapSummary(m).get(0, "status"));
	}

	@Test
	void cancellationStopsTheBatch() {
		AtomicInteger reports = new AtomicInteger();
		Progress cancelAfterTwo = new Progress() {
			@Override
			public void report(double fraction, String message) {
				reports.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return reports.get() >= 2;
			}
		};
		List<Integer> seen = new ArrayList<>();
		assertThrows(CancelledException.class, () -> Drt.stream(twoZarcSeries(), DrtSettings.defaults(), 2, cancelAfterTwo, it -> seen.add(it.index())));
		assertEquals(List.of(0, 1), seen);
	}

	private static String table(Table t) {
		StringBuilder b = new StringBuilder();
		for (int r = 0; r < t.rowCount(); r++) b.append(t.row(r)).append('\n');
		return b.toString();
	}
}
