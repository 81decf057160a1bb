package org.tomolyte.tomo.stripes;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StripeFiltersTest {

	@Test
	void everyNameGivesItsFilterWithPublishedDefaults() {
		for (String name : StripeFilters.NAMES)
			assertEquals(name, StripeFilters.create(name, Map.of()).name());
		assertEquals("size=21 dim=1", StripeFilters.create("sorting", null).parameters());
		assertEquals("sigma=3.0 size=21 dim=1 sort=true", StripeFilters.create("filtering", null).parameters());
		assertEquals("snr=3.0 size=51 drop_ratio=0.1 norm=true model=additive", StripeFilters.create("large", null).parameters());
		assertEquals("snr=3.0 la_size=51 sm_size=21 drop_ratio=0.1 dim=1 model=additive",
				StripeFilters.create("all", null).parameters());
		assertEquals("sorting", StripeFilters.defaultFilter().name());
	}

	@Test
	void parametersAreParsedFromMapsAndSpecifications() {
		SortingFilter f = (SortingFilter) StripeFilters.create("Sorting", Map.of("size", "31", "dim", "2"));
		assertEquals(31, f.settings().size);
		assertEquals(2, f.settings().dim);
		AllStripeFilter all = (AllStripeFilter) StripeFilters.parse("all snr=2.5, la_size=61 model=multiplicative");
		assertEquals(2.5, all.settings().snr);
		assertEquals(61, all.settings().largeSize);
		assertEquals(StripeModel.MULTIPLICATIVE, all.settings().model);
		assertEquals("none", StripeFilters.parse("  ").name());
		assertEquals(20 | 1, ((SortingFilter) StripeFilters.parse("sorting size=20")).settings().size);
	}

	@Test
	void errorsNameTheMethodAndTheParameter() {
		StripeException e = assertThrows(StripeException.class, () -> StripeFilters.parse("sortng"));
		assertTrue(e.getMessage().contains("sortng") && e.getMessage().contains("sorting"), e.getMessage());
		e = assertThrows(StripeException.class, () -> StripeFilters.parse("sorting sise=3"));
		assertTrue(e.getMessage().contains("sise") && e.getMessage().contains("size"), e.getMessage());
		e = assertThrows(StripeException.class, () -> StripeFilters.parse("large snr=high"));
		assertTrue(e.getMessage().contains("snr"), e.getMessage());
		e = assertThrows(StripeException.class, () -> StripeFilters.parse("large drop_ratio=0.9"));
		assertTrue(e.getMessage().contains("drop_ratio"), e.getMessage());
		assertThrows(StripeException.class, () -> StripeFilters.parse("fitting model=log"));
		assertThrows(StripeException.class, () -> StripeFilters.parse("all dim"));
	}

	@Test
	void noneReturnsAnEqualCopyAndFiltersNeverModifyTheirInput() {
		float[][] s = SyntheticSinograms.withNoise(SyntheticSinograms.clean(120, 160), 0.01, 1);
		float[][] before = SyntheticSinograms.copy(s);
		float[][] none = StripeFilters.none().apply(s);
		assertNotSame(s[0], none[0]);
		for (String name : StripeFilters.NAMES) {
			float[][] out = StripeFilters.create(name, null).apply(s);
			assertEquals(s.length, out.length);
			assertEquals(s[0].length, out[0].length);
			for (int a = 0; a < s.length; a++)
				assertArrayEquals(before[a], s[a], name + " modified its input");
		}
		for (int a = 0; a < s.length; a++)
			assertArrayEquals(s[a], none[a]);
	}

	@Test
	void everyFilterGivesBitIdenticalResultsOnOneThread() throws Exception {
		float[][] s = StripeInjection.smallStripes(SyntheticSinograms.withNoise(SyntheticSinograms.clean(180, 600), 0.01, 3), 1.0);
		java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
		try {
			for (String name : StripeFilters.NAMES) {
				StripeFilter f = StripeFilters.create(name, null);
				float[][] parallel = f.apply(s);
				float[][] serial = single.submit(() -> f.apply(s)).get();
				for (int a = 0; a < s.length; a++)
					assertArrayEquals(parallel[a], serial[a], name + ", angle row " + a);
			}
		} finally {
			single.shutdown();
		}
	}

	@Test
	void previewReportsMetricsOfBothSinograms() {
		float[][] clean = SyntheticSinograms.clean(300, 512);
		float[][] striped = StripeInjection.smallStripes(clean, StripeMetrics.dynamicRange(clean));
		StripePreview p = StripePreview.of(striped, StripeFilters.parse("sorting"));
		assertSame(striped, p.before);
		assertEquals(StripeMetrics.stripeEnergy(striped), p.stripeEnergyBefore);
		assertEquals(StripeMetrics.stripeEnergy(p.after), p.stripeEnergyAfter);
		assertEquals(StripeMetrics.rmsDifference(striped, p.after), p.rmsChange);
		assertTrue(p.stripeEnergyRatio() < 1);
		assertTrue(p.toString().startsWith("sorting size=21 dim=1"));
	}

	@Test
	void stripeEnergyMeasuresInjectedStripes() {
		// one full stripe of height h in a zero sinogram: the profile's high-pass is h at one column
		float[][] s = new float[50][200];
		SyntheticSinograms.addStripe(s, 100, 1, 0, 50, 2.0);
		assertEquals(2.0 / 200, StripeMetrics.stripeEnergy(s), 1e-9);
		assertEquals(0.0, StripeMetrics.sharpness(s), 0.0);
	}
}
