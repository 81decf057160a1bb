package org.tomolyte.drt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomolyte.model.Spectrum;

class DrtQuickTest {
	@Test
	void quick() {
		String[] sels = { "fixed:1e-3", "fixed:2e-3", "fixed:3e-3", "fixed:5e-3", "fixed:1e-2", "gcv:0", "mgcv:0", "lcurve:0" };
		for (int d = 1; d <= 2; d++)
			for (String sel : sels) {
				String[] a = sel.split(":");
				DrtSettings st = DrtSettings.builder().derivative(d).lambdaSelection(a[0]).lambda(a[0].equals("fixed") ? Double.parseDouble(a[1]) : 1e-3).build();
				double maxTau = 0, maxR = 0;
				String worst = "";
				for (int k = -1; k <= 5; k++) {
					Spectrum s = EisFiles.read(k < 0 ? "synthetic/2XZARCequal.csv" : "synthetic/2ZARC" + k + ".csv");
					double r1 = k < 0 ? 50 : DrtAccuracyTest.trueR1AndRms(s)[0];
					List<DrtPeak> p = DrtAccuracyTest.mainPeaks(Drt.fit(s, st));
					double[] te = { Math.abs(Math.log10(p.get(0).tauS() / 1e-4)), Math.abs(Math.log10(p.get(1).tauS() / 0.1)) };
					double[] re = { Math.abs(p.get(0).resistanceOhm() / 50 - 1), Math.abs(p.get(1).resistanceOhm() / r1 - 1) };
					for (int j = 0; j < 2; j++) {
						if (te[j] > maxTau) { maxTau = te[j]; }
						if (re[j] > maxR) { maxR = re[j]; worst = "k=" + k + " peak " + j; }
					}
				}
				System.out.printf("d=%d %-12s max tau err %.3f dec, max R err %.3f (%s)%n", d, sel, maxTau, maxR, worst);
			}
	}
}
