package org.tomolyte.view.linked;

import java.util.ArrayList;
import java.util.List;

/**
 * Iso-lines of a gridded field by marching squares (Lorensen &amp; Cline's cell-by-cell case table in 2-D),
 * as unjoined segments for drawing; cells with a NaN corner are skipped.
 */
final class Contours {
	private Contours() {}

	/** Segments {x1, y1, x2, y2} of the level set v = level, v[row][col] at (x[col], y[row]). */
	static List<double[]> segments(double[] x, double[] y, double[][] v, double level) {
		List<double[]> out = new ArrayList<>();
		for (int r = 0; r + 1 < y.length; r++)
			for (int c = 0; c + 1 < x.length; c++) {
				double a = v[r][c], b = v[r][c + 1], cc = v[r + 1][c + 1], d = v[r + 1][c];
				if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(cc) || Double.isNaN(d)) continue;
				// crossings on the four edges: bottom (a-b), right (b-cc), top (d-cc), left (a-d)
				double[][] pts = new double[4][];
				int k = 0;
				if ((a < level) != (b < level)) pts[k++] = new double[] { lerp(x[c], x[c + 1], a, b, level), y[r] };
				if ((b < level) != (cc < level)) pts[k++] = new double[] { x[c + 1], lerp(y[r], y[r + 1], b, cc, level) };
				if ((d < level) != (cc < level)) pts[k++] = new double[] { lerp(x[c], x[c + 1], d, cc, level), y[r + 1] };
				if ((a < level) != (d < level)) pts[k++] = new double[] { x[c], lerp(y[r], y[r + 1], a, d, level) };
				if (k == 2) out.add(new double[] { pts[0][0], pts[0][1], pts[1][0], pts[1][1] });
				else if (k == 4) { // saddle: pair edges by the cell's mean
					double m = (a + b + cc + d) / 4;
					if ((m < level) == (a < level)) {
						out.add(new double[] { pts[0][0], pts[0][1], pts[1][0], pts[1][1] });
						out.add(new double[] { pts[2][0], pts[2][1], pts[3][0], pts[3][1] });
					} else {
						out.add(new double[] { pts[0][0], pts[0][1], pts[3][0], pts[3][1] });
						out.add(new double[] { pts[1][0], pts[1][1], pts[2][0], pts[2][1] });
					}
				}
			}
		return out;
	}

	private static double lerp(double p, double q, double vp, double vq, double level) {
		return p + (level - vp) / (vq - vp) * (q - p);
	}
}
