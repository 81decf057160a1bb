package org.tomolyte.view;

import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.tomolyte.cracks.CrackTrackingResult;
import org.tomolyte.cracks.TrackedObject;

/** Figures of tracked cracks and chips: depth against the charge passed, one line per track (paper Fig. 2). */
public final class CrackFigures {
	private CrackFigures() {}

	public static JFreeChart depthVersusCharge(CrackTrackingResult r) {
		Map<Integer, List<TrackedObject>> tracks = r.byTrack();
		XYSeries[] series = new XYSeries[tracks.size()];
		int k = 0;
		for (Map.Entry<Integer, List<TrackedObject>> e : tracks.entrySet()) {
			String kind = e.getValue().isEmpty() ? "" : e.getValue().get(0).object().kind().toString().toLowerCase(java.util.Locale.ROOT);
			double[][] d = r.depthVersusCharge(e.getKey());
			series[k++] = Charts.series("track " + e.getKey() + " (" + kind + ")", d[0], d[1]);
		}
		return Charts.lines("Crack and chip depth below the interface", "charge passed / mAh cm⁻²", "depth / µm", true, series);
	}
}
