package org.tomolyte.tomo;

import org.tomolyte.task.Parallel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.tiff.TiffStackWriter;
import org.tomolyte.task.Progress;

/**
 * Façade for the "Reconstruct Slices" action: streams a scan band by band (a few detector rows at a time),
 * normalises (flat/dark, −log), applies the per-sinogram preprocessing hook (stripe and zinger removal plug in
 * here), optionally stitches a half-acquisition scan, reconstructs each row by filtered back-projection
 * ({@link Fbp}) and writes the slices into a TIFF stack (or one TIFF per slice in a folder) that appears only
 * when complete. Memory stays bounded by the band of rows plus one slice.
 *
 * <pre>
 * // run("Reconstruct Slices", "input=[scan.h5] center=auto rows=[100-200] log=true filter=hann output=[rec.tif]")
 * ProjectionSource src = TomoInput.open(new TomoInput.Spec(input).angles(angles).lineIntegrals(!log));
 * Reconstructor.run(src, new Reconstructor.Settings().center(center).rows(rows).log(log)
 *         .filter(FilterWindow.parse(filter)).preprocess(ringsAndZingers), output, progress);
 * </pre>
 */
public final class Reconstructor {
	private Reconstructor() {}

	/** Output value unit. */
	public enum Unit {
		PER_PIXEL, PER_UM
	}

	/** Settings with a fluent builder; defaults: auto centre (Vo), all rows, −log, Ram-Lak, edge padding, mask, per pixel, 32-bit. */
	public static final class Settings {
		double centerPx = Double.NaN;
		FindCenter.Method centerMethod = FindCenter.Method.VO;
		int firstRow = -1, lastRow = -1;
		boolean log = true;
		FilterWindow window = FilterWindow.RAM_LAK;
		Padding padding = Padding.EDGE;
		boolean mask = true;
		Unit unit = Unit.PER_PIXEL;
		int bits = 32;
		double min = Double.NaN, max = Double.NaN;
		int threads = Parallel.threads(0);
		int bandRows = 4;
		boolean halfAcquisition;
		FlatField flatField = FlatField.defaults();
		UnaryOperator<float[][]> preprocess = UnaryOperator.identity();
		UnaryOperator<float[][]> postprocess; // null: none

		/** Rotation centre in detector pixels; NaN for automatic. */
		public Settings center(double px) {
			centerPx = px;
			return this;
		}

		public Settings centerMethod(FindCenter.Method m) {
			centerMethod = m;
			return this;
		}

		/** Rotation centre as a user types it: "auto" (or empty) for automatic, else pixels. */
		public Settings center(String spec) {
			String t = spec == null ? "" : spec.trim();
			if (t.isEmpty() || t.equalsIgnoreCase("auto")) return center(Double.NaN);
			try {
				return center(Double.parseDouble(t));
			} catch (NumberFormatException e) {
				throw new TomoException("Centre '" + spec + "' is neither 'auto' nor a number of pixels");
			}
		}

		/** Rows as a user types them: "first-last", a single row, or "all"/empty for every row. */
		public Settings rows(String spec) {
			String t = spec == null ? "" : spec.trim();
			if (t.isEmpty() || t.equalsIgnoreCase("all")) return rows(-1, -1);
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(?:-\\s*(\\d+))?").matcher(t);
			if (!m.matches()) throw new TomoException("Rows '" + spec + "' must be first-last (e.g. 100-200), a single row, or all");
			int a = Integer.parseInt(m.group(1));
			return rows(a, m.group(2) == null ? a : Integer.parseInt(m.group(2)));
		}

		/** Detector rows first…last inclusive; −1, −1 for all. */
		public Settings rows(int first, int last) {
			firstRow = first;
			lastRow = last;
			return this;
		}

		/** False when the input already holds line integrals. */
		public Settings log(boolean b) {
			log = b;
			return this;
		}

		public Settings filter(FilterWindow w) {
			window = w;
			return this;
		}

		public Settings padding(Padding p) {
			padding = p;
			return this;
		}

		public Settings mask(boolean b) {
			mask = b;
			return this;
		}

		public Settings unit(Unit u) {
			unit = u;
			return this;
		}

		/** 32-bit floats, or 16-bit with [min, max] mapped to 0…65535 (NaN, NaN: from a preview slice). */
		public Settings output(int bits, double min, double max) {
			this.bits = bits;
			this.min = min;
			this.max = max;
			return this;
		}

		public Settings threads(int t) {
			threads = Math.max(1, t);
			return this;
		}

		/** Detector rows read and normalised together (memory ≈ rows × angles × width floats). */
		public Settings bandRows(int n) {
			bandRows = Math.max(1, n);
			return this;
		}

		public Settings halfAcquisition(boolean b) {
			halfAcquisition = b;
			return this;
		}

		public Settings flatField(FlatField f) {
			flatField = f;
			return this;
		}

		/** Per-slice post-processing of the reconstruction ([y][x] in, same shape out), e.g. the polar ring filter. */
		public Settings postprocess(UnaryOperator<float[][]> p) {
			postprocess = p;
			return this;
		}

		/** Per-sinogram preprocessing (line integrals [angle][x] in, same shape out), e.g. stripe and zinger removal. */
		public Settings preprocess(UnaryOperator<float[][]> p) {
			preprocess = p == null ? UnaryOperator.identity() : p;
			return this;
		}
	}

	/** What was written. */
	public static final class Result {
		public final Path output;
		public final int firstRow, lastRow;
		public final double centerPx;
		public final int bits;
		public final double min, max;
		public final long clippedValues;
		public final long clampedTransmissions;
		public final String info;

		Result(Path output, int firstRow, int lastRow, double centerPx, int bits, double min, double max, long clipped, long clamped, String info) {
			this.output = output;
			this.firstRow = firstRow;
			this.lastRow = lastRow;
			this.centerPx = centerPx;
			this.bits = bits;
			this.min = min;
			this.max = max;
			this.clippedValues = clipped;
			this.clampedTransmissions = clamped;
			this.info = info;
		}
	}

	/** One reconstructed slice with the centre used. */
	public static final class Slice {
		public final float[] pixels;
		public final int size;
		public final double centerPx;

		Slice(float[] pixels, int size, double centerPx) {
			this.pixels = pixels;
			this.size = size;
			this.centerPx = centerPx;
		}
	}

	/** Reconstructs one detector row (preview). */
	public static Slice preview(ProjectionSource source, int row, Settings s) {
		int r = row < 0 ? source.height() / 2 : row;
		double c = resolveCenter(source, s, r, r);
		ProjectionSet band = normalise(source.readRows(r, 1), s, new long[1]);
		return slice(band.sinogram(0), band.anglesRad(), c, source.pixelSizeUm(), s);
	}

	/** Reconstructs a sinogram of line integrals directly (no flat field; the preprocessing hook is applied). */
	public static Slice reconstruct(float[][] sinogram, double[] anglesRad, double pixelSizeUm, Settings s) {
		Sinograms.check(sinogram, anglesRad, "sinogram");
		double c = s.centerPx;
		if (Double.isNaN(c)) {
			FindCenter.Settings fs = new FindCenter.Settings().method(s.centerMethod).threads(s.threads)
					.mode(s.halfAcquisition ? FindCenter.Mode.HALF_ACQUISITION : FindCenter.Mode.STANDARD);
			double[] both = FindCenter.ofSinogram(s.preprocess.apply(copy(sinogram)), anglesRad, fs);
			c = s.centerMethod == FindCenter.Method.VO || s.halfAcquisition ? both[0] : both[1];
		}
		return slice(sinogram, anglesRad, c, pixelSizeUm, s);
	}

	private static float[][] copy(float[][] s) {
		float[][] c = new float[s.length][];
		for (int i = 0; i < s.length; i++)
			c[i] = s[i].clone();
		return c;
	}

	private static Slice slice(float[][] sino, double[] angles, double centerPx, double pixelSizeUm, Settings s) {
		float[][] pre = s.preprocess.apply(sino);
		int w = pre[0].length;
		if (!(centerPx >= 0 && centerPx <= w - 1))
			throw new TomoException("Rotation centre " + centerPx + " px is outside the detector (0 to " + (w - 1) + " px)");
		double c = centerPx;
		double[] a = angles;
		if (s.halfAcquisition) {
			HalfAcquisition.Stitched st = HalfAcquisition.stitch(pre, angles, centerPx);
			pre = st.sinogram;
			a = st.anglesRad;
			c = st.centerPx;
		}
		// A full turn uses both halves: the π / n weighting of Fbp stays right (each ray is measured twice over 2π).
		Fbp fbp = new Fbp(s.window, s.padding, s.mask, s.threads);
		float[] img = fbp.reconstruct(pre, a, c, 0);
		if (s.unit == Unit.PER_UM) {
			if (!(pixelSizeUm > 0))
				throw new TomoException("Output per µm needs the pixel size, which the input does not give; set the pixel size or output per pixel");
			float k = (float) (1 / pixelSizeUm);
			for (int i = 0; i < img.length; i++)
				img[i] *= k;
		}
		int n = pre[0].length;
		if (s.postprocess != null) {
			float[][] rows = new float[n][n];
			for (int y = 0; y < n; y++)
				System.arraycopy(img, y * n, rows[y], 0, n);
			rows = s.postprocess.apply(rows);
			for (int y = 0; y < n; y++)
				System.arraycopy(rows[y], 0, img, y * n, n);
		}
		return new Slice(img, n, centerPx);
	}

	private static ProjectionSet normalise(ProjectionSet raw, Settings s, long[] clamped) {
		if (!s.log) return raw.withProjections(raw.projections(), ProjectionSet.Kind.LINE_INTEGRALS);
		FlatField.Result r = s.flatField.apply(raw);
		clamped[0] += r.clampedCount();
		return r.projections();
	}

	private static double resolveCenter(ProjectionSource source, Settings s, int first, int last) {
		double c = s.centerPx;
		int w = source.width();
		if (Double.isNaN(c)) {
			FindCenter.Settings fs = new FindCenter.Settings().method(s.centerMethod).threads(s.threads).rows((first + last) / 2)
					.flatField(s.log ? s.flatField : new FlatField(FlatField.Combine.MEAN, false, false, 1e-4)).preprocess(s.preprocess)
					.mode(s.halfAcquisition ? FindCenter.Mode.HALF_ACQUISITION : FindCenter.Mode.STANDARD);
			if (!s.log) {
				ProjectionSet band = source.readRows((first + last) / 2, 1);
				double[] both = FindCenter.ofSinogram(s.preprocess.apply(band.sinogram(0)), band.anglesRad(), fs);
				c = s.centerMethod == FindCenter.Method.VO || s.halfAcquisition ? both[0] : both[1];
			} else c = FindCenter.run(source, fs, Progress.NONE).center();
		}
		if (!(c >= 0 && c <= w - 1)) throw new TomoException("Rotation centre " + c + " px is outside the detector (0 to " + (w - 1) + " px)");
		return c;
	}

	/**
	 * Reconstructs rows first…last into {@code output}: a {@code .tif}/{@code .tiff} file becomes one stack, any
	 * other path a folder of {@code slice_NNNNN.tif} files (row number). Nothing appears at {@code output} unless
	 * every slice was written.
	 */
	public static Result run(ProjectionSource source, Settings s, Path output, Progress progress) {
		Progress p = progress == null ? Progress.NONE : progress;
		int first = s.firstRow < 0 ? 0 : s.firstRow;
		int last = s.lastRow < 0 ? source.height() - 1 : s.lastRow;
		if (first > last || last >= source.height())
			throw new TomoException("Rows " + first + "–" + last + " are not within the detector rows 0–" + (source.height() - 1) + " of " + source.description());
		if (s.unit == Unit.PER_UM && !(source.pixelSizeUm() > 0))
			throw new TomoException(source.description() + " gives no pixel size; set the pixel size (µm) or output per pixel");
		p.report(0, "Centre of rotation");
		double center = resolveCenter(source, s, first, last);
		p.checkCancelled();
		double min = s.min, max = s.max;
		String scaling;
		if (s.bits == 16 && (Double.isNaN(min) || Double.isNaN(max))) {
			p.report(0.02, "Preview slice for 16-bit scaling");
			Slice prev = slice(normalise(source.readRows((first + last) / 2, 1), s, new long[1]).sinogram(0), source.anglesRad(), center,
					source.pixelSizeUm(), s);
			double[] mm = maskedRange(prev);
			double pad = 0.1 * (mm[1] - mm[0]);
			min = mm[0] - pad;
			max = mm[1] + pad;
			if (!(max > min)) max = min + 1;
			scaling = "auto from the preview slice at row " + (first + last) / 2 + " (its range widened by 10 %)";
		} else scaling = s.bits == 16 ? "given" : "none (32-bit float)";
		String vunit = s.unit == Unit.PER_UM ? "1/um" : "1/pixel";
		int n = last - first + 1;
		int size = s.halfAcquisition ? -1 : source.width();
		String info = info(source, s, center, first, last, min, max, scaling, vunit);
		boolean stack = isTiff(output);
		long[] clamped = new long[1];
		long clipped = 0;
		TiffStackWriter writer = null;
		OutputFolder folder = null;
		try {
			if (!stack) folder = OutputFolder.open(output);
			int done = 0;
			int bandRows = bandRows(source, s.bandRows);
			for (int band = first; band <= last; band += bandRows) {
				int count = Math.min(bandRows, last - band + 1);
				ProjectionSet li = normalise(source.readRows(band, count), s, clamped);
				for (int r = 0; r < count; r++) {
					p.checkCancelled();
					Slice sl = slice(li.sinogram(r), li.anglesRad(), center, source.pixelSizeUm(), s);
					if (size < 0) size = sl.size;
					if (stack) {
						if (writer == null) writer = new TiffStackWriter(output, sl.size, sl.size, n, s.bits, source.pixelSizeUm(), min, max, vunit, info);
						writer.write(sl.pixels);
					} else {
						try (TiffStackWriter one = new TiffStackWriter(folder.file(String.format(Locale.ROOT, "slice_%05d.tif", band + r)), sl.size, sl.size, 1,
								s.bits, source.pixelSizeUm(), min, max, vunit, info + "\nrow: " + (band + r))) {
							one.write(sl.pixels);
							one.commit();
							clipped += one.clippedCount();
						}
					}
					done++;
					p.report(0.05 + 0.95 * done / n, "Slice " + (band + r) + " (" + done + "/" + n + ")");
				}
			}
			if (stack) {
				writer.commit();
				clipped = writer.clippedCount();
			} else folder.commit();
		} catch (java.io.IOException e) {
			throw new TomoException("Cannot write " + output + " (" + e.getMessage() + ")", e);
		} finally {
			if (writer != null) writer.close();
			if (folder != null) folder.close();
		}
		return new Result(output, first, last, center, s.bits, min, max, clipped, clamped[0], info);
	}

	/**
	 * Band height: the requested one, raised to the storage's preferred read size (HDF5 chunk height) when that
	 * fits in a quarter of the heap (raw and normalised copies of the band), so chunked files are decompressed
	 * as few times as possible.
	 */
	static int bandRows(ProjectionSource source, int requested) {
		int preferred = source.preferredBandRows();
		if (preferred <= requested) return requested;
		long bytesPerRow = 2L * 4 * source.anglesRad().length * source.width();
		long budget = Runtime.getRuntime().maxMemory() / 4;
		int fit = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / Math.max(1, bytesPerRow)));
		return Math.max(requested, Math.min(preferred, fit));
	}

	private static boolean isTiff(Path output) {
		String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
		return (n.endsWith(".tif") || n.endsWith(".tiff")) && !Files.isDirectory(output);
	}

	/** Min and max inside the reconstruction circle. */
	static double[] maskedRange(Slice sl) {
		int n = sl.size;
		double h = (n - 1) / 2.0, r2 = (h - 1) * (h - 1);
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				if ((x - h) * (x - h) + (y - h) * (y - h) > r2) continue;
				float v = sl.pixels[y * n + x];
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
		return new double[] { lo, hi };
	}

	private static String info(ProjectionSource src, Settings s, double center, int first, int last, double min, double max, String scaling, String vunit) {
		StringBuilder b = new StringBuilder();
		b.append("Tomolyte filtered back-projection\n");
		b.append("input: ").append(src.description()).append('\n');
		b.append("angles: ").append(AngleList.describe(src.anglesRad())).append('\n');
		b.append("rows: ").append(first).append('-').append(last).append(" (slice k = row ").append(first).append(" + k - 1)\n");
		b.append(String.format(Locale.ROOT, "center_px: %.3f%s%n", center, Double.isNaN(s.centerPx) ? " (auto, " + s.centerMethod.name().toLowerCase(Locale.ROOT) + ")" : ""));
		b.append("filter: ").append(s.window.name().toLowerCase(Locale.ROOT)).append(", padding ").append(s.padding.name().toLowerCase(Locale.ROOT))
				.append(", mask ").append(s.mask).append('\n');
		b.append("log: ").append(s.log).append(", half-acquisition: ").append(s.halfAcquisition).append('\n');
		b.append("values: attenuation ").append(vunit);
		if (src.pixelSizeUm() > 0) b.append(String.format(Locale.ROOT, ", pixel %.6g um", src.pixelSizeUm()));
		b.append('\n');
		if (s.bits == 16)
			b.append(String.format(Locale.ROOT, "16-bit scaling (%s): value = %.8g + raw * %.8g, i.e. raw 0 = %.8g, raw 65535 = %.8g%n", scaling, min,
					(max - min) / 65535, min, max));
		else b.append("32-bit float values\n");
		return b.toString();
	}
}
