package org.tomolyte.cracks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tomolyte.interfaces.HeightMap;
import org.tomolyte.model.Volume;

/**
 * Finds the electrolyte a scan has lost relative to the reference scan inside the slab below the reference
 * interface: the grey-value deficit (I_ref − I) / (I_electrolyte − I_void) is thresholded with hysteresis (seed
 * and grow levels) and labelled in 3D (26-connectivity). The difference with the registered reference cancels
 * the interface's own partial-volume band and pre-existing pores. Each lost region is then split into edge chips —
 * the parts that hold a ball of the chip half-thickness (the space above the interface counting as open, so a
 * shallow chip still qualifies), grown back by that radius (a morphological opening) — and cracks, the thin
 * remainder (Wu &amp; Hatzell 2025, Fig. 2g: crack, then edge chipping).
 */
public final class LostElectrolyteDetector {
	private LostElectrolyteDetector() {}

	/**
	 * @param deficitShift added to the seed and grow levels (0 normally; ±Δ for sensitivity runs)
	 */
	public static List<VoxelObject> detect(ReferenceFrame rf, Volume scan, CrackSettings s, double deficitShift) {
		Volume ref = rf.reference();
		if (scan.width() != ref.width() || scan.height() != ref.height() || scan.depth() != ref.depth())
			throw new CrackException("Scan " + scan + " does not match the reference scan " + ref + ": all scans must be aligned to one grid");
		int w = ref.width(), h = ref.height();
		HeightMap surf = rf.surface();
		float[] hs = surf.values();
		double slab = rf.slabVoxels();
		float inv = (float) (1 / rf.contrast());
		float grow = (float) (s.growDeficit() + deficitShift), seed = (float) (s.seedDeficit() + deficitShift);
		List<RunLabeller.Component> comps = RunLabeller.label(w, h, rf.zLow(), rf.zHigh(), (y, z, out) -> {
			float[] r = ref.slice(z), c = scan.slice(z);
			int o = y * w;
			for (int x = 0; x < w; x++) {
				float hc = hs[o + x];
				if (Float.isNaN(hc) || z > hc + 0.5f || z < hc - slab) { out[x] = -1; continue; }
				float d = (r[o + x] - c[o + x]) * inv;
				out[x] = d >= grow ? d : -1;
			}
		});
		List<VoxelObject> objects = new ArrayList<>();
		int minSize = Math.min(s.minCrackVoxels(), s.minChipVoxels());
		for (RunLabeller.Component c : comps) {
			if (c.maxScore < seed || c.voxels < minSize) continue;
			split(c, rf, scan, s, deficitShift, objects);
		}
		// cracks before chips, then by position: new tracks are numbered in this order within a scan
		objects.sort(Comparator.comparing(VoxelObject::kind).thenComparingLong(o -> o.voxels()[0]));
		return objects;
	}

	private static void split(RunLabeller.Component c, ReferenceFrame rf, Volume scan, CrackSettings s, double deficitShift, List<VoxelObject> out) {
		Volume ref = rf.reference();
		int w = ref.width(), h = ref.height(), d = ref.depth();
		double rc = s.chipHalfThicknessUm() / ref.voxelXUm();
		int pad = (int) Math.ceil(rc) + 2;
		int x0 = Integer.MAX_VALUE, x1 = -1, y0 = Integer.MAX_VALUE, y1 = -1, z0 = Integer.MAX_VALUE, z1 = -1;
		for (int[] r : c.runs) {
			z0 = Math.min(z0, r[0]); z1 = Math.max(z1, r[0]);
			y0 = Math.min(y0, r[1]); y1 = Math.max(y1, r[1]);
			x0 = Math.min(x0, r[2]); x1 = Math.max(x1, r[3]);
		}
		x0 = Math.max(0, x0 - pad); y0 = Math.max(0, y0 - pad); z0 = Math.max(0, z0 - pad);
		x1 = Math.min(w - 1, x1 + pad); y1 = Math.min(h - 1, y1 + pad); z1 = Math.min(d - 1, z1 + pad);
		int nx = x1 - x0 + 1, ny = y1 - y0 + 1, nz = z1 - z0 + 1;
		boolean[] comp = new boolean[nx * ny * nz];
		for (int[] r : c.runs)
			for (int x = r[2]; x <= r[3]; x++) comp[((r[0] - z0) * ny + (r[1] - y0)) * nx + (x - x0)] = true;
		HeightMap surf = rf.surface();
		if (s.sheetScalesVoxels().length > 0) followThinParts(comp, nx, ny, nz, x0, y0, z0, rf, scan, s, deficitShift);
		boolean[] outside = new boolean[comp.length];
		boolean[] below = new boolean[comp.length];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					int i = (z * ny + y) * nx + x;
					double hc = surf.at(x + x0, y + y0);
					boolean above = !Double.isNaN(hc) && z + z0 > hc;
					below[i] = !Double.isNaN(hc) && z + z0 <= hc;
					outside[i] = !(comp[i] || above);
				}
		float[] dOut = DistanceTransform.squared(outside, nx, ny, nz);
		boolean[] centre = new boolean[comp.length];
		boolean any = false;

		for (int i = 0; i < comp.length; i++)
			if (comp[i] && below[i] && dOut[i] > rc * rc) { centre[i] = true; any = true; }
		boolean[] chip = new boolean[comp.length];
		if (any) {
			float[] dC = DistanceTransform.squared(centre, nx, ny, nz);
			double rr = (rc + 1.5) * (rc + 1.5);
			for (int i = 0; i < comp.length; i++) chip[i] = comp[i] && dC[i] <= rr;
		}
		List<int[]> chipPieces = pieces(chip, nx, ny, nz);
		boolean[] crack = comp.clone();
		boolean[] keptChip = new boolean[comp.length];
		for (int[] p : chipPieces) {
			if (p.length < s.minChipVoxels()) continue;
			for (int i : p) { keptChip[i] = true; crack[i] = false; }
			List<Long> core = new ArrayList<>();
			long[] vox = new long[p.length];
			for (int k = 0; k < p.length; k++) {
				vox[k] = global(p[k], nx, ny, x0, y0, z0, w, h);
				if (centre[p[k]]) core.add(vox[k]);
			}
			out.add(new VoxelObject(ObjectKind.CHIP, vox, core.stream().mapToLong(Long::longValue).toArray(), w, h));
		}
		for (int[] p : pieces(crack, nx, ny, nz)) {
			if (p.length < s.minCrackVoxels()) continue;
			long[] vox = new long[p.length];
			for (int k = 0; k < p.length; k++) vox[k] = global(p[k], nx, ny, x0, y0, z0, w, h);
			out.add(new VoxelObject(ObjectKind.CRACK, vox, new long[0], w, h));
		}
	}

	/**
	 * Grows the lost region into touching voxels whose deficit is between half the grow level and the grow level
	 * but which lie on a sheet (Hessian sheetness at least a quarter of the region's typical value): a crack's
	 * thin tips and edges, too faint for the hysteresis alone.
	 */
	private static void followThinParts(boolean[] comp, int nx, int ny, int nz, int x0, int y0, int z0, ReferenceFrame rf, Volume scan, CrackSettings s,
			double deficitShift) {
		Volume ref = rf.reference();
		HeightMap surf = rf.surface();
		float[] d = new float[comp.length];
		boolean[] eligible = new boolean[comp.length];
		double inv = 1 / rf.contrast(), low = 0.5 * (s.growDeficit() + deficitShift);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					int i = (z * ny + y) * nx + x;
					double hc = surf.at(x + x0, y + y0);
					if (Double.isNaN(hc) || z + z0 > hc + 0.5 || z + z0 < hc - rf.slabVoxels()) continue;
					d[i] = (float) ((ref.get(x + x0, y + y0, z + z0) - scan.get(x + x0, y + y0, z + z0)) * inv);
					eligible[i] = d[i] >= low;
				}
		float[] sh = SheetFilter.sheetness(d, nx, ny, nz, s.sheetScalesVoxels());
		List<Float> own = new ArrayList<>();
		for (int i = 0; i < comp.length; i++) if (comp[i]) own.add(sh[i]);
		if (own.isEmpty()) return;
		own.sort(null);
		double min = 0.25 * own.get(own.size() / 2);
		if (!(min > 0)) return;
		for (int iter = 0; iter < 20; iter++) {
			List<Integer> add = new ArrayList<>();
			for (int z = 1; z < nz - 1; z++)
				for (int y = 1; y < ny - 1; y++)
					for (int x = 1; x < nx - 1; x++) {
						int i = (z * ny + y) * nx + x;
						if (comp[i] || !eligible[i] || sh[i] < min) continue;
						boolean touch = false;
						for (int dz = -1; dz <= 1 && !touch; dz++)
							for (int dy = -1; dy <= 1 && !touch; dy++)
								for (int dx = -1; dx <= 1 && !touch; dx++) touch = comp[i + (dz * ny + dy) * nx + dx];
						if (touch) add.add(i);
					}
			if (add.isEmpty()) break;
			for (int i : add) comp[i] = true;
		}
	}

	private static long global(int i, int nx, int ny, int x0, int y0, int z0, int w, int h) {
		int x = i % nx, y = (i / nx) % ny, z = i / (nx * ny);
		return ((long) (z + z0) * h + (y + y0)) * w + (x + x0);
	}

	/** 26-connected pieces of a box mask, each as its box indices in scan order. */
	static List<int[]> pieces(boolean[] m, int nx, int ny, int nz) {
		int[] lab = new int[m.length];
		List<int[]> out = new ArrayList<>();
		ArrayDeque<Integer> q = new ArrayDeque<>();
		int next = 0;
		for (int i = 0; i < m.length; i++) {
			if (!m[i] || lab[i] != 0) continue;
			int id = ++next;
			lab[i] = id;
			q.add(i);
			List<Integer> members = new ArrayList<>();
			while (!q.isEmpty()) {
				int p = q.poll();
				members.add(p);
				int x = p % nx, y = (p / nx) % ny, z = p / (nx * ny);
				for (int dz = -1; dz <= 1; dz++) {
					int zz = z + dz;
					if (zz < 0 || zz >= nz) continue;
					for (int dy = -1; dy <= 1; dy++) {
						int yy = y + dy;
						if (yy < 0 || yy >= ny) continue;
						for (int dx = -1; dx <= 1; dx++) {
							int xx = x + dx;
							if (xx < 0 || xx >= nx) continue;
							int j = (zz * ny + yy) * nx + xx;
							if (m[j] && lab[j] == 0) { lab[j] = id; q.add(j); }
						}
					}
				}
			}
			int[] a = members.stream().mapToInt(Integer::intValue).sorted().toArray();
			out.add(a);
		}
		return out;
	}
}
