package org.tomolyte.bench;

import java.util.ArrayList;
import java.util.List;

import org.tomolyte.echem.CapacityAtTime;
import org.tomolyte.echem.CriticalCurrentDensity;
import org.tomolyte.echem.PulsedStripping;
import org.tomolyte.echem.StrippingOnset;
import org.tomolyte.model.Trace;
import org.tomolyte.synth.echem.CcdStaircaseGenerator;
import org.tomolyte.synth.echem.PulsedStrippingGenerator;
import org.tomolyte.synth.echem.PulsedTruth;
import org.tomolyte.synth.echem.StaircaseScanGenerator;
import org.tomolyte.synth.echem.SyntheticTrace;

/** Times the cycling analyses on large synthetic traces (rows per second), single thread. */
public class EchemBench {
	public static void main(String[] args) {
		for (int rep = 0; rep < 2; rep++) {
			long t0 = System.nanoTime();
			SyntheticTrace<?> ccd = CcdStaircaseGenerator.generate(new CcdStaircaseGenerator.Params().sampleIntervalS(0.1), 1);
			long t1 = System.nanoTime();
			CriticalCurrentDensity.analyse(ccd.trace(), ccd.areaCm2());
			long t2 = System.nanoTime();
			report("CCD generate", ccd.trace().rowCount(), t1 - t0);
			report("CCD analyse", ccd.trace().rowCount(), t2 - t1);

			SyntheticTrace<?> sg = StaircaseScanGenerator.generate(new StaircaseScanGenerator.Params().sampleIntervalS(0.01), 1);
			long t3 = System.nanoTime();
			StrippingOnset.analyse(sg.trace(), sg.areaCm2());
			report("Onset analyse", sg.trace().rowCount(), System.nanoTime() - t3);

			List<SyntheticTrace<PulsedTruth>> runs = PulsedStrippingGenerator.series(new PulsedStrippingGenerator.Params(), new double[] { 0, 0.1, 0.5, 1, 2, 5, 10 }, 1);
			List<Trace> traces = new ArrayList<>();
			long rows = 0;
			for (SyntheticTrace<PulsedTruth> r : runs) {
				traces.add(r.trace());
				rows += r.trace().rowCount();
			}
			long t4 = System.nanoTime();
			PulsedStripping.analyse(traces, runs.get(0).areaCm2());
			report("Pulsed analyse (7 runs)", rows, System.nanoTime() - t4);

			CapacityAtTime cap = CapacityAtTime.of(ccd.trace(), ccd.areaCm2());
			double[] times = new double[1_000_000];
			double end = ccd.trace().timeS()[ccd.trace().rowCount() - 1];
			for (int k = 0; k < times.length; k++)
				times[k] = end * k / times.length;
			long t5 = System.nanoTime();
			double[] q = cap.chargeMahCm2At(times);
			report("Capacity at 1e6 times", times.length, System.nanoTime() - t5);
			if (Double.isNaN(q[q.length / 2])) System.out.println("unexpected NaN");
		}
	}

	private static void report(String what, long n, long nanos) {
		System.out.printf("%-26s %9d items %8.1f ms  %8.2f M items/s%n", what, n, nanos / 1e6, n / (nanos / 1e9) / 1e6);
	}
}
