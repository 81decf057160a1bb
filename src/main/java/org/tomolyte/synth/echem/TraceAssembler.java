package org.tomolyte.synth.echem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomolyte.model.Trace;

/**
 * Collects synthetic samples row by row and builds a {@link Trace} with the columns EC-Lab's text export
 * uses: {@code time/s, control/mA, Ewe/V, I/mA, (Q-Qo)/mA.h, Ns, cycle number}. The charge column is the
 * instrument-like exact integral of the programmed current, not of the noisy measured current.
 */
final class TraceAssembler {
	private double[] time = new double[1024], control = new double[1024], ewe = new double[1024], current = new double[1024],
			charge = new double[1024], ns = new double[1024], cycle = new double[1024];
	private int n;

	void add(double timeS, double controlMa, double eweV, double currentMa, double chargeMah, int nsValue, int cycleValue) {
		if (n == time.length) {
			int m = n * 2;
			time = java.util.Arrays.copyOf(time, m);
			control = java.util.Arrays.copyOf(control, m);
			ewe = java.util.Arrays.copyOf(ewe, m);
			current = java.util.Arrays.copyOf(current, m);
			charge = java.util.Arrays.copyOf(charge, m);
			ns = java.util.Arrays.copyOf(ns, m);
			cycle = java.util.Arrays.copyOf(cycle, m);
		}
		time[n] = timeS;
		control[n] = controlMa;
		ewe[n] = eweV;
		current[n] = currentMa;
		charge[n] = chargeMah;
		ns[n] = nsValue;
		cycle[n] = cycleValue;
		n++;
	}

	int size() {
		return n;
	}

	double lastTimeS() {
		return n == 0 ? Double.NaN : time[n - 1];
	}

	Trace build(String source, String technique, long seed) {
		Map<String, double[]> cols = new LinkedHashMap<>();
		cols.put(Trace.TIME_S, java.util.Arrays.copyOf(time, n));
		cols.put("control/mA", java.util.Arrays.copyOf(control, n));
		cols.put(Trace.EWE_V, java.util.Arrays.copyOf(ewe, n));
		cols.put(Trace.CURRENT_MA, java.util.Arrays.copyOf(current, n));
		cols.put(Trace.CHARGE_MAH, java.util.Arrays.copyOf(charge, n));
		cols.put("Ns", java.util.Arrays.copyOf(ns, n));
		cols.put(Trace.CYCLE, java.util.Arrays.copyOf(cycle, n));
		Map<String, String> info = new LinkedHashMap<>();
		info.put("technique", technique);
		info.put("synthetic", "true");
		info.put("seed", Long.toString(seed));
		return new Trace(source, cols, info);
	}
}
