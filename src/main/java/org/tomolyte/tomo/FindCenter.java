package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;
import java.util.Locale;

import org.tomolyte.model.Table;
import org.tomolyte.task.Progress;

/**
 * Façade for the "Find Rotation Center" action: centres of rotation at one or more detector rows by Vo's
 * Fourier metric ({@link CenterVo}) with the 0°/180° phase correlation ({@link CenterPhaseCorrelation}) as an
 * independent check, a 360° scan handled by its first half or, in half-acquisition mode, by the offset-axis
 * overlap search ({@link HalfAcquisition}); with several rows, the axis tilt ({@link AxisTilt}).
 *
 * <pre>
 * // run("Find Rotation Center", "input=[path] row=-1 angles=[0-180] method=vo search_from=0 search_to=0 output=[c.csv]")
 * ProjectionSource src = TomoInput.open(new TomoInput.Spec(input).angles(angles));
 * FindCenter.Result r = FindCenter.run(src, new FindCenter.Settings().method(FindCenter.Method.parse(method))
 *         .rows(row).range(searchFrom, searchTo), progress);
 * CsvTables.write(r.table(), output);
 * </pre>
 */
public final class FindCenter {
	private FindCenter() {}

	/** Primary method reported as {@code center_px}. */
	public enum Method {
		VO, PHASE_CORRELATION;

		public static Method parse(String s) {
			String n = s.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
			if (n.equals("vo") || n.equals("fourier")) return VO;
			if (n.equals("phasecorrelation") || n.equals("pc") || n.equals("correlation")) return PHASE_CORRELATION;
			throw new TomoException("Unknown centre method '" + s + "': use vo or phase-correlation");
		}
	}

	/** Acquisition geometry. */
	public enum Mode {
		/** 180° scan, or 360° scan with the axis inside the sample (its first half is used). */
		STANDARD,
		/** 360° scan with the axis near a detector edge. */
		HALF_ACQUISITION
	}

	/** Settings; defaults: Vo, standard mode, middle row, automatic range. */
	public static final class Settings {
		Method method = Method.VO;
		Mode mode = Mode.STANDARD;
		int[] rows;
		double fromPx, toPx;
		int threads = Parallel.threads(0);
		FlatField flatField = FlatField.defaults();
		java.util.function.UnaryOperator<float[][]> preprocess = java.util.function.UnaryOperator.identity();

		public Settings method(Method m) {
			method = m;
			return this;
		}

		public Settings mode(Mode m) {
			mode = m;
			return this;
		}

		/** Detector rows to evaluate; null or {−1} for the middle row. */
		public Settings rows(int... r) {
			rows = r;
			return this;
		}

		/** Search range in detector pixels; 0, 0 for automatic (middle half of the detector). */
		public Settings range(double from, double to) {
			fromPx = from;
			toPx = to;
			return this;
		}

		public Settings threads(int t) {
			threads = Math.max(1, t);
			return this;
		}

		public Settings flatField(FlatField f) {
			flatField = f;
			return this;
		}

		/** Sinogram preprocessing applied before the search (e.g. stripe removal). */
		public Settings preprocess(java.util.function.UnaryOperator<float[][]> p) {
			preprocess = p;
			return this;
		}
	}

	/** Centres per row from both methods, the primary one and the tilt. */
	public static final class Result {
		public final int[] rows;
		public final double[] centersPx;
		public final double[] voPx;
		public final double[] phaseCorrelationPx;
		public final Method method;
		public final Mode mode;
		/** Line fit of the primary centres over the rows; null with a single row. */
		public final AxisTilt tilt;

		Result(int[] rows, double[] voPx, double[] pcPx, Method method, Mode mode) {
			this.rows = rows;
			this.voPx = voPx;
			this.phaseCorrelationPx = pcPx;
			this.method = method;
			this.mode = mode;
			this.centersPx = method == Method.VO || mode == Mode.HALF_ACQUISITION ? voPx : pcPx;
			this.tilt = rows.length >= 2 ? AxisTilt.fit(rows, centersPx) : null;
		}

		/** Table {@code row, center_px, vo_px, phase_correlation_px}. */
		public Table table() {
			Table t = new Table("Rotation centre", "row", "center_px", "vo_px", "phase_correlation_px", "axis_tilt_deg");
			double tiltDeg = tilt == null ? Double.NaN : tilt.angleDeg();
			for (int i = 0; i < rows.length; i++)
				t.addRow(rows[i], centersPx[i], voPx[i], phaseCorrelationPx[i], tiltDeg);
			return t;
		}

		/** The primary centre at the middle of the evaluated rows (the line fit when several rows). */
		public double center() {
			if (tilt != null) {
				double mid = 0;
				for (int r : rows)
					mid += r;
				return tilt.centerAt(mid / rows.length);
			}
			return centersPx[0];
		}
	}

	/** Finds the centre at the configured rows of a scan. */
	public static Result run(ProjectionSource source, Settings s, Progress progress) {
		Progress p = progress == null ? Progress.NONE : progress;
		int[] rows = s.rows == null || s.rows.length == 0 || (s.rows.length == 1 && s.rows[0] < 0) ? new int[] { source.height() / 2 } : s.rows.clone();
		for (int r : rows)
			if (r < 0 || r >= source.height())
				throw new TomoException("Row " + r + " is outside the detector of " + source.description() + " (0 to " + (source.height() - 1) + ")");
		double[] vo = new double[rows.length];
		double[] pc = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			p.checkCancelled();
			p.report((double) i / rows.length, "Centre of rotation at row " + rows[i]);
			ProjectionSet raw = source.readRows(rows[i], 1);
			ProjectionSet li = s.flatField.apply(raw).projections();
			double[] both = ofSinogram(s.preprocess.apply(li.sinogram(0)), li.anglesRad(), s);
			vo[i] = both[0];
			pc[i] = both[1];
		}
		p.report(1, "Centre of rotation done");
		return new Result(rows, vo, pc, s.method, s.mode);
	}

	/**
	 * Centre of one sinogram of line integrals by both methods: {Vo (or the half-acquisition search), phase
	 * correlation (NaN in half-acquisition mode)}.
	 */
	public static double[] ofSinogram(float[][] sinogram, double[] anglesRad, Settings s) {
		Sinograms.check(sinogram, anglesRad, "sinogram");
		int w = sinogram[0].length;
		if (s.fromPx != 0 || s.toPx != 0) {
			double lo = Math.min(s.fromPx, s.toPx), hi = Math.max(s.fromPx, s.toPx);
			if (lo < 0 || hi > w - 1)
				throw new TomoException("Centre search range " + lo + " to " + hi + " px is outside the detector (0 to " + (w - 1) + " px)");
		}
		if (s.mode == Mode.HALF_ACQUISITION) {
			double c = HalfAcquisition.findCenter(sinogram, anglesRad, Math.max(8, w / 50));
			return new double[] { c, Double.NaN };
		}
		double vo = new CenterVo(0.5, s.threads).find(sinogram, anglesRad, s.fromPx, s.toPx);
		double pc = CenterPhaseCorrelation.find(anglesRad, sinogram).centerPx;
		return new double[] { vo, pc };
	}
}
