package org.tomolyte.synth.echem;

import java.io.IOException;
import java.nio.file.Path;

import org.tomolyte.model.Trace;

/**
 * A generated potentiostat trace together with its exact current program and the truth the analyses must
 * recover (a {@code CcdTruth}, {@code StaircaseTruth} or {@code PulsedTruth}).
 *
 * @param <T> the truth type
 */
public final class SyntheticTrace<T> {
	private final Trace trace;
	private final CurrentProgram program;
	private final double areaCm2;
	private final T truth;

	SyntheticTrace(Trace trace, CurrentProgram program, double areaCm2, T truth) {
		this.trace = trace;
		this.program = program;
		this.areaCm2 = areaCm2;
		this.truth = truth;
	}

	public Trace trace() {
		return trace;
	}

	public CurrentProgram program() {
		return program;
	}

	public double areaCm2() {
		return areaCm2;
	}

	public T truth() {
		return truth;
	}

	/** Writes the truth object as JSON. */
	public void writeTruth(Path file) throws IOException {
		TruthJson.write(truth, file);
	}

	/**
	 * {@code count} tomography scans of {@code durationS} each, spread evenly over the experiment (the first
	 * starts at the program start, the last ends at the program end; scans may not overlap).
	 */
	public ScanTimes scanTimes(int count, double durationS) {
		if (count < 1) throw new IllegalArgumentException("Scan count must be at least 1, got " + count);
		double t0 = program.startS(), t1 = program.endS();
		double span = t1 - t0 - durationS;
		if (span < 0 || (count > 1 && span / (count - 1) < durationS))
			throw new IllegalArgumentException(count + " scans of " + durationS + " s do not fit in the " + (t1 - t0) + " s experiment");
		double[] s = new double[count], e = new double[count];
		for (int k = 0; k < count; k++) {
			s[k] = count == 1 ? t0 : t0 + span * k / (count - 1);
			e[k] = s[k] + durationS;
		}
		return new ScanTimes(s, e, program, areaCm2);
	}
}
