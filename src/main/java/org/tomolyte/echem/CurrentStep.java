package org.tomolyte.echem;

/**
 * One constant-current segment of a trace (a CCD half-cycle, an SGEIS current level, a stripping pulse or a
 * rest), as found by {@link StepDetector}. Rows are inclusive indices into the trace; {@code endS} is the
 * time the next segment began (or the last sample time for the final segment), so the duration counts the
 * whole period the current was held.
 */
public final class CurrentStep {
	private final int index;
	private final int firstRow;
	private final int lastRow;
	private final double startS;
	private final double endS;
	private final double currentMa;
	private final double setCurrentMa;
	private final Direction direction;

	public CurrentStep(int index, int firstRow, int lastRow, double startS, double endS, double currentMa, double setCurrentMa,
			Direction direction) {
		this.index = index;
		this.firstRow = firstRow;
		this.lastRow = lastRow;
		this.startS = startS;
		this.endS = endS;
		this.currentMa = currentMa;
		this.setCurrentMa = setCurrentMa;
		this.direction = direction;
	}

	/** Position among all segments of the trace, from 0. */
	public int index() {
		return index;
	}

	public int firstRow() {
		return firstRow;
	}

	public int lastRow() {
		return lastRow;
	}

	public int rowCount() {
		return lastRow - firstRow + 1;
	}

	public double startS() {
		return startS;
	}

	public double endS() {
		return endS;
	}

	public double durationS() {
		return endS - startS;
	}

	/** Median measured current over the segment (mA); exactly 0 for rests. */
	public double currentMa() {
		return currentMa;
	}

	/** Programmed current from the {@code control/mA} column (mA), NaN if the trace has none. */
	public double setCurrentMa() {
		return setCurrentMa;
	}

	/** The programmed current when recorded, else the measured one (mA). */
	public double nominalCurrentMa() {
		return Double.isNaN(setCurrentMa) ? currentMa : setCurrentMa;
	}

	public double densityMaCm2(double areaCm2) {
		return currentMa / areaCm2;
	}

	public Direction direction() {
		return direction;
	}

	public boolean isRest() {
		return direction == Direction.REST;
	}

	@Override
	public String toString() {
		return "CurrentStep[" + index + ", rows " + firstRow + ".." + lastRow + ", " + startS + ".." + endS + " s, " + currentMa + " mA, "
				+ direction.label() + "]";
	}
}
