/**
 * Cracks and edge chips in the electrolyte below the anode interface of aligned operando XCT scans (Wu &amp;
 * Hatzell 2025, Fig. 2c–g: crack initiation near the contact edge, edge chipping, NaK infiltration): detection
 * as electrolyte lost relative to the reference scan inside a slab below the interface, 3D labelling, per-object
 * measurements from the grey-value deficit, overlap tracking with events, and placement on the charge axis.
 * The façade is {@link org.tomolyte.cracks.CrackTracker}.
 */
package org.tomolyte.cracks;
