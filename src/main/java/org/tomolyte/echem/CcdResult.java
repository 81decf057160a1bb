package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomolyte.model.Table;

/**
 * Result of a critical-current-density staircase analysis ({@link CriticalCurrentDensity}): per-step
 * polarisation statistics and classification, and the short circuit if one happened.
 */
public final class CcdResult {

	/** Polarisation class of a current step. */
	public enum Polarisation {
		STABLE, GROWING, DECREASING, SHORTED, REST;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** Statistics of one segment; overpotentials are polarisations |E − E_rest| in the current's direction (V). */
	public static final class Step {
		public final CurrentStep step;
		public final double densityMaCm2;
		public final double restPotentialV;
		public final double overpotentialMeanV;
		public final double overpotentialMedianV;
		public final double overpotentialMaxV;
		public final double overpotentialEndV;
		public final double slopeVPerH;
		public final double relativeRise;
		public final Polarisation polarisation;
		public final double capacityMahCm2;

		Step(CurrentStep step, double densityMaCm2, double restPotentialV, double mean, double median, double max, double end, double slopeVPerH,
				double relativeRise, Polarisation polarisation, double capacityMahCm2) {
			this.step = step;
			this.densityMaCm2 = densityMaCm2;
			this.restPotentialV = restPotentialV;
			this.overpotentialMeanV = mean;
			this.overpotentialMedianV = median;
			this.overpotentialMaxV = max;
			this.overpotentialEndV = end;
			this.slopeVPerH = slopeVPerH;
			this.relativeRise = relativeRise;
			this.polarisation = polarisation;
			this.capacityMahCm2 = capacityMahCm2;
		}
	}

	/** Where and when the voltage collapsed towards 0 V. */
	public static final class ShortCircuit {
		public final int stepIndex;
		/** Estimated start of the collapse (s). */
		public final double timeS;
		/** First sample below the collapse threshold (s). */
		public final double detectedS;
		public final Direction direction;
		/** Magnitude of the current density of the failing step (mA cm⁻²). */
		public final double densityMaCm2;
		/** Capacity passed within the failing step up to the collapse (mAh cm⁻²). */
		public final double stepCapacityMahCm2;
		/** ∫|I|dt / area from the start of the trace (mAh cm⁻²). */
		public final double throughputMahCm2;
		/** Net ∫ I dt / area from the start of the trace (mAh cm⁻²). */
		public final double chargeMahCm2;
		public final double polarisationBeforeV;
		public final double polarisationAfterV;

		ShortCircuit(int stepIndex, double timeS, double detectedS, Direction direction, double densityMaCm2, double stepCapacityMahCm2,
				double throughputMahCm2, double chargeMahCm2, double before, double after) {
			this.stepIndex = stepIndex;
			this.timeS = timeS;
			this.detectedS = detectedS;
			this.direction = direction;
			this.densityMaCm2 = densityMaCm2;
			this.stepCapacityMahCm2 = stepCapacityMahCm2;
			this.throughputMahCm2 = throughputMahCm2;
			this.chargeMahCm2 = chargeMahCm2;
			this.polarisationBeforeV = before;
			this.polarisationAfterV = after;
		}
	}

	private final String source;
	private final double areaCm2;
	private final List<Step> steps;
	private final ShortCircuit shortCircuit;
	private final double growthThreshold;
	private final double collapseFraction;

	CcdResult(String source, double areaCm2, List<Step> steps, ShortCircuit shortCircuit, double growthThreshold, double collapseFraction) {
		this.source = source;
		this.areaCm2 = areaCm2;
		this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
		this.shortCircuit = shortCircuit;
		this.growthThreshold = growthThreshold;
		this.collapseFraction = collapseFraction;
	}

	public String source() {
		return source;
	}

	/** All segments (current steps and rests) in time order. */
	public List<Step> steps() {
		return steps;
	}

	public Optional<ShortCircuit> shortCircuit() {
		return Optional.ofNullable(shortCircuit);
	}

	/** Density of the first stripping step whose polarisation grows (mA cm⁻², magnitude), NaN if none. */
	public double firstGrowingStrippingDensityMaCm2() {
		for (Step s : steps)
			if (s.step.direction() == Direction.STRIPPING && s.polarisation == Polarisation.GROWING) return Math.abs(s.densityMaCm2);
		return Double.NaN;
	}

	/** Highest density of a stable stripping step before the first growing or shorted one (mA cm⁻²), NaN if none. */
	public double lastStableStrippingDensityMaCm2() {
		double best = Double.NaN;
		for (Step s : steps) {
			if (s.polarisation == Polarisation.SHORTED || (s.step.direction() == Direction.STRIPPING && s.polarisation == Polarisation.GROWING)) break;
			if (s.step.direction() == Direction.STRIPPING && s.polarisation == Polarisation.STABLE)
				best = Double.isNaN(best) ? Math.abs(s.densityMaCm2) : Math.max(best, Math.abs(s.densityMaCm2));
		}
		return best;
	}

	/**
	 * Table {@code steps} (current densities signed: positive = stripping; overpotentials are polarisation
	 * magnitudes in the current's direction; capacity = ∫|I|dt/area over the segment): {@code step, start_s, end_s, duration_s, points, current_ma, current_set_ma,
	 * current_density_ma_cm2, direction, rest_potential_v, overpotential_mean_v, overpotential_median_v,
	 * overpotential_max_v, overpotential_end_v, overpotential_slope_v_per_h, relative_rise, polarisation,
	 * capacity_mah_cm2}; one row per segment, rests included (their overpotentials NaN).
	 */
	public Table stepsTable() {
		Table t = new Table("steps", "step", "start_s", "end_s", "duration_s", "points", "current_ma", "current_set_ma", "current_density_ma_cm2",
				"direction", "rest_potential_v", "overpotential_mean_v", "overpotential_median_v", "overpotential_max_v", "overpotential_end_v",
				"overpotential_slope_v_per_h", "relative_rise", "polarisation", "capacity_mah_cm2");
		for (Step s : steps) {
			CurrentStep c = s.step;
			t.addRow(c.index(), c.startS(), c.endS(), c.durationS(), c.rowCount(), c.currentMa(), c.setCurrentMa(), s.densityMaCm2, c.direction().label(),
					s.restPotentialV, s.overpotentialMeanV, s.overpotentialMedianV, s.overpotentialMaxV, s.overpotentialEndV, s.slopeVPerH, s.relativeRise,
					s.polarisation.label(), s.capacityMahCm2);
		}
		return t;
	}

	/**
	 * Table {@code summary}, one row: {@code source, area_cm2, current_steps, short_circuit (yes/no),
	 * short_step, short_time_s, short_detected_s, short_direction, short_current_density_ma_cm2,
	 * short_step_capacity_mah_cm2, short_throughput_mah_cm2, short_charge_mah_cm2,
	 * first_growing_stripping_density_ma_cm2, last_stable_stripping_density_ma_cm2, growth_threshold,
	 * collapse_fraction}.
	 */
	public Table summaryTable() {
		Table t = new Table("summary", "source", "area_cm2", "current_steps", "short_circuit", "short_step", "short_time_s", "short_detected_s", "short_direction",
				"short_current_density_ma_cm2", "short_step_capacity_mah_cm2", "short_throughput_mah_cm2", "short_charge_mah_cm2",
				"first_growing_stripping_density_ma_cm2", "last_stable_stripping_density_ma_cm2", "growth_threshold", "collapse_fraction");
		long current = steps.stream().filter(s -> !s.step.isRest()).count();
		ShortCircuit sc = shortCircuit;
		t.addRow(source, areaCm2, (int) current, sc == null ? "no" : "yes", sc == null ? null : sc.stepIndex, sc == null ? Double.NaN : sc.timeS,
				sc == null ? Double.NaN : sc.detectedS, sc == null ? "" : sc.direction.label(), sc == null ? Double.NaN : sc.densityMaCm2,
				sc == null ? Double.NaN : sc.stepCapacityMahCm2, sc == null ? Double.NaN : sc.throughputMahCm2, sc == null ? Double.NaN : sc.chargeMahCm2,
				firstGrowingStrippingDensityMaCm2(), lastStableStrippingDensityMaCm2(), growthThreshold, collapseFraction);
		return t;
	}

	/** Output file name → table: {@code steps.csv}, {@code summary.csv}. */
	public Map<String, Table> tables() {
		Map<String, Table> m = new LinkedHashMap<>();
		m.put("steps.csv", stepsTable());
		m.put("summary.csv", summaryTable());
		return m;
	}
}
