package org.tomolyte.cracks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.tomolyte.interfaces.HeightMap;
import org.tomolyte.interfaces.InterfaceAnalyzer;
import org.tomolyte.interfaces.InterfaceException;
import org.tomolyte.interfaces.InterfaceMetrics;
import org.tomolyte.interfaces.MedianFilter3D;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * The façade of "Track Cracks": aligned operando scans in, tracked cracks and edge chips, interface metrics and
 * their place on the charge axis out (Wu &amp; Hatzell 2025, Fig. 2: crack initiation near the contact edge, edge
 * chipping, NaK infiltration before the short circuit). The first scan is the reference. Scans are processed one
 * after another, each inside the slab below the reference interface, so memory beyond the input scans stays
 * proportional to the slab and the objects.
 */
public final class CrackTracker {
	private CrackTracker() {}

	/**
	 * @param alignedScans scans on one grid (registered), the first being the pristine reference
	 * @param scanStartS start time of each scan on the trace's clock, s
	 * @param traceOrNull potentiostat trace for capacities and currents, or null (capacities NaN)
	 * @param areaCm2 electrode area for areal capacity and current density, cm²
	 */
	public static CrackTrackingResult track(List<Volume> alignedScans, double[] scanStartS, Trace traceOrNull, double areaCm2, CrackSettings settings,
			Progress progress) {
		if (alignedScans == null || alignedScans.isEmpty()) throw new CrackException("No scans given");
		return track(alignedScans.size(), alignedScans::get, scanStartS, traceOrNull, areaCm2, settings, progress);
	}

	/**
	 * As {@link #track(List, double[], Trace, double, CrackSettings, Progress)} with scans loaded on demand: only
	 * the reference, the previous and the current scan are held, so long series of large scans need memory for
	 * three scans (crop them to a z-range around the interface to bound it further).
	 *
	 * @param scanCount number of scans
	 * @param loader scan index → aligned scan (called once per index, in increasing order)
	 */
	public static CrackTrackingResult track(int scanCount, IntFunction<Volume> loader, double[] scanStartS, Trace traceOrNull, double areaCm2,
			CrackSettings settings, Progress progress) {
		if (scanCount < 1) throw new CrackException("No scans given");
		if (scanStartS == null || scanStartS.length != scanCount)
			throw new CrackException("Got " + scanCount + " scans but " + (scanStartS == null ? 0 : scanStartS.length) + " start times (scans.csv start_s)");
		if (!(areaCm2 > 0)) throw new CrackException("area_cm2 must be positive, got " + areaCm2);
		Volume ref = loader.apply(0);
		int n = scanCount;
		double[] capacities = new double[n], currents = new double[n];
		java.util.Arrays.fill(capacities, Double.NaN);
		java.util.Arrays.fill(currents, settings.cellCurrentMa());
		if (traceOrNull != null) {
			capacities = ChargeAxis.capacitiesMahCm2(traceOrNull, scanStartS, areaCm2);
			if (Double.isNaN(settings.cellCurrentMa()))
				for (int s = 0; s < n; s++) currents[s] = ChargeAxis.currentMaAt(traceOrNull, scanStartS[s]);
		}
		double per = 1.0 / (n + 1);
		ReferenceFrame rf = ReferenceFrame.of(ref, settings, progress.sub(0, per));
		OverlapTracker tracker = new OverlapTracker(settings, ref.voxelZUm());
		List<List<TrackedObject>> perScan = new ArrayList<>();
		Volume previous = null;
		List<InterfaceMetrics> interfaces = new ArrayList<>();
		Table sens = new Table("sensitivity", "scan", "track_id", "metric", "value", "value_minus", "value_plus", "spread");
		double delta = settings.sensitivityDelta();
		for (int s = 0; s < n; s++) {
			progress.checkCancelled();
			Progress p = progress.sub((s + 1) * per, (s + 2) * per);
			p.report(0, "Scan " + s + ": interface");
			Volume v = s == 0 ? ref : loader.apply(s);
			if (v.width() != ref.width() || v.height() != ref.height() || v.depth() != ref.depth())
				throw new CrackException("Scan " + s + " is " + v + " but scan 0 is " + ref + ": align and resample all scans onto one grid first");
			InterfaceMetrics im;
			try {
				Volume forInterface = settings.medianRadius() > 0 ? MedianFilter3D.filter(v, settings.medianRadius(), p.sub(0, 0.3)) : v;
				HeightMap h = HeightMap.of(forInterface, 0.5 * (rf.levels().electrolyteGrey() + rf.levels().liquidMetalGrey()));
				im = InterfaceAnalyzer.analyze(forInterface, h, rf.contact(), rf.levels());
				interfaces.add(im);
				if (delta > 0) {
					// the dry/wet decision level moved by the same fraction Δ of the electrolyte–void contrast, in void-thickness voxels
					double g = delta * rf.contrast() / (rf.levels().liquidMetalGrey() - rf.levels().voidGrey());
					double t0 = InterfaceAnalyzer.VOID_THICKNESS_VOXELS;
					double lo = InterfaceAnalyzer.analyze(forInterface, h, rf.contact(), rf.levels(), Math.max(0.05, t0 - g)).contactFraction();
					double hi = InterfaceAnalyzer.analyze(forInterface, h, rf.contact(), rf.levels(), t0 + g).contactFraction();
					sens.addRow(s, 0, "contact_fraction", im.contactFraction(), lo, hi, Math.max(im.contactFraction(), Math.max(lo, hi)) - Math.min(im.contactFraction(), Math.min(lo, hi)));
				}
			} catch (InterfaceException e) {
				throw new CrackException("Scan " + s + ": " + e.getMessage(), e);
			}
			p.report(0.4, "Scan " + s + ": cracks and chips");
			List<VoxelObject> objs = s == 0 ? new ArrayList<>() : LostElectrolyteDetector.detect(rf, v, settings, 0);
			List<Boolean> fill = s == 0 ? null : FillChange.crackFill(rf, previous, v, objs, perScan.get(s - 1), settings);
			List<ObjectMeasurement> ms = ObjectMeasurer.measure(rf, v, objs, fill);
			List<TrackedObject> tracked = tracker.next(s, objs, ms);
			perScan.add(tracked);
			if (delta > 0 && s > 0 && !tracked.isEmpty()) sensitivity(rf, v, settings, tracked, delta, s, sens);
			p.report(1, "Scan " + s + ": " + tracked.size() + " objects");
			previous = v;
		}
		return new CrackTrackingResult(rf, perScan, interfaces, scanStartS.clone(), capacities, currents, areaCm2, sens);
	}

	/** Re-detects with the deficit levels moved by ±Δ and reports each object's metrics at the three settings. */
	private static void sensitivity(ReferenceFrame rf, Volume v, CrackSettings s, List<TrackedObject> nominal, double delta, int scan, Table out) {
		List<VoxelObject> lo = LostElectrolyteDetector.detect(rf, v, s, -delta), hi = LostElectrolyteDetector.detect(rf, v, s, delta);
		List<ObjectMeasurement> mlo = ObjectMeasurer.measure(rf, v, lo), mhi = ObjectMeasurer.measure(rf, v, hi);
		for (TrackedObject o : nominal) {
			ObjectMeasurement a = match(o, lo, mlo), b = match(o, hi, mhi), m = o.measurement();
			String[] names = { "depth_um", "area_um2", "volume_um3", "opening_um" };
			for (String name : names) {
				double x = value(m, name), xl = a == null ? Double.NaN : value(a, name), xh = b == null ? Double.NaN : value(b, name);
				double spread = Math.max(x, Math.max(xl, xh)) - Math.min(x, Math.min(xl, xh));
				out.addRow(scan, o.trackId(), name, x, xl, xh, spread);
			}
		}
	}

	private static ObjectMeasurement match(TrackedObject o, List<VoxelObject> objs, List<ObjectMeasurement> ms) {
		long best = 0;
		ObjectMeasurement m = null;
		for (int i = 0; i < objs.size(); i++) {
			if (objs.get(i).kind() != o.object().kind()) continue;
			long k = objs.get(i).intersection(o.object());
			if (k > best) { best = k; m = ms.get(i); }
		}
		return m;
	}

	private static double value(ObjectMeasurement m, String name) {
		switch (name) {
		case "depth_um": return m.depthUm();
		case "area_um2": return m.areaUm2();
		case "volume_um3": return m.volumeUm3();
		default: return m.openingUm();
		}
	}
}
