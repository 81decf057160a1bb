package org.tomolyte.synth.cell;

/**
 * What has happened to the cell by the start of one scan, from the charge passed: crack initiated (and its
 * size), chip detached, chip filled with liquid metal, crack infiltrated by liquid metal. The sample is
 * frozen during a scan.
 */
public final class ScanState {
	private final int scanIndex;
	private final double startS;
	private final double capacityMahCm2;
	private final CrackShape crack;
	private final boolean crackInfiltrated;
	private final boolean chipDetached;
	private final boolean chipFilled;

	ScanState(int scanIndex, double startS, double capacityMahCm2, CrackShape crack, boolean crackInfiltrated, boolean chipDetached, boolean chipFilled) {
		this.scanIndex = scanIndex;
		this.startS = startS;
		this.capacityMahCm2 = capacityMahCm2;
		this.crack = crack;
		this.crackInfiltrated = crackInfiltrated;
		this.chipDetached = chipDetached;
		this.chipFilled = chipFilled;
	}

	public int scanIndex() {
		return scanIndex;
	}

	public double startS() {
		return startS;
	}

	public double capacityMahCm2() {
		return capacityMahCm2;
	}

	/** The crack, or null before initiation. */
	public CrackShape crack() {
		return crack;
	}

	public boolean crackInfiltrated() {
		return crackInfiltrated;
	}

	public boolean chipDetached() {
		return chipDetached;
	}

	public boolean chipFilled() {
		return chipFilled;
	}
}
