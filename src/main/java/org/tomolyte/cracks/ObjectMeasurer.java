package org.tomolyte.cracks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.tomolyte.interfaces.HeightMap;
import org.tomolyte.interfaces.InterfaceAnalyzer;
import org.tomolyte.interfaces.PhaseLevels;
import org.tomolyte.model.Volume;

/**
 * Measures detected objects from the grey-value deficit ΔI = I_ref − I in a measurement region (the object
 * grown by ≈ 3 blur σ, shared between neighbours by first arrival): since blurring conserves the integral,
 * Σ ΔI · V_voxel / (I_electrolyte − I_fill) is the lost volume whatever the blur, and its integral across the sheet
 * is the local opening (sub-voxel). The fill (void or liquid metal) of a crack is the hypothesis whose predicted
 * blurred profile across the sheet, ΔI_fill [Φ((t + w/2)/σ) − Φ((t − w/2)/σ)] with w = ∫ΔI / ΔI_fill, fits the
 * measured deficits better (least squares over the well-opened face); a chip's fill is read from its core.
 */
public final class ObjectMeasurer {
	/**
	 * Likelihood-ratio evidence (residual-variance units) needed to call a crack filled with liquid metal from its
	 * profile alone (a crack seen for the first time): cracks open empty, so the bar is high.
	 */
	static final double FILL_EVIDENCE = 50;
	/** The bar for a crack already seen in the previous scan, where the grey-value change was inconclusive. */
	static final double FILL_EVIDENCE_SEEN = 10;

	private ObjectMeasurer() {}

	public static List<ObjectMeasurement> measure(ReferenceFrame rf, Volume scan, List<VoxelObject> objects) {
		return measure(rf, scan, objects, null);
	}

	/**
	 * @param crackFill per object: TRUE when liquid metal is known to fill the crack (from the change since the
	 *            previous scan), FALSE for a crack seen before without that sign (the profile test then decides with
	 *            the lower bar {@link #FILL_EVIDENCE_SEEN}), null for a new crack (bar {@link #FILL_EVIDENCE}); null
	 *            list = all new
	 */
	public static List<ObjectMeasurement> measure(ReferenceFrame rf, Volume scan, List<VoxelObject> objects, List<Boolean> crackFill) {
		Volume ref = rf.reference();
		int w = ref.width(), h = ref.height();
		long wh = (long) w * h;
		PhaseLevels lv = rf.levels();
		int k = Math.max(2, (int) Math.round(3 * lv.blurSigmaVoxels() + 0.5));
		List<long[]> regions = regions(rf, objects, k);
		List<ObjectMeasurement> out = new ArrayList<>();
		for (int o = 0; o < objects.size(); o++) {
			VoxelObject obj = objects.get(o);
			long[] reg = regions.get(o);
			double[] dI = new double[reg.length];
			for (int i = 0; i < reg.length; i++) {
				long v = reg[i];
				int z = (int) (v / wh), r = (int) (v % wh);
				dI[i] = ref.slice(z)[r] - scan.slice(z)[r];
			}
			Boolean fill = crackFill == null ? null : crackFill.get(o);
			out.add(obj.kind() == ObjectKind.CRACK ? crack(rf, scan, obj, reg, dI, fill) : chip(rf, scan, obj, reg, dI));
		}
		return out;
	}

	/** Measurement regions: objects grown by {@code k} 26-steps, below 3 voxels above the reference surface, first arrival wins. */
	static List<long[]> regions(ReferenceFrame rf, List<VoxelObject> objects, int k) {
		Volume ref = rf.reference();
		int w = ref.width(), h = ref.height(), d = ref.depth();
		long wh = (long) w * h;
		HeightMap surf = rf.surface();
		Map<Long, Integer> owner = new HashMap<>();
		List<List<Long>> members = new ArrayList<>();
		List<long[]> frontier = new ArrayList<>();
		for (int o = 0; o < objects.size(); o++) {
			List<Long> m = new ArrayList<>();
			for (long v : objects.get(o).voxels()) {
				if (owner.putIfAbsent(v, o) == null) m.add(v);
			}
			members.add(m);
			frontier.add(m.stream().mapToLong(Long::longValue).toArray());
		}
		for (int step = 0; step < k; step++) {
			for (int o = 0; o < objects.size(); o++) {
				List<Long> next = new ArrayList<>();
				for (long v : frontier.get(o)) {
					int z = (int) (v / wh), r = (int) (v % wh), y = r / w, x = r % w;
					for (int dz = -1; dz <= 1; dz++) {
						int zz = z + dz;
						if (zz < 0 || zz >= d) continue;
						for (int dy = -1; dy <= 1; dy++) {
							int yy = y + dy;
							if (yy < 0 || yy >= h) continue;
							for (int dx = -1; dx <= 1; dx++) {
								int xx = x + dx;
								if (xx < 0 || xx >= w) continue;
								double hc = surf.at(xx, yy);
								if (Double.isNaN(hc) || zz > hc + 3) continue;
								long u = (long) zz * wh + (long) yy * w + xx;
								if (owner.putIfAbsent(u, o) == null) next.add(u);
							}
						}
					}
				}
				members.get(o).addAll(next);
				frontier.set(o, next.stream().mapToLong(Long::longValue).toArray());
			}
		}
		List<long[]> out = new ArrayList<>();
		for (List<Long> m : members) {
			long[] a = m.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(a);
			out.add(a);
		}
		return out;
	}

	private static double[] position(long v, Volume ref) {
		long wh = (long) ref.width() * ref.height();
		int z = (int) (v / wh), r = (int) (v % wh), y = r / ref.width(), x = r % ref.width();
		return new double[] { x * ref.voxelXUm(), y * ref.voxelYUm(), z * ref.voxelZUm() };
	}

	/** Deficit-weighted centre and principal axes (columns: largest to smallest). */
	private static double[][] pca(long[] reg, double[] dI, Volume ref) {
		double sw = 0;
		double[] c = new double[3];
		for (int i = 0; i < reg.length; i++) {
			double wt = Math.max(0, dI[i]);
			if (wt == 0) continue;
			double[] p = position(reg[i], ref);
			for (int a = 0; a < 3; a++) c[a] += wt * p[a];
			sw += wt;
		}
		if (sw <= 0) {
			for (long v : reg) {
				double[] p = position(v, ref);
				for (int a = 0; a < 3; a++) c[a] += p[a];
			}
			sw = reg.length;
			for (int a = 0; a < 3; a++) c[a] /= sw;
			return new double[][] { c, { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		}
		for (int a = 0; a < 3; a++) c[a] /= sw;
		double[][] cov = new double[3][3];
		for (int i = 0; i < reg.length; i++) {
			double wt = Math.max(0, dI[i]);
			if (wt == 0) continue;
			double[] p = position(reg[i], ref);
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++) cov[a][b] += wt * (p[a] - c[a]) * (p[b] - c[b]);
		}
		EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(cov));
		double[] ev = e.getRealEigenvalues();
		Integer[] idx = { 0, 1, 2 };
		Arrays.sort(idx, (p, q) -> Double.compare(ev[q], ev[p]));
		double[][] out = new double[4][];
		out[0] = c;
		for (int a = 0; a < 3; a++) out[a + 1] = e.getEigenvector(idx[a]).toArray();
		if (out[3][2] < 0) for (int a = 0; a < 3; a++) out[3][a] = -out[3][a];
		return out;
	}

	private static ObjectMeasurement crack(ReferenceFrame rf, Volume scan, VoxelObject obj, long[] reg, double[] dI, Boolean knownFill) {
		Volume ref = rf.reference();
		PhaseLevels lv = rf.levels();
		double vx = ref.voxelXUm(), voxVol = ref.voxelXUm() * ref.voxelYUm() * ref.voxelZUm();
		double[][] p = pca(reg, dI, ref);
		double[] c = p[0], e1 = p[1], e2 = p[2], n = p[3];
		// 1-voxel bins on the sheet plane
		int nr = reg.length;
		int[] bu = new int[nr], bv = new int[nr];
		double[] t = new double[nr];
		int umin = Integer.MAX_VALUE, umax = Integer.MIN_VALUE, vmin = Integer.MAX_VALUE, vmax = Integer.MIN_VALUE;
		for (int i = 0; i < nr; i++) {
			double[] q = position(reg[i], ref);
			double dx = q[0] - c[0], dy = q[1] - c[1], dz = q[2] - c[2];
			bu[i] = (int) Math.floor((dx * e1[0] + dy * e1[1] + dz * e1[2]) / vx);
			bv[i] = (int) Math.floor((dx * e2[0] + dy * e2[1] + dz * e2[2]) / vx);
			t[i] = dx * n[0] + dy * n[1] + dz * n[2];
			umin = Math.min(umin, bu[i]); umax = Math.max(umax, bu[i]);
			vmin = Math.min(vmin, bv[i]); vmax = Math.max(vmax, bv[i]);
		}
		int nu = umax - umin + 1, nv = vmax - vmin + 1;
		double binArea = vx * vx;
		double[] a = new double[nu * nv], at = new double[nu * nv];
		for (int i = 0; i < nr; i++) {
			int b = (bv[i] - vmin) * nu + (bu[i] - umin);
			a[b] += dI[i] * voxVol / binArea;
			at[b] += dI[i] * voxVol / binArea * t[i];
		}
		double dVoid = lv.electrolyteGrey() - lv.voidGrey(), dLm = lv.electrolyteGrey() - lv.liquidMetalGrey();
		// fill: least-squares comparison of the two profile hypotheses on well-opened bins; the across-sheet blur is
		// fitted too (from the measured blur up to 1.6 times it: bin centring and orientation errors widen the profile)
		double sigma0 = lv.blurSigmaVoxels() * vx;
		double rssVoid = Double.MAX_VALUE, rssLm = Double.MAX_VALUE;
		// mid-surface offset per bin from a weighted quadratic fit over the bins (per-bin centroids are too noisy)
		double[][] mid = midSurface(a, at, nu, nv, umin, vmin, dVoid * vx, vx);
		double[] tcFit = mid[0], cosTilt = mid[1];
		// the well-opened face (at least one voxel under the void hypothesis)
		double aMin = dVoid * vx;
		int used = 0;
		if (!Boolean.TRUE.equals(knownFill))
			for (int i = 0; i < nr; i++) if (a[(bv[i] - vmin) * nu + (bu[i] - umin)] >= aMin) used++;
		for (int step = 0; step <= 12 && used > 0; step++) {
			double sigma = sigma0 * (1 + 0.05 * step);
			double rv = 0, rl = 0;
			for (int i = 0; i < nr; i++) {
				int b = (bv[i] - vmin) * nu + (bu[i] - umin);
				if (a[b] < aMin) continue;
				double tc = tcFit[b];
				// across the local sheet (the fitted mid-surface may be inclined to the plane): distance and opening
				double wv = a[b] / dVoid * cosTilt[b], wl = a[b] / dLm * cosTilt[b], sd = (t[i] - tc) * cosTilt[b];
				if (Math.abs(sd) > wl / 2 + 3 * sigma0) continue;
				double pv = dVoid * (InterfaceAnalyzer.phi((sd + wv / 2) / sigma) - InterfaceAnalyzer.phi((sd - wv / 2) / sigma));
				double pl = dLm * (InterfaceAnalyzer.phi((sd + wl / 2) / sigma) - InterfaceAnalyzer.phi((sd - wl / 2) / sigma));
				rv += (dI[i] - pv) * (dI[i] - pv);
				rl += (dI[i] - pl) * (dI[i] - pl);
			}
			rssVoid = Math.min(rssVoid, rv);
			rssLm = Math.min(rssLm, rl);
		}
		// likelihood ratio in units of the residual variance; a crack is taken as empty unless the evidence is clear
		double lr = used > 0 ? (rssVoid - rssLm) / (Math.min(rssVoid, rssLm) / used) : 0;
		boolean infiltrated = Boolean.TRUE.equals(knownFill) || lr > (knownFill == null ? FILL_EVIDENCE : FILL_EVIDENCE_SEEN);

		double dFill = infiltrated ? dLm : dVoid;
		double sum = 0;
		for (double x : dI) sum += x;
		double volume = sum * voxVol / dFill;
		// opening map (µm) and face
		double[] wmap = new double[a.length];
		// across the local sheet: a curved sheet meets the plane's normal obliquely
		for (int b = 0; b < a.length; b++) wmap[b] = a[b] / dFill * cosTilt[b];
		boolean[] inMask = new boolean[a.length];
		long[] mv = obj.voxels();
		for (int i = 0, j = 0; i < nr; i++) {
			while (j < mv.length && mv[j] < reg[i]) j++;
			if (j < mv.length && mv[j] == reg[i]) inMask[(bv[i] - vmin) * nu + (bu[i] - umin)] = true;
		}
		List<Double> face = new ArrayList<>();
		for (int b = 0; b < a.length; b++) if (inMask[b]) face.add(wmap[b]);
		double opening = percentile(face, 0.9);
		double wThr = Math.min(0.5 * vx, 0.4 * opening);
		double area = 0;
		for (int b = 0; b < a.length; b++) {
			if (wmap[b] < wThr || !(inMask[b] || neighbourInMask(inMask, b, nu, nv))) continue;
			double uu = (b % nu + umin + 0.5) * vx, vv = (b / nu + vmin + 0.5) * vx;
			double px = c[0] + uu * e1[0] + vv * e2[0], py = c[1] + uu * e1[1] + vv * e2[1], pz = c[2] + uu * e1[2] + vv * e2[2];
			if (pz / ref.voxelZUm() <= surfaceAt(rf, px / vx, py / ref.voxelYUm())) area += binArea / cosTilt[b];
		}
		double depth = depthUm(rf, obj);
		double length = traceLengthUm(rf, obj, true);
		double dip = Math.toDegrees(Math.acos(Math.min(1, Math.abs(n[2]))));
		double strike = Math.toDegrees(Math.atan2(n[0], -n[1]));
		strike = ((strike % 180) + 180) % 180;
		return new ObjectMeasurement(ObjectKind.CRACK, depth, length, area, volume, opening, infiltrated, n, c, dip, strike, obj.voxelCount());
	}

	/**
	 * Offset t_c(u, v) of the sheet's mid-surface from the fitted plane, per bin: a quadratic in the bin
	 * coordinates fitted to the bins' deficit centroids, weighted by their deficit (bins below {@code minA} unused).
	 */
	private static double[][] midSurface(double[] a, double[] at, int nu, int nv, int umin, int vmin, double minA, double binUm) {
		double[][] m = new double[6][6];
		double[] r = new double[6];
		int n = 0;
		for (int b = 0; b < a.length; b++) {
			if (a[b] < minA) continue;
			double u = b % nu + umin + 0.5, v = b / nu + vmin + 0.5;
			double[] f = { 1, u, v, u * u, u * v, v * v };
			double wt = a[b], y = at[b] / a[b];
			for (int p = 0; p < 6; p++) {
				r[p] += wt * f[p] * y;
				for (int q = 0; q < 6; q++) m[p][q] += wt * f[p] * f[q];
			}
			n++;
		}
		double[] out = new double[a.length], cos = new double[a.length];
		java.util.Arrays.fill(cos, 1);
		if (n < 12) {
			for (int b = 0; b < a.length; b++) out[b] = a[b] != 0 ? at[b] / a[b] : 0;
			return new double[][] { out, cos };
		}
		double[] c;
		try {
			c = new org.apache.commons.math3.linear.LUDecomposition(new Array2DRowRealMatrix(m)).getSolver()
					.solve(new org.apache.commons.math3.linear.ArrayRealVector(r)).toArray();
		} catch (RuntimeException singular) {
			for (int b = 0; b < a.length; b++) out[b] = a[b] != 0 ? at[b] / a[b] : 0;
			return new double[][] { out, cos };
		}
		for (int b = 0; b < a.length; b++) {
			double u = b % nu + umin + 0.5, v = b / nu + vmin + 0.5;
			out[b] = c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v;
			double gu = (c[1] + 2 * c[3] * u + c[4] * v) / binUm, gv = (c[2] + c[4] * u + 2 * c[5] * v) / binUm;
			cos[b] = 1 / Math.sqrt(1 + gu * gu + gv * gv);
		}
		return new double[][] { out, cos };
	}

	/** Reference surface height (voxels) at the nearest column, +∞ outside the map. */
	private static double surfaceAt(ReferenceFrame rf, double x, double y) {
		int xi = (int) Math.round(x), yi = (int) Math.round(y);
		HeightMap s = rf.surface();
		if (xi < 0 || yi < 0 || xi >= s.width() || yi >= s.height()) return Double.POSITIVE_INFINITY;
		double h = s.at(xi, yi);
		return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
	}

	private static boolean neighbourInMask(boolean[] m, int b, int nu, int nv) {
		int u = b % nu, v = b / nu;
		for (int dv = -1; dv <= 1; dv++)
			for (int du = -1; du <= 1; du++) {
				int uu = u + du, vv = v + dv;
				if (uu >= 0 && vv >= 0 && uu < nu && vv < nv && m[vv * nu + uu]) return true;
			}
		return false;
	}

	private static ObjectMeasurement chip(ReferenceFrame rf, Volume scan, VoxelObject obj, long[] reg, double[] dI) {
		Volume ref = rf.reference();
		PhaseLevels lv = rf.levels();
		long wh = (long) ref.width() * ref.height();
		long[] src = obj.core().length > 0 ? obj.core() : obj.voxels();
		double[] g = new double[src.length];
		for (int i = 0; i < src.length; i++) {
			long v = src[i];
			g[i] = scan.slice((int) (v / wh))[(int) (v % wh)];
		}
		Arrays.sort(g);
		double med = g[g.length / 2];
		boolean infiltrated = med >= 0.5 * (lv.liquidMetalGrey() + lv.voidGrey());
		double dFill = lv.electrolyteGrey() - (infiltrated ? lv.liquidMetalGrey() : lv.voidGrey());
		double sum = 0;
		for (double x : dI) sum += x;
		double voxVol = ref.voxelXUm() * ref.voxelYUm() * ref.voxelZUm();
		double volume = sum * voxVol / dFill;
		java.util.Set<Long> cols = new java.util.HashSet<>();
		for (long v : obj.voxels()) cols.add(v % wh);
		double area = cols.size() * ref.voxelXUm() * ref.voxelYUm();
		double[][] p = pca(reg, dI, ref);
		double[] n = p[3];
		double dip = Math.toDegrees(Math.acos(Math.min(1, Math.abs(n[2]))));
		double strike = ((Math.toDegrees(Math.atan2(n[0], -n[1])) % 180) + 180) % 180;
		return new ObjectMeasurement(ObjectKind.CHIP, depthUm(rf, obj), traceLengthUm(rf, obj, false), area, volume, Double.NaN, infiltrated, n, p[0], dip, strike,
				obj.voxelCount());
	}

	static double depthUm(ReferenceFrame rf, VoxelObject obj) {
		Volume ref = rf.reference();
		long wh = (long) ref.width() * ref.height();
		double best = 0;
		for (long v : obj.voxels()) {
			int z = (int) (v / wh), r = (int) (v % wh);
			double hc = rf.surface().values()[r];
			if (!Double.isNaN(hc)) best = Math.max(best, hc - z);
		}
		return best * ref.voxelZUm();
	}

	/** Length of the object's trace on the interface: a polyline along the main direction of its surface voxels. */
	static double traceLengthUm(ReferenceFrame rf, VoxelObject obj, boolean polyline) {
		Volume ref = rf.reference();
		int w = ref.width();
		long wh = (long) w * ref.height();
		List<double[]> pts = new ArrayList<>();
		for (long v : obj.voxels()) {
			int z = (int) (v / wh), r = (int) (v % wh);
			double hc = rf.surface().values()[r];
			if (!Double.isNaN(hc) && hc - z <= 1.0) pts.add(new double[] { (r % w) * ref.voxelXUm(), (r / w) * ref.voxelYUm() });
		}
		if (pts.isEmpty()) return 0;
		double mx = 0, my = 0;
		for (double[] q : pts) { mx += q[0]; my += q[1]; }
		mx /= pts.size();
		my /= pts.size();
		double sxx = 0, syy = 0, sxy = 0;
		for (double[] q : pts) {
			sxx += (q[0] - mx) * (q[0] - mx);
			syy += (q[1] - my) * (q[1] - my);
			sxy += (q[0] - mx) * (q[1] - my);
		}
		double ang = 0.5 * Math.atan2(2 * sxy, sxx - syy);
		double dx = Math.cos(ang), dy = Math.sin(ang);
		double vx = ref.voxelXUm();
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		Map<Integer, double[]> bins = new java.util.TreeMap<>();
		for (double[] q : pts) {
			double u = (q[0] - mx) * dx + (q[1] - my) * dy, m = -(q[0] - mx) * dy + (q[1] - my) * dx;
			lo = Math.min(lo, u);
			hi = Math.max(hi, u);
			double[] acc = bins.computeIfAbsent((int) Math.floor(u / vx), b -> new double[3]);
			acc[0] += u;
			acc[1] += m;
			acc[2]++;
		}
		if (!polyline) return hi - lo + vx;
		double len = 0;
		double[] prev = null;
		for (double[] acc : bins.values()) {
			double[] q = { acc[0] / acc[2], acc[1] / acc[2] };
			if (prev != null) len += Math.hypot(q[0] - prev[0], q[1] - prev[1]);
			prev = q;
		}
		double first = bins.values().iterator().next()[0] / bins.values().iterator().next()[2];
		// the end bins' means lie inside the ends; add back the distance from them to the extreme points plus half a voxel each
		double lastMean = prev == null ? 0 : prev[0];
		return len + (first - lo) + (hi - lastMean) + vx;
	}

	static double percentile(List<Double> v, double q) {
		if (v.isEmpty()) return Double.NaN;
		double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double pos = q * (a.length - 1);
		int i = (int) Math.floor(pos);
		double f = pos - i;
		return i + 1 < a.length ? a[i] * (1 - f) + a[i + 1] * f : a[i];
	}
}
