package org.tomolyte.drt;

import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;

class DrtQuick2Test {
	@Test
	void quick() {
		Spectrum s = EisFiles.read("synthetic/2ZARC1.csv");
		for (double lam : new double[] { 1e-3, 2e-3 }) {
			DrtResult r = Drt.fit(s, DrtSettings.builder().lambda(lam).build());
			System.out.println(r);
			for (DrtPeak p : r.peaks()) System.out.println("  " + p + " w " + p.width());
		}
	}
}
