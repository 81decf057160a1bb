package org.tomolyte.io.hdf5;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomolyte.tomo.ProjectionSet;
import org.tomolyte.tomo.ProjectionSource;
import org.tomolyte.tomo.TomoException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads parallel-beam projections from HDF5 with the pure-Java jHDF reader, a band of detector rows at a time:
 * the Data Exchange layout (F. De Carlo et al., J. Synchrotron Rad. 21, 1224 (2014): {@code /exchange/data},
 * {@code data_white}, {@code data_dark}, {@code theta}) and NeXus NXtomo ({@code image_key} 0/1/2 marking
 * projections, flats and darks in one frame stack, angles in {@code rotation_angle}). Dataset paths given in the
 * {@link Options} override the auto-detection; flats and darks may come from other files. Errors are
 * {@link TomoException}s listing the datasets the file does contain.
 */
public final class Hdf5Projections implements ProjectionSource {

	/** Which datasets to read; null fields are detected automatically. */
	public static final class Options {
		String dataPath, flatPath, darkPath, anglePath, imageKeyPath;
		Path flatFile, darkFile;
		double[] anglesRad;
		java.util.function.IntFunction<double[]> angleSupplier;
		double pixelSizeUm = Double.NaN;

		/** Angles made by the caller from the number of projections found (e.g. an even range), overriding the file's. */
		public Options angles(java.util.function.IntFunction<double[]> fromProjectionCount) {
			angleSupplier = fromProjectionCount;
			return this;
		}

		public Options dataPath(String p) {
			dataPath = p;
			return this;
		}

		public Options flatPath(String p) {
			flatPath = p;
			return this;
		}

		public Options darkPath(String p) {
			darkPath = p;
			return this;
		}

		public Options anglePath(String p) {
			anglePath = p;
			return this;
		}

		public Options imageKeyPath(String p) {
			imageKeyPath = p;
			return this;
		}

		/** Flats from another HDF5 file (dataset {@link #flatPath} or auto-detected there). */
		public Options flatFile(Path f) {
			flatFile = f;
			return this;
		}

		/** Darks from another HDF5 file. */
		public Options darkFile(Path f) {
			darkFile = f;
			return this;
		}

		/** Angles given by the user (rad), overriding the file's. */
		public Options anglesRad(double[] a) {
			anglesRad = a == null ? null : a.clone();
			return this;
		}

		/** Pixel size given by the user, overriding the file's. */
		public Options pixelSizeUm(double um) {
			pixelSizeUm = um;
			return this;
		}
	}

	private final Path file;
	private final String dataPath;
	private final int frames, height, width;
	private final int[] projectionFrames;
	private final int[] flatFrames;
	private final int[] darkFrames;
	private final double[] flatPositions;
	private final FrameStack flatStack, darkStack;
	private final double[] anglesRad;
	private final double pixelSizeUm;
	private final String layout;
	private final int chunkRows;

	/** A stack of frames [frame][row][x] in some file. */
	private static final class FrameStack {
		final Path file;
		final String path;
		final int[] frames;

		FrameStack(Path file, String path, int[] frames) {
			this.file = file;
			this.path = path;
			this.frames = frames;
		}
	}

	private Hdf5Projections(Path file, Options o) {
		this.file = file;
		try (HdfFile h = open(file)) {
			Map<String, int[]> all = datasets(h);
			String data = o.dataPath;
			String keyPath = o.imageKeyPath;
			if (data == null) {
				if (all.containsKey("/exchange/data")) data = "/exchange/data";
				else {
					keyPath = keyPath != null ? keyPath : find(all, "image_key", 1);
					if (keyPath != null) data = sibling(all, keyPath, "data", 3);
					if (data == null) data = find(all, "data", 3);
				}
			}
			if (data == null || !all.containsKey(data))
				throw new TomoException(file + ": no projection dataset " + (data == null ? "found (looked for /exchange/data and an NXtomo data + image_key)" : data)
						+ ". The file contains: " + listing(all) + ". Give the dataset path explicitly.");
			int[] dims = all.get(data);
			if (dims.length != 3)
				throw new TomoException(file + ": dataset " + data + " has shape " + Arrays.toString(dims) + ", expected 3 dimensions [projection, row, x]");
			this.dataPath = data;
			Dataset ds = h.getDatasetByPath(data);
			this.chunkRows = ds instanceof io.jhdf.api.dataset.ChunkedDataset ? ((io.jhdf.api.dataset.ChunkedDataset) ds).getChunkDimensions()[1] : 0;
			this.frames = dims[0];
			this.height = dims[1];
			this.width = dims[2];
			if (keyPath == null && !data.startsWith("/exchange/")) keyPath = sibling(all, data, "image_key", 1);
			if (keyPath != null && !all.containsKey(keyPath))
				throw new TomoException(file + ": no image_key dataset " + keyPath + ". The file contains: " + listing(all));
			double[] fileAngles;
			if (keyPath != null) {
				int[] key = toInts(h.getDatasetByPath(keyPath).getData(), keyPath);
				if (key.length != frames)
					throw new TomoException(file + ": image_key " + keyPath + " has " + key.length + " entries but " + data + " has " + frames + " frames");
				List<Integer> p = new ArrayList<>(), f = new ArrayList<>(), d = new ArrayList<>();
				List<Double> fpos = new ArrayList<>();
				for (int i = 0; i < key.length; i++) {
					if (key[i] == 0) p.add(i);
					else if (key[i] == 1) {
						f.add(i);
						fpos.add(p.size() - 0.5);
					} else if (key[i] == 2) d.add(i);
				}
				projectionFrames = ints(p);
				flatFrames = ints(f);
				darkFrames = ints(d);
				flatPositions = fpos.stream().mapToDouble(Double::doubleValue).toArray();
				String ap = o.anglePath != null ? o.anglePath : find(all, "rotation_angle", 1);
				if (ap == null) ap = find(all, "theta", 1);
				double[] all360 = ap == null || !all.containsKey(ap) ? null : anglesRad(h, ap, file);
				if (all360 != null && all360.length != frames && all360.length != projectionFrames.length)
					throw new TomoException(file + ": " + ap + " has " + all360.length + " angles for " + frames + " frames (" + projectionFrames.length + " projections)");
				if (all360 != null && all360.length == frames) {
					fileAngles = new double[projectionFrames.length];
					for (int i = 0; i < fileAngles.length; i++)
						fileAngles[i] = all360[projectionFrames[i]];
				} else fileAngles = all360;
				layout = "NXtomo " + data + " with " + keyPath;
				flatStack = frameStackOrSeparate(o.flatFile, o.flatPath, data, flatFrames, "flat");
				darkStack = frameStackOrSeparate(o.darkFile, o.darkPath, data, darkFrames, "dark");
			} else {
				projectionFrames = range(frames);
				String ap = o.anglePath != null ? o.anglePath : all.containsKey("/exchange/theta") ? "/exchange/theta" : find(all, "theta", 1);
				fileAngles = ap == null || !all.containsKey(ap) ? null : anglesRad(h, ap, file);
				String fp = o.flatPath != null ? o.flatPath : "/exchange/data_white";
				String dp = o.darkPath != null ? o.darkPath : "/exchange/data_dark";
				flatStack = stack(o.flatFile != null ? o.flatFile : file, fp, o.flatFile != null || all.containsKey(fp), o.flatPath != null, "flat");
				darkStack = stack(o.darkFile != null ? o.darkFile : file, dp, o.darkFile != null || all.containsKey(dp), o.darkPath != null, "dark");
				flatFrames = flatStack == null ? new int[0] : flatStack.frames;
				darkFrames = darkStack == null ? new int[0] : darkStack.frames;
				flatPositions = null;
				layout = "Data Exchange " + data;
			}
			anglesRad = o.anglesRad != null ? o.anglesRad.clone() : o.angleSupplier != null ? o.angleSupplier.apply(projectionFrames.length) : fileAngles;
			if (anglesRad == null)
				throw new TomoException(file + ": no projection angles found (looked for theta / rotation_angle). Give an angle range or an angle file. The file contains: "
						+ listing(all));
			if (anglesRad.length != projectionFrames.length)
				throw new TomoException(file + ": " + projectionFrames.length + " projections but " + anglesRad.length + " angles");
			pixelSizeUm = Double.isNaN(o.pixelSizeUm) ? pixelSize(h, all) : o.pixelSizeUm;
		} catch (TomoException e) {
			throw e;
		} catch (RuntimeException e) {
			throw new TomoException(file + ": cannot read as HDF5 (" + e.getMessage() + ")", e);
		}
	}

	/** Opens a file, detecting the layout. */
	public static Hdf5Projections open(Path file, Options options) {
		if (!Files.isRegularFile(file)) throw new TomoException("HDF5 file not found: " + file);
		return new Hdf5Projections(file, options == null ? new Options() : options);
	}

	private FrameStack frameStackOrSeparate(Path other, String path, String data, int[] frames, String what) {
		if (other != null) return stack(other, path != null ? path : data, true, true, what);
		if (path != null) return stack(file, path, true, true, what);
		return new FrameStack(file, data, frames);
	}

	/** A flats/darks stack in {@code f} at {@code path} (detected there if the path was not given). */
	private FrameStack stack(Path f, String path, boolean present, boolean explicit, String what) {
		if (!present) return null;
		try (HdfFile h = open(f)) {
			Map<String, int[]> all = datasets(h);
			String p = path;
			if (!all.containsKey(p) && !explicit) {
				p = all.containsKey("/exchange/data") ? "/exchange/data" : find(all, "data", 3);
			}
			if (p == null || !all.containsKey(p))
				throw new TomoException(f + ": no " + what + " dataset " + path + ". The file contains: " + listing(all));
			int[] d = all.get(p);
			if (d.length == 2) d = new int[] { 1, d[0], d[1] };
			if (d.length != 3 || d[1] != height || d[2] != width)
				throw new TomoException(f + ": " + what + " dataset " + p + " has shape " + Arrays.toString(all.get(p)) + " but the projections are "
						+ height + " rows × " + width + " pixels; flats and darks must match the projection size");
			return new FrameStack(f, p, range(d[0]));
		}
	}

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public double[] anglesRad() {
		return anglesRad.clone();
	}

	@Override
	public double pixelSizeUm() {
		return pixelSizeUm;
	}

	@Override
	public ProjectionSet.Kind kind() {
		return ProjectionSet.Kind.COUNTS;
	}

	@Override
	public String description() {
		return file.getFileName() + " (" + layout + ", " + projectionFrames.length + " projections of " + width + " × " + height + ")";
	}

	/** The chunk height of a chunked projection dataset (bands aligned to it read each chunk once), else 0. */
	@Override
	public int preferredBandRows() {
		return chunkRows;
	}

	/** Number of flats and darks found. */
	public int flatCount() {
		return flatFrames.length;
	}

	public int darkCount() {
		return darkFrames.length;
	}

	@Override
	public ProjectionSet readRows(int firstRow, int rowCount) {
		if (firstRow < 0 || rowCount < 1 || firstRow + rowCount > height)
			throw new TomoException(file + ": rows " + firstRow + " to " + (firstRow + rowCount - 1) + " are outside the detector (0 to " + (height - 1) + ")");
		float[][] proj = read(file, dataPath, frames, projectionFrames, firstRow, rowCount);
		float[][] flats = flatStack == null ? new float[0][] : read(flatStack.file, flatStack.path, -1, flatStack.frames, firstRow, rowCount);
		float[][] darks = darkStack == null ? new float[0][] : read(darkStack.file, darkStack.path, -1, darkStack.frames, firstRow, rowCount);
		return new ProjectionSet(width, rowCount, firstRow, proj, anglesRad, flats, flatPositions, darks, pixelSizeUm, ProjectionSet.Kind.COUNTS,
				description());
	}

	/** Reads the listed frames of rows [first, first+count) as [frame][row*width+x]. */
	private float[][] read(Path f, String path, int nFramesHint, int[] frameIdx, int first, int count) {
		if (frameIdx.length == 0) return new float[0][];
		try (HdfFile h = open(f)) {
			Dataset d = h.getDatasetByPath(path);
			int[] dims = d.getDimensions();
			boolean twoD = dims.length == 2;
			int lo = frameIdx[0], hi = frameIdx[frameIdx.length - 1];
			Object data;
			if (twoD) data = d.getData(new long[] { first, 0 }, new int[] { count, width });
			else data = d.getData(new long[] { lo, first, 0 }, new int[] { hi - lo + 1, count, width });
			float[][] out = new float[frameIdx.length][count * width];
			for (int k = 0; k < frameIdx.length; k++) {
				Object frame = twoD ? data : Array.get(data, frameIdx[k] - lo);
				for (int r = 0; r < count; r++)
					copyRow(Array.get(frame, r), out[k], r * width, f, path);
			}
			return out;
		} catch (TomoException e) {
			throw e;
		} catch (RuntimeException e) {
			throw new TomoException(f + ": cannot read rows " + first + "–" + (first + count - 1) + " of " + path + " (" + e + ")", e);
		}
	}

	private void copyRow(Object row, float[] dst, int off, Path f, String path) {
		if (row instanceof float[]) System.arraycopy(row, 0, dst, off, width);
		else if (row instanceof double[]) {
			double[] r = (double[]) row;
			for (int x = 0; x < width; x++)
				dst[off + x] = (float) r[x];
		} else if (row instanceof int[]) {
			int[] r = (int[]) row;
			for (int x = 0; x < width; x++)
				dst[off + x] = r[x];
		} else if (row instanceof short[]) {
			short[] r = (short[]) row;
			for (int x = 0; x < width; x++)
				dst[off + x] = r[x];
		} else if (row instanceof long[]) {
			long[] r = (long[]) row;
			for (int x = 0; x < width; x++)
				dst[off + x] = r[x];
		} else if (row instanceof byte[]) {
			byte[] r = (byte[]) row;
			for (int x = 0; x < width; x++)
				dst[off + x] = r[x] & 0xff;
		} else throw new TomoException(f + ": dataset " + path + " has an unsupported element type " + row.getClass().getSimpleName());
	}

	private static HdfFile open(Path f) {
		try {
			return new HdfFile(f);
		} catch (RuntimeException e) {
			throw new TomoException(f + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
		}
	}

	/** Every dataset path with its dimensions, in file order. */
	static Map<String, int[]> datasets(Group g) {
		Map<String, int[]> m = new LinkedHashMap<>();
		walk(g, m);
		return m;
	}

	private static void walk(Group g, Map<String, int[]> m) {
		for (Node n : g.getChildren().values()) {
			try {
				if (n instanceof Group) walk((Group) n, m);
				else if (n instanceof Dataset) m.put(n.getPath().startsWith("/") ? n.getPath() : "/" + n.getPath(), ((Dataset) n).getDimensions());
			} catch (RuntimeException e) {
				// broken external links: not listed
			}
		}
	}

	/** "path [dims], …" for error messages. */
	static String listing(Map<String, int[]> all) {
		StringBuilder b = new StringBuilder();
		for (Map.Entry<String, int[]> e : all.entrySet()) {
			if (b.length() > 0) b.append(", ");
			b.append(e.getKey()).append(' ').append(Arrays.toString(e.getValue()));
		}
		return b.length() == 0 ? "(no datasets)" : b.toString();
	}

	/** First dataset whose name is {@code name} with the given rank. */
	private static String find(Map<String, int[]> all, String name, int rank) {
		for (Map.Entry<String, int[]> e : all.entrySet())
			if (e.getKey().endsWith("/" + name) && e.getValue().length == rank) return e.getKey();
		return null;
	}

	private static String sibling(Map<String, int[]> all, String path, String name, int rank) {
		String parent = path.substring(0, path.lastIndexOf('/') + 1);
		String p = parent + name;
		return all.containsKey(p) && all.get(p).length == rank ? p : null;
	}

	/** Angles in radians; degrees are detected from a units attribute or from values beyond 2π. */
	static double[] anglesRad(HdfFile h, String path, Path file) {
		Dataset d = h.getDatasetByPath(path);
		double[] a = toDoubles(d.getData(), path, file);
		String units = units(d);
		boolean degrees;
		if (units.startsWith("deg")) degrees = true;
		else if (units.startsWith("rad")) degrees = false;
		else {
			double max = 0;
			for (double v : a)
				max = Math.max(max, Math.abs(v));
			degrees = max > 2 * Math.PI * 1.01;
		}
		if (degrees) for (int i = 0; i < a.length; i++)
			a[i] = Math.toRadians(a[i]);
		return a;
	}

	private static String units(Node d) {
		for (String k : new String[] { "units", "unit" }) {
			Attribute at = d.getAttribute(k);
			if (at != null) {
				Object v = at.getData();
				if (v != null && v.getClass().isArray() && Array.getLength(v) > 0) v = Array.get(v, 0);
				if (v != null) return v.toString().trim().toLowerCase(Locale.ROOT);
			}
		}
		return "";
	}

	private static double pixelSize(HdfFile h, Map<String, int[]> all) {
		for (String name : new String[] { "x_pixel_size", "pixel_size_x", "pixel_size" })
			for (String p : all.keySet())
				if (p.endsWith("/" + name)) {
					try {
						Dataset d = h.getDatasetByPath(p);
						double[] v = toDoubles(d.getData(), p, null);
						if (v.length == 0 || !(v[0] > 0)) continue;
						String u = units(d);
						if (u.equals("m")) return v[0] * 1e6;
						if (u.equals("mm")) return v[0] * 1e3;
						if (u.equals("nm")) return v[0] * 1e-3;
						if (u.startsWith("u") || u.startsWith("µ") || u.startsWith("micro")) return v[0];
						return v[0] < 1e-3 ? v[0] * 1e6 : v[0];
					} catch (RuntimeException e) {
						// unreadable: try the next
					}
				}
		return Double.NaN;
	}

	private static double[] toDoubles(Object data, String path, Path file) {
		if (data instanceof Number) return new double[] { ((Number) data).doubleValue() };
		if (data == null || !data.getClass().isArray() || data.getClass().getComponentType().isArray())
			throw new TomoException(file + ": " + path + " is not a 1D numeric dataset");
		int n = Array.getLength(data);
		double[] r = new double[n];
		for (int i = 0; i < n; i++) {
			Object v = Array.get(data, i);
			if (!(v instanceof Number)) throw new TomoException(file + ": " + path + " is not numeric");
			r[i] = ((Number) v).doubleValue();
		}
		return r;
	}

	private static int[] toInts(Object data, String path) {
		double[] d = toDoubles(data, path, null);
		int[] r = new int[d.length];
		for (int i = 0; i < d.length; i++)
			r[i] = (int) Math.round(d[i]);
		return r;
	}

	private static int[] ints(List<Integer> l) {
		return l.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int[] range(int n) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++)
			r[i] = i;
		return r;
	}
}
