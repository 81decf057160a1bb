package org.tomolyte.cracks;

import org.tomolyte.interfaces.ContactRegion;
import org.tomolyte.interfaces.HeightMap;
import org.tomolyte.interfaces.InterfaceException;
import org.tomolyte.interfaces.MedianFilter3D;
import org.tomolyte.interfaces.PhaseLevels;
import org.tomolyte.interfaces.PhaseThresholds;
import org.tomolyte.model.Volume;
import org.tomolyte.task.Progress;

/**
 * What every later scan is compared with: the reference (first, pristine) scan, its thresholds, phase grey
 * levels and blur, its electrolyte surface (the "local interface" below which depths are measured) and the
 * nominal contact region, and the slab of slices searched for cracks.
 */
public final class ReferenceFrame {
	private final Volume reference;
	private final PhaseThresholds thresholds;
	private final PhaseLevels levels;
	private final HeightMap surface;
	private final ContactRegion contact;
	private final int zLow, zHigh;
	private final double slabVoxels;

	private ReferenceFrame(Volume reference, PhaseThresholds thresholds, PhaseLevels levels, HeightMap surface, ContactRegion contact, double slabVoxels) {
		this.reference = reference;
		this.thresholds = thresholds;
		this.levels = levels;
		this.surface = surface;
		this.contact = contact;
		this.slabVoxels = slabVoxels;
		double[] r = surface.range();
		this.zLow = Math.max(0, (int) Math.floor(r[0] - slabVoxels) - 1);
		this.zHigh = Math.min(reference.depth() - 1, (int) Math.ceil(r[1]) + 4);
	}

	/** Measures the reference scan under the settings (thresholds automatic unless given). */
	public static ReferenceFrame of(Volume reference, CrackSettings s, Progress progress) {
		try {
			Volume forInterface = s.medianRadius() > 0 ? MedianFilter3D.filter(reference, s.medianRadius(), progress.sub(0, 0.8)) : reference;
			// the surface from the Otsu electrolyte cut, then levels measured at the interface, then midpoint thresholds
			double eCut = s.thresholds() != null ? s.thresholds().electrolyteMin() : PhaseThresholds.electrolyteCut(forInterface);
			HeightMap raw = HeightMap.of(forInterface, eCut);
			if (raw.validCount() == 0)
				throw new CrackException("No electrolyte surface in the reference scan with electrolyte threshold " + eCut
						+ ": the electrolyte must be the brightest phase, below (lower z than) the liquid metal");
			PhaseLevels lv0 = PhaseLevels.measure(forInterface, raw, eCut);
			ContactRegion c;
			switch (s.contactMode()) {
			case DISC: c = ContactRegion.disc(raw, s.contactCentreXUm(), s.contactCentreYUm(), s.contactRadiusUm()); break;
			case FOOTPRINT: c = ContactRegion.footprint(raw); break;
			default: c = ContactRegion.automatic(forInterface, raw);
			}
			PhaseLevels lv = c.columnCount() > 0 ? PhaseLevels.measure(forInterface, raw, eCut, c.columns()) : lv0;
			PhaseThresholds t = s.thresholds();
			if (t == null) {
				PhaseThresholds mid = lv.midpointThresholds();
				double precip = Double.NaN;
				if (s.precipitateClass()) {
					PhaseThresholds four = PhaseThresholds.automatic(forInterface, true);
					precip = four.precipitateMax();
					if (!(precip > mid.liquidMetalMax() && precip < lv.electrolyteGrey())) precip = Double.NaN;
				}
				t = new PhaseThresholds(mid.voidMax(), mid.liquidMetalMax(), precip);
			}
			// the sub-voxel surface on the grey level half-way between electrolyte and liquid metal
			HeightMap surf = HeightMap.of(forInterface, 0.5 * (lv.electrolyteGrey() + lv.liquidMetalGrey())).median(1, true);
			progress.report(1, "Reference scan measured");
			return new ReferenceFrame(reference, t, lv, surf, c, s.slabUm() / reference.voxelZUm());
		} catch (InterfaceException e) {
			throw new CrackException("Reference scan: " + e.getMessage(), e);
		}
	}

	public Volume reference() {
		return reference;
	}

	public PhaseThresholds thresholds() {
		return thresholds;
	}

	public PhaseLevels levels() {
		return levels;
	}

	/** The reference electrolyte surface, voxel units of z (median-smoothed over 3 × 3 columns). */
	public HeightMap surface() {
		return surface;
	}

	public ContactRegion contact() {
		return contact;
	}

	/** Lowest slice of the search slab. */
	public int zLow() {
		return zLow;
	}

	/** Highest slice of the search slab. */
	public int zHigh() {
		return zHigh;
	}

	public double slabVoxels() {
		return slabVoxels;
	}

	/** Grey contrast electrolyte − void, the unit of deficits. */
	public double contrast() {
		return levels.electrolyteGrey() - levels.voidGrey();
	}
}
