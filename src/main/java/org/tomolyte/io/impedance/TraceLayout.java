package org.tomolyte.io.impedance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to read a cycling trace from a CSV/TXT table: which column holds which quantity and in which unit.
 * Columns not assigned are recognised from their header ("Voltage (mV)", "time/h", "Current [uA]"...).
 * Immutable; {@link #with} returns a modified copy.
 */
public final class TraceLayout {
	/** The quantities a trace is analysed by, with the EC-Lab export name and unit they are converted to. */
	public enum Quantity {
		TIME("time/s"), EWE("Ewe/V"), CURRENT("I/mA"), CHARGE("(Q-Qo)/mA.h"), CYCLE("cycle number");

		/** Column name in the resulting trace (EC-Lab's export name). */
		public final String ecLabName;

		Quantity(String ecLabName) {
			this.ecLabName = ecLabName;
		}
	}

	final Map<Integer, Quantity> quantities;
	final Map<Integer, String> units;

	private TraceLayout(Map<Integer, Quantity> q, Map<Integer, String> u) {
		this.quantities = Collections.unmodifiableMap(q);
		this.units = Collections.unmodifiableMap(u);
	}

	/** Everything recognised from the header. */
	public static TraceLayout auto() {
		return new TraceLayout(new LinkedHashMap<>(), new LinkedHashMap<>());
	}

	/**
	 * Assigns a 0-based column to a quantity in a unit: time s, min, h, ms; potential V, mV; current A, mA,
	 * uA (or µA), nA; charge mA.h (mAh), A.h (Ah), uA.h, C, mC; cycle: none.
	 *
	 * @throws IllegalArgumentException if the unit does not fit the quantity
	 */
	public TraceLayout with(int column, Quantity quantity, String unit) {
		if (column < 0) throw new IllegalArgumentException("column index must be >= 0, got " + column);
		factor(quantity, unit);
		Map<Integer, Quantity> q = new LinkedHashMap<>(quantities);
		Map<Integer, String> u = new LinkedHashMap<>(units);
		q.put(column, quantity);
		u.put(column, unit);
		return new TraceLayout(q, u);
	}

	/** Factor from {@code unit} to the quantity's EC-Lab unit (s, V, mA, mA.h). */
	static double factor(Quantity q, String unit) {
		String u = unit == null ? "" : unit.trim().replace("\u00b5", "u").replace("\u03bc", "u").replace(" ", "").toLowerCase(Locale.ROOT);
		switch (q) {
		case TIME:
			switch (u) {
			case "s": case "sec": return 1;
			case "ms": return 1e-3;
			case "min": return 60;
			case "h": case "hr": case "hour": case "hours": return 3600;
			default: break;
			}
			break;
		case EWE:
			switch (u) {
			case "v": return 1;
			case "mv": return 1e-3;
			default: break;
			}
			break;
		case CURRENT:
			switch (u) {
			case "a": return 1e3;
			case "ma": return 1;
			case "ua": return 1e-3;
			case "na": return 1e-6;
			default: break;
			}
			break;
		case CHARGE:
			switch (u) {
			case "ma.h": case "mah": return 1;
			case "a.h": case "ah": return 1e3;
			case "ua.h": case "uah": return 1e-3;
			case "c": return 1 / 3.6;
			case "mc": return 1 / 3600.0;
			default: break;
			}
			break;
		case CYCLE:
			if (u.isEmpty()) return 1;
			break;
		default:
			break;
		}
		throw new IllegalArgumentException("unit '" + unit + "' does not fit " + q + " (" + q.ecLabName + ")");
	}
}
