package org.tomolyte.cracks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tomolyte.interfaces.InterfaceMetrics;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/**
 * Everything {@link CrackTracker#track} found: per scan the tracked cracks and chips and the interface metrics,
 * the scans' times and capacities, as macro-API tables ({@code tracks.csv}, {@code interface.csv}) plus detail
 * tables (orientation, growth rates, threshold sensitivity), label images for overlays and the montage of one
 * virtual cross-section through a crack at every scan.
 */
public final class CrackTrackingResult {
	public static final String[] TRACKS_COLUMNS = { "scan", "time_s", "capacity_mah_cm2", "track_id", "kind", "event", "depth_um", "length_um", "area_um2",
			"volume_um3", "opening_um", "infiltrated" };
	public static final String[] INTERFACE_COLUMNS = { "scan", "contact_fraction", "roughness_rms_um", "tilt_deg" };

	private final ReferenceFrame reference;
	private final List<List<TrackedObject>> perScan;
	private final List<InterfaceMetrics> interfaces;
	private final double[] timesS, capacities, currentsMa;
	private final double areaCm2;
	private final Table sensitivity;
	private final int width, height, depth;

	CrackTrackingResult(ReferenceFrame reference, List<List<TrackedObject>> perScan, List<InterfaceMetrics> interfaces, double[] timesS, double[] capacities,
			double[] currentsMa, double areaCm2, Table sensitivity) {
		this.reference = reference;
		this.perScan = perScan;
		this.interfaces = interfaces;
		this.timesS = timesS;
		this.capacities = capacities;
		this.currentsMa = currentsMa;
		this.areaCm2 = areaCm2;
		this.sensitivity = sensitivity;
		Volume r = reference.reference();
		this.width = r.width();
		this.height = r.height();
		this.depth = r.depth();
	}

	public int scanCount() {
		return perScan.size();
	}

	/** The tracked objects of scan {@code s}. */
	public List<TrackedObject> objects(int s) {
		return Collections.unmodifiableList(perScan.get(s));
	}

	public InterfaceMetrics interfaceMetrics(int s) {
		return interfaces.get(s);
	}

	public ReferenceFrame reference() {
		return reference;
	}

	/** Areal capacity at each scan start, mAh cm⁻² (NaN without a trace). */
	public double[] capacitiesMahCm2() {
		return capacities.clone();
	}

	public double[] timesS() {
		return timesS.clone();
	}

	/** The three-phase (or four-phase) segmentation of a scan under the reference scan's thresholds. */
	public org.tomolyte.interfaces.PhaseSegmentation segment(Volume scan) {
		return org.tomolyte.interfaces.PhaseSegmentation.classify(scan, reference.thresholds());
	}

	/** Label images of scan {@code s}, coloured by track ID. */
	public ScanLabels labels(int s) {
		return new ScanLabels(width, height, depth, perScan.get(s));
	}

	/** {@code tracks.csv}: one row per object per scan. */
	public Table tracksTable() {
		Table t = new Table("tracks", TRACKS_COLUMNS);
		for (int s = 0; s < perScan.size(); s++)
			for (TrackedObject o : perScan.get(s)) {
				ObjectMeasurement m = o.measurement();
				t.addRow(s, timesS[s], capacities[s], o.trackId(), m.kind().label(), o.eventLabel(), m.depthUm(), m.lengthUm(), m.areaUm2(), m.volumeUm3(),
						m.openingUm(), m.infiltrated() ? 1 : 0);
			}
		return t;
	}

	/** {@code interface.csv}: one row per scan. */
	public Table interfaceTable() {
		Table t = new Table("interface", INTERFACE_COLUMNS);
		for (int s = 0; s < interfaces.size(); s++) {
			InterfaceMetrics m = interfaces.get(s);
			t.addRow(s, m.contactFraction(), m.roughnessRmsUm(), m.tiltDeg());
		}
		return t;
	}

	/**
	 * Interface details per scan: nominal area (the electrolyte top-surface footprint inside the contact region),
	 * contact and void areas, peak-to-valley, tilt azimuth, current and effective current density.
	 */
	public Table interfaceDetailTable() {
		Table t = new Table("interface_detail", "scan", "time_s", "capacity_mah_cm2", "nominal_area_um2", "contact_area_um2", "contact_fraction", "void_area_um2",
				"void_fraction", "roughness_rms_um", "peak_to_valley_um", "tilt_deg", "tilt_azimuth_deg", "current_ma", "effective_current_density_ma_cm2");
		for (int s = 0; s < interfaces.size(); s++) {
			InterfaceMetrics m = interfaces.get(s);
			double i = currentsMa[s];
			t.addRow(s, timesS[s], capacities[s], m.nominalAreaUm2(), m.contactAreaUm2(), m.contactFraction(), m.voidAreaUm2(), m.voidFraction(), m.roughnessRmsUm(),
					m.peakToValleyUm(), m.tiltDeg(), m.tiltAzimuthDeg(), i, Double.isNaN(i) ? Double.NaN : m.effectiveCurrentDensityMaCm2(i, areaCm2));
		}
		return t;
	}

	/** Orientation and position of every object: normal, dip, strike, centre, voxel count. */
	public Table objectsTable() {
		Table t = new Table("objects", "scan", "track_id", "kind", "voxels", "centre_x_um", "centre_y_um", "centre_z_um", "normal_x", "normal_y", "normal_z", "dip_deg",
				"strike_deg");
		for (int s = 0; s < perScan.size(); s++)
			for (TrackedObject o : perScan.get(s)) {
				ObjectMeasurement m = o.measurement();
				double[] c = m.centroidUm(), n = m.normal();
				t.addRow(s, o.trackId(), m.kind().label(), m.voxelCount(), c[0], c[1], c[2], n[0], n[1], n[2], m.dipDeg(), m.strikeDeg());
			}
		return t;
	}

	/**
	 * Growth rates per unit charge: for every track, each pair of consecutive appearances ({@code basis} =
	 * interval) and a least-squares slope over all its appearances ({@code basis} = fit), in µm, µm² and µm³ per
	 * mAh cm⁻². Empty without capacities.
	 */
	public Table growthRatesTable() {
		Table t = new Table("growth_rates", "track_id", "kind", "basis", "scan_from", "scan_to", "depth_rate_um_per_mah_cm2", "area_rate_um2_per_mah_cm2",
				"volume_rate_um3_per_mah_cm2");
		Map<Integer, List<TrackedObject>> byTrack = byTrack();
		for (Map.Entry<Integer, List<TrackedObject>> e : byTrack.entrySet()) {
			List<TrackedObject> l = e.getValue();
			String kind = l.get(0).measurement().kind().label();
			for (int k = 1; k < l.size(); k++) {
				TrackedObject a = l.get(k - 1), b = l.get(k);
				double dq = capacities[b.scan()] - capacities[a.scan()];
				if (!(Math.abs(dq) > 0)) continue;
				t.addRow(e.getKey(), kind, "interval", a.scan(), b.scan(), (b.measurement().depthUm() - a.measurement().depthUm()) / dq,
						(b.measurement().areaUm2() - a.measurement().areaUm2()) / dq, (b.measurement().volumeUm3() - a.measurement().volumeUm3()) / dq);
			}
			if (l.size() >= 2) {
				double[] q = new double[l.size()], d = new double[l.size()], ar = new double[l.size()], v = new double[l.size()];
				for (int k = 0; k < l.size(); k++) {
					q[k] = capacities[l.get(k).scan()];
					d[k] = l.get(k).measurement().depthUm();
					ar[k] = l.get(k).measurement().areaUm2();
					v[k] = l.get(k).measurement().volumeUm3();
				}
				double sd = slope(q, d);
				if (!Double.isNaN(sd)) t.addRow(e.getKey(), kind, "fit", l.get(0).scan(), l.get(l.size() - 1).scan(), sd, slope(q, ar), slope(q, v));
			}
		}
		return t;
	}

	/** Sensitivity of every metric to ±Δ thresholds (empty unless the settings asked for it). */
	public Table sensitivityTable() {
		return sensitivity;
	}

	/** Depth (µm) versus capacity (mAh cm⁻²) of one track: {capacities, depths}, for the depth–charge plot. */
	public double[][] depthVersusCharge(int trackId) {
		List<TrackedObject> l = byTrack().get(trackId);
		if (l == null) throw new CrackException("No track with ID " + trackId);
		double[][] out = new double[2][l.size()];
		for (int k = 0; k < l.size(); k++) {
			out[0][k] = capacities[l.get(k).scan()];
			out[1][k] = l.get(k).measurement().depthUm();
		}
		return out;
	}

	/**
	 * The montage: the same virtual cross-section, across the crack of track {@code trackId} as it is at its
	 * last appearance, sampled in every scan (images x fastest, row 0 on top).
	 */
	public List<float[]> montage(List<Volume> scans, int trackId, int widthPx, int heightPx) {
		CrossSection cs = montageSection(trackId, widthPx, heightPx);
		List<float[]> out = new ArrayList<>();
		for (Volume v : scans) out.add(cs.sample(v));
		return out;
	}

	/** The plane of {@link #montage}. */
	public CrossSection montageSection(int trackId, int widthPx, int heightPx) {
		List<TrackedObject> l = byTrack().get(trackId);
		if (l == null) throw new CrackException("No track with ID " + trackId + " for the montage");
		return CrossSection.acrossCrack(l.get(l.size() - 1).measurement(), widthPx, heightPx, reference.reference().voxelXUm());
	}

	/** Track ID → its objects in scan order. */
	public Map<Integer, List<TrackedObject>> byTrack() {
		Map<Integer, List<TrackedObject>> m = new TreeMap<>();
		for (List<TrackedObject> l : perScan)
			for (TrackedObject o : l) m.computeIfAbsent(o.trackId(), k -> new ArrayList<>()).add(o);
		return m;
	}

	private static double slope(double[] x, double[] y) {
		int n = x.length;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
		mx /= n;
		my /= n;
		double sxx = 0, sxy = 0;
		for (int i = 0; i < n; i++) {
			sxx += (x[i] - mx) * (x[i] - mx);
			sxy += (x[i] - mx) * (y[i] - my);
		}
		return sxx > 0 ? sxy / sxx : Double.NaN;
	}
}
