package org.tomolyte.cracks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Trace;

class ChargeAxisTest {
	/** A rest, then plating at a constant current: q(t) = |I| (t − t_on) / 3600 / area, exact for piecewise-linear current. */
	@Test
	void restThenConstantCurrent() {
		int n = 301;
		double[] t = new double[n], i = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = 10.0 * k;
			i[k] = t[k] < 500 ? 0 : -0.0882;
		}
		Map<String, double[]> c = new LinkedHashMap<>();
		c.put(Trace.TIME_S, t);
		c.put(Trace.CURRENT_MA, i);
		Trace tr = new Trace("test", c, new LinkedHashMap<>());
		double[] q = ChargeAxis.capacitiesMahCm2(tr, new double[] { 0, 400, 1000, 2500.5 }, 0.126);
		assertEquals(0, q[0], 1e-12);
		assertEquals(0, q[1], 1e-12);
		// the step from 0 to I between 490 s and 500 s counts as a linear ramp: half an interval of current
		double ramp = 0.0882 * 5;
		assertEquals((0.0882 * 500 + ramp) / 3600 / 0.126, q[2], 1e-12);
		assertEquals((0.0882 * 2000.5 + ramp) / 3600 / 0.126, q[3], 1e-12);
		assertEquals(-0.0882, ChargeAxis.currentMaAt(tr, 1234), 1e-12);
	}
}
