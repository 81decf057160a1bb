package org.tomolyte.interfaces;

import java.util.ArrayDeque;

import org.tomolyte.model.Volume;

/**
 * The nominal contact region: the columns (x, y) of the electrolyte top surface that the liquid metal could
 * wet, i.e. the surface footprint inside the O-ring. The contact fraction is the wetted part of it. Three
 * ways to get it: a user disc (the O-ring's inner circle), the whole electrolyte footprint, or automatic
 * separation of the liquid metal from the (slightly brighter or darker) O-ring by a two-class Otsu cut on the
 * mean grey value of a band just above the surface, keeping the largest connected region with holes filled.
 */
public final class ContactRegion {
	private final int width, height;
	private final boolean[] columns;
	private final String description;

	public ContactRegion(int width, int height, boolean[] columns, String description) {
		if (columns.length != width * height) throw new InterfaceException("Contact mask holds " + columns.length + " columns, expected " + width * height);
		this.width = width;
		this.height = height;
		this.columns = columns;
		this.description = description;
	}

	/** The electrolyte surface footprint inside the disc (centre in µm from the centre of voxel (0,0), radius µm). */
	public static ContactRegion disc(HeightMap surface, double centreXUm, double centreYUm, double radiusUm) {
		if (!(radiusUm > 0)) throw new InterfaceException("Contact radius must be positive, got " + radiusUm + " µm");
		int w = surface.width(), h = surface.height();
		boolean[] m = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double dx = x * surface.voxelXUm() - centreXUm, dy = y * surface.voxelYUm() - centreYUm;
				m[y * w + x] = dx * dx + dy * dy <= radiusUm * radiusUm && surface.valid(x, y);
			}
		return new ContactRegion(w, h, m, String.format("disc centre (%.1f, %.1f) µm radius %.1f µm", centreXUm, centreYUm, radiusUm));
	}

	/** Every column where the electrolyte has a top surface. */
	public static ContactRegion footprint(HeightMap surface) {
		int w = surface.width(), h = surface.height();
		boolean[] m = new boolean[w * h];
		for (int i = 0; i < m.length; i++) m[i] = !Float.isNaN(surface.values()[i]);
		return new ContactRegion(w, h, m, "whole electrolyte footprint");
	}

	/**
	 * Liquid-metal columns told from O-ring columns by the band 2–5 voxels above the surface (the liquid metal is
	 * the class in the middle of the footprint); falls back to the footprint when the two populations are not
	 * separated by at least 3 pooled standard deviations.
	 */
	public static ContactRegion automatic(Volume v, HeightMap surface) {
		int w = v.width(), h = v.height(), d = v.depth();
		float[] band = new float[w * h];
		java.util.Arrays.fill(band, Float.NaN);
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double s = surface.at(x, y);
				if (Double.isNaN(s)) continue;
				int z0 = (int) Math.floor(s) + 2, z1 = Math.min(d - 1, z0 + 3);
				if (z0 >= d) continue;
				double sum = 0;
				for (int z = z0; z <= z1; z++) sum += v.get(x, y, z);
				float m = (float) (sum / (z1 - z0 + 1));
				band[y * w + x] = m;
				lo = Math.min(lo, m);
				hi = Math.max(hi, m);
			}
		// 3 × 3 column mean of the band means: the O-ring and liquid-metal grey values differ little
		float[] sm = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double sum = 0;
				int n = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= w || yy >= h || Float.isNaN(band[yy * w + xx])) continue;
						sum += band[yy * w + xx];
						n++;
					}
				sm[y * w + x] = Float.isNaN(band[y * w + x]) ? Float.NaN : (float) (sum / n);
			}
		band = sm;
		ContactRegion fallback = footprint(surface);
		if (!(hi > lo)) return fallback;
		int bins = 128;
		double[] c = new double[bins];
		for (float f : band) if (!Float.isNaN(f)) c[Math.min(bins - 1, (int) ((f - lo) / (hi - lo) * bins))]++;
		int cut = MultiOtsu.cutBins(c, 2)[0];
		double tcut = lo + cut * (hi - lo) / bins;
		// which side holds the liquid metal: the class whose mean is nearer the measured liquid-metal level
		double[] s = new double[2], s2 = new double[2], n = new double[2];
		for (float f : band) {
			if (Float.isNaN(f)) continue;
			int k = f < tcut ? 0 : 1;
			s[k] += f; s2[k] += f * f; n[k]++;
		}
		if (n[0] < 10 || n[1] < 10) return fallback;
		double m0 = s[0] / n[0], m1 = s[1] / n[1];
		double var = (s2[0] - n[0] * m0 * m0 + s2[1] - n[1] * m1 * m1) / (n[0] + n[1]);
		if (Math.abs(m1 - m0) < 3 * Math.sqrt(Math.max(var, 1e-30))) return fallback;
		// the liquid metal is the class at the middle of the footprint (the O-ring surrounds it)
		double cx = 0, cy = 0, cn = 0;
		for (int i = 0; i < band.length; i++) if (!Float.isNaN(band[i])) { cx += i % w; cy += i / w; cn++; }
		cx /= cn;
		cy /= cn;
		double rad = 0.25 * Math.sqrt(cn / Math.PI);
		int low = 0, high = 0;
		for (int i = 0; i < band.length; i++) {
			if (Float.isNaN(band[i]) || Math.hypot(i % w - cx, i / w - cy) > rad) continue;
			if (band[i] < tcut) low++;
			else high++;
		}
		boolean lmLow = low >= high;
		boolean[] m = new boolean[w * h];
		for (int i = 0; i < m.length; i++) {
			float f = band[i];
			if (Float.isNaN(f)) continue;
			// voids in the liquid metal are darker still: they belong to the contact side when it is the darker one
			m[i] = lmLow ? f < tcut : f >= tcut;
		}
		boolean[] largest = largestComponentFilled(m, w, h);
		for (int i = 0; i < m.length; i++) largest[i] &= surface.valid(i % w, i / w);
		return new ContactRegion(w, h, largest, "automatic (liquid metal above the surface, Otsu band cut " + (float) tcut + ")");
	}

	private static boolean[] largestComponentFilled(boolean[] m, int w, int h) {
		int[] lab = new int[w * h];
		int best = 0, bestSize = 0, next = 0;
		ArrayDeque<Integer> q = new ArrayDeque<>();
		for (int i = 0; i < m.length; i++) {
			if (!m[i] || lab[i] != 0) continue;
			int id = ++next, size = 0;
			lab[i] = id;
			q.add(i);
			while (!q.isEmpty()) {
				int p = q.poll();
				size++;
				int x = p % w, y = p / w;
				int[] nb = { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1 };
				for (int j : nb) if (j >= 0 && m[j] && lab[j] == 0) { lab[j] = id; q.add(j); }
			}
			if (size > bestSize) { bestSize = size; best = id; }
		}
		// fill holes: background not connected to the border
		boolean[] outside = new boolean[w * h];
		for (int i = 0; i < m.length; i++) {
			int x = i % w, y = i / w;
			if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && lab[i] != best && !outside[i]) {
				outside[i] = true;
				q.add(i);
			}
		}
		while (!q.isEmpty()) {
			int p = q.poll();
			int x = p % w, y = p / w;
			int[] nb = { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1 };
			for (int j : nb) if (j >= 0 && lab[j] != best && !outside[j]) { outside[j] = true; q.add(j); }
		}
		boolean[] out = new boolean[w * h];
		for (int i = 0; i < out.length; i++) out[i] = best != 0 && !outside[i];
		return out;
	}

	public boolean contains(int x, int y) {
		return columns[y * width + x];
	}

	/** The column mask (shared). */
	public boolean[] columns() {
		return columns;
	}

	public int columnCount() {
		int n = 0;
		for (boolean b : columns) if (b) n++;
		return n;
	}

	public String description() {
		return description;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}
}
