package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomolyte.model.Table;

/** Result of a pulsed-stripping analysis ({@link PulsedStripping}): one experiment per trace (rest length). */
public final class PulsedResult {

	/** One current pulse and the rest after it. */
	public static final class Pulse {
		public final int pulse;
		public final CurrentStep step;
		public final double densityMaCm2;
		/** Polarisation at the last sample of the pulse (V). */
		public final double overpotentialEndV;
		public final double overpotentialMeanV;
		/** Rest after the pulse (s), 0 if none. */
		public final double restS;
		/** Voltage relaxed during the rest: from the last pulse sample to the end of the rest (V). */
		public final double relaxationV;
		/** Time from the end of the pulse until 95 % of the relaxation was reached (s), NaN without rest. */
		public final double t95S;
		/** Exponential time constant fitted to the rest after the skip time (s), NaN if too short. */
		public final double tauS;
		/** Areal capacity passed from the first pulse to the end of this pulse (mAh cm⁻²). */
		public final double capacityMahCm2;

		Pulse(int pulse, CurrentStep step, double densityMaCm2, double endV, double meanV, double restS, double relaxationV, double t95S, double tauS,
				double capacityMahCm2) {
			this.pulse = pulse;
			this.step = step;
			this.densityMaCm2 = densityMaCm2;
			this.overpotentialEndV = endV;
			this.overpotentialMeanV = meanV;
			this.restS = restS;
			this.relaxationV = relaxationV;
			this.t95S = t95S;
			this.tauS = tauS;
			this.capacityMahCm2 = capacityMahCm2;
		}
	}

	/** One pulsed-stripping run. */
	public static final class Experiment {
		public final int experiment;
		public final String source;
		public final List<Pulse> pulses;
		/** Median rest between pulses (s); 0 for continuous stripping. */
		public final double restS;
		/** Median pulse length (s), the last (cut) pulse excluded. */
		public final double pulseS;
		public final double densityMaCm2;
		public final double cutoffV;
		public final boolean cutoffReached;
		public final double cutoffTimeS;
		/** Stripping capacity passed until the cutoff (or the end of the run if never reached) (mAh cm⁻²). */
		public final double criticalCapacityMahCm2;
		/** Median of the fitted relaxation time constants (s). */
		public final double relaxationTauS;
		/** Median time to 95 % relaxation over the rests (s). */
		public final double relaxationT95S;

		Experiment(int experiment, String source, List<Pulse> pulses, double restS, double pulseS, double densityMaCm2, double cutoffV, boolean cutoffReached,
				double cutoffTimeS, double criticalCapacityMahCm2, double relaxationTauS, double relaxationT95S) {
			this.experiment = experiment;
			this.source = source;
			this.pulses = Collections.unmodifiableList(new ArrayList<>(pulses));
			this.restS = restS;
			this.pulseS = pulseS;
			this.densityMaCm2 = densityMaCm2;
			this.cutoffV = cutoffV;
			this.cutoffReached = cutoffReached;
			this.cutoffTimeS = cutoffTimeS;
			this.criticalCapacityMahCm2 = criticalCapacityMahCm2;
			this.relaxationTauS = relaxationTauS;
			this.relaxationT95S = relaxationT95S;
		}
	}

	private final double areaCm2;
	private final List<Experiment> experiments;

	PulsedResult(double areaCm2, List<Experiment> experiments) {
		this.areaCm2 = areaCm2;
		this.experiments = Collections.unmodifiableList(new ArrayList<>(experiments));
	}

	public double areaCm2() {
		return areaCm2;
	}

	/** Experiments in the order the traces were given. */
	public List<Experiment> experiments() {
		return experiments;
	}

	/**
	 * Table {@code pulses}: {@code experiment, source, pulse, step, start_s, end_s, duration_s, current_ma,
	 * current_density_ma_cm2, overpotential_end_v, overpotential_mean_v, rest_s, relaxation_v,
	 * relaxation_t95_s, relaxation_tau_s, capacity_mah_cm2}.
	 */
	public Table pulsesTable() {
		Table t = new Table("pulses", "experiment", "source", "pulse", "step", "start_s", "end_s", "duration_s", "current_ma", "current_density_ma_cm2",
				"overpotential_end_v", "overpotential_mean_v", "rest_s", "relaxation_v", "relaxation_t95_s", "relaxation_tau_s", "capacity_mah_cm2");
		for (Experiment e : experiments)
			for (Pulse p : e.pulses)
				t.addRow(e.experiment, e.source, p.pulse, p.step.index(), p.step.startS(), p.step.endS(), p.step.durationS(), p.step.currentMa(), p.densityMaCm2,
						p.overpotentialEndV, p.overpotentialMeanV, p.restS, p.relaxationV, p.t95S, p.tauS, p.capacityMahCm2);
		return t;
	}

	/**
	 * Table {@code capacity_vs_rest}, one row per experiment sorted by rest length: {@code experiment, source,
	 * rest_s, pulse_s, current_density_ma_cm2, pulses, cutoff_v, cutoff_reached, cutoff_time_s,
	 * critical_capacity_mah_cm2, relaxation_tau_s, relaxation_t95_s}.
	 */
	public Table capacityTable() {
		Table t = new Table("capacity_vs_rest", "experiment", "source", "rest_s", "pulse_s", "current_density_ma_cm2", "pulses", "cutoff_v", "cutoff_reached",
				"cutoff_time_s", "critical_capacity_mah_cm2", "relaxation_tau_s", "relaxation_t95_s");
		List<Experiment> sorted = new ArrayList<>(experiments);
		sorted.sort(Comparator.comparingDouble((Experiment e) -> e.restS).thenComparingInt(e -> e.experiment));
		for (Experiment e : sorted)
			t.addRow(e.experiment, e.source, e.restS, e.pulseS, e.densityMaCm2, e.pulses.size(), e.cutoffV, e.cutoffReached ? "yes" : "no", e.cutoffTimeS,
					e.criticalCapacityMahCm2, e.relaxationTauS, e.relaxationT95S);
		return t;
	}

	/** Output file name → table: {@code pulses.csv}, {@code capacity_vs_rest.csv}. */
	public Map<String, Table> tables() {
		Map<String, Table> m = new LinkedHashMap<>();
		m.put("pulses.csv", pulsesTable());
		m.put("capacity_vs_rest.csv", capacityTable());
		return m;
	}
}
