package org.tomolyte.echem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomolyte.model.Table;

/** Result of a staircase current scan analysis ({@link StrippingOnset}): response per step and the onset. */
public final class OnsetResult {

	/** Steady response of one current level. */
	public static final class Level {
		public final CurrentStep step;
		/** Position among the scan's levels, from 0. */
		public final int level;
		/** |j| (mA cm⁻²). */
		public final double densityMaCm2;
		/** Polarisation |E − E_rest| in the current's direction, median over the end of the step (V). */
		public final double overpotentialV;
		/** Value of the Ohmic line at this density (V). */
		public final double fitV;
		public final double residualV;
		public final double thresholdV;
		public final boolean nonlinear;

		Level(CurrentStep step, int level, double densityMaCm2, double overpotentialV, double fitV, double residualV, double thresholdV, boolean nonlinear) {
			this.step = step;
			this.level = level;
			this.densityMaCm2 = densityMaCm2;
			this.overpotentialV = overpotentialV;
			this.fitV = fitV;
			this.residualV = residualV;
			this.thresholdV = thresholdV;
			this.nonlinear = nonlinear;
		}
	}

	private final String source;
	private final double areaCm2;
	private final Direction direction;
	private final List<Level> levels;
	private final int onsetLevel;
	private final int fitSteps;
	private final double interceptV;
	private final double slopeVPerMaCm2;
	private final double sigmaV;
	private final double nSigma;
	private final double relTol;

	OnsetResult(String source, double areaCm2, Direction direction, List<Level> levels, int onsetLevel, int fitSteps, double interceptV, double slopeVPerMaCm2,
			double sigmaV, double nSigma, double relTol) {
		this.source = source;
		this.areaCm2 = areaCm2;
		this.direction = direction;
		this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
		this.onsetLevel = onsetLevel;
		this.fitSteps = fitSteps;
		this.interceptV = interceptV;
		this.slopeVPerMaCm2 = slopeVPerMaCm2;
		this.sigmaV = sigmaV;
		this.nSigma = nSigma;
		this.relTol = relTol;
	}

	public List<Level> levels() {
		return levels;
	}

	public Direction direction() {
		return direction;
	}

	/** Index (among levels) of the first non-linear level, −1 if the response stayed Ohmic. */
	public int onsetLevel() {
		return onsetLevel;
	}

	public boolean hasOnset() {
		return onsetLevel >= 0;
	}

	/** |j| of the first level off the Ohmic line (mA cm⁻²), NaN if none. */
	public double onsetDensityMaCm2() {
		return onsetLevel < 0 ? Double.NaN : levels.get(onsetLevel).densityMaCm2;
	}

	/** |j| of the last level on the Ohmic line (mA cm⁻²). */
	public double lastLinearDensityMaCm2() {
		int k = onsetLevel < 0 ? levels.size() - 1 : onsetLevel - 1;
		return k < 0 ? Double.NaN : levels.get(k).densityMaCm2;
	}

	/** Slope of the Ohmic line as an area-specific resistance (Ω cm²). */
	public double ohmicAsrOhmCm2() {
		return slopeVPerMaCm2 * 1000;
	}

	public double interceptV() {
		return interceptV;
	}

	public double sigmaV() {
		return sigmaV;
	}

	/** Number of levels the final Ohmic line was fitted on. */
	public int fitSteps() {
		return fitSteps;
	}

	/**
	 * Table {@code onset_steps}: {@code step, level, start_s, end_s, current_ma, current_density_ma_cm2,
	 * overpotential_v, ohmic_fit_v, residual_v, threshold_v, nonlinear} (densities are magnitudes; residuals
	 * against the final Ohmic line; {@code nonlinear} yes/no).
	 */
	public Table stepsTable() {
		Table t = new Table("onset_steps", "step", "level", "start_s", "end_s", "current_ma", "current_density_ma_cm2", "overpotential_v", "ohmic_fit_v",
				"residual_v", "threshold_v", "nonlinear");
		for (Level l : levels)
			t.addRow(l.step.index(), l.level, l.step.startS(), l.step.endS(), l.step.currentMa(), l.densityMaCm2, l.overpotentialV, l.fitV, l.residualV,
					l.thresholdV, l.nonlinear ? "yes" : "no");
		return t;
	}

	/**
	 * Table {@code onset_summary}, one row: {@code source, area_cm2, direction, levels, fit_steps,
	 * ohmic_asr_ohm_cm2, intercept_v, sigma_v, onset, onset_level, onset_current_density_ma_cm2,
	 * last_linear_density_ma_cm2, n_sigma, rel_tol}.
	 */
	public Table summaryTable() {
		Table t = new Table("onset_summary", "source", "area_cm2", "direction", "levels", "fit_steps", "ohmic_asr_ohm_cm2", "intercept_v", "sigma_v", "onset",
				"onset_level", "onset_current_density_ma_cm2", "last_linear_density_ma_cm2", "n_sigma", "rel_tol");
		t.addRow(source, areaCm2, direction.label(), levels.size(), fitSteps, ohmicAsrOhmCm2(), interceptV, sigmaV, hasOnset() ? "yes" : "no", onsetLevel,
				onsetDensityMaCm2(), lastLinearDensityMaCm2(), nSigma, relTol);
		return t;
	}

	/** Output file name → table: {@code onset_steps.csv}, {@code onset_summary.csv}. */
	public Map<String, Table> tables() {
		Map<String, Table> m = new LinkedHashMap<>();
		m.put("onset_steps.csv", stepsTable());
		m.put("onset_summary.csv", summaryTable());
		return m;
	}
}
