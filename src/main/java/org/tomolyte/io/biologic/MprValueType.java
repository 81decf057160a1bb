package org.tomolyte.io.biologic;

/** How one value of an {@code .mpr} data column is stored: little-endian, fixed width. */
enum MprValueType {
	UINT8(1), UINT16(2), UINT32(4), FLOAT32(4), FLOAT64(8);

	final int bytes;

	MprValueType(int bytes) {
		this.bytes = bytes;
	}
}
