package org.tomolyte.synth.cell;

import org.tomolyte.model.Table;

/**
 * The truth as tables in the column layouts of Tomolyte's measurement outputs (alignment transforms.csv,
 * crack tracks.csv, interface.csv), so a test or demo can compare a result with the truth column by column.
 */
public final class TruthTables {
	private TruthTables() {}

	/** scan,m00..m23,tx_um,ty_um,tz_um,rx_deg,ry_deg,rz_deg,residual_um (scan → reference; residual 0). */
	public static Table transforms(CellTruth truth) {
		Table t = new Table("transforms_truth", "scan", "m00", "m01", "m02", "m03", "m10", "m11", "m12", "m13", "m20", "m21", "m22", "m23", "tx_um", "ty_um",
				"tz_um", "rx_deg", "ry_deg", "rz_deg", "residual_um");
		for (CellTruth.ScanTruth st : truth.scans) {
			Object[] row = new Object[20];
			row[0] = st.scan;
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 4; c++) row[1 + 4 * r + c] = st.transform[r][c];
			for (int k = 0; k < 3; k++) {
				row[13 + k] = st.translationUm[k];
				row[16 + k] = st.rotationDeg[k];
			}
			row[19] = 0.0;
			t.addRow(row);
		}
		return t;
	}

	/**
	 * One row per object per scan in which it exists: the crack (track 1: depth below the local interface,
	 * surface trace length, face area, volume, maximum opening) and the chip (track 2: depth, footprint length
	 * along the trace, footprint area, volume; no opening).
	 *
	 * @param startS scan start times (s) for the time column
	 */
	public static Table tracks(CellTruth truth, double[] startS) {
		Table t = new Table("tracks_truth", "scan", "time_s", "capacity_mah_cm2", "track_id", "kind", "event", "depth_um", "length_um", "area_um2", "volume_um3",
				"opening_um", "infiltrated");
		for (CellTruth.ScanTruth st : truth.scans) {
			CellTruth.CrackTruth c = st.crack;
			if (c.exists)
				t.addRow(st.scan, startS[st.scan], st.capacityMahCm2, c.trackId, "crack", c.event, c.depthUm, c.traceLengthUm, c.faceAreaUm2, c.volumeUm3,
						c.openingMaxUm, Boolean.toString(c.infiltrated));
			CellTruth.ChipTruth h = st.chip;
			if (h.exists)
				t.addRow(st.scan, startS[st.scan], st.capacityMahCm2, h.trackId, "chip", h.event, h.depthUm, 2 * h.halfLengthUm, h.footprintAreaUm2, h.volumeUm3,
						null, Boolean.toString(h.filled));
		}
		return t;
	}

	/** scan,contact_fraction,contact_area_um2,roughness_rms_um,tilt_deg (reference frame),tilt_scan_deg,mean_height_um (reference). */
	public static Table interfaces(CellTruth truth) {
		Table t = new Table("interface_truth", "scan", "contact_fraction", "contact_area_um2", "roughness_rms_um", "tilt_deg", "tilt_scan_deg", "mean_height_um");
		for (CellTruth.ScanTruth st : truth.scans)
			t.addRow(st.scan, st.contactFraction, st.contactAreaUm2, truth.roughnessRmsUm, truth.interfaceReference.tiltDeg, st.interfaceScan.tiltDeg,
					truth.interfaceReference.meanHeightUm);
		return t;
	}
}
