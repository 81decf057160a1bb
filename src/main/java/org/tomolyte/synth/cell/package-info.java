/**
 * Synthetic operando XCT of a NaK | NASICON cell with known truth, modelled on the in-situ synchrotron
 * experiment of Wu &amp; Hatzell (2025): a tilted, rough anode–electrolyte interface inside an O-ring, interfacial
 * voids, a crack that initiates near the contact edge and grows with the charge passed, an edge chip that
 * detaches and later fills with liquid metal, per-scan rigid drift, blur, noise and lab-frame ring artifacts,
 * and raw parallel-beam projections of chosen slices. Entry points: {@link org.tomolyte.synth.cell.SyntheticCell}
 * and {@link org.tomolyte.synth.cell.SyntheticCellWriter}.
 */
package org.tomolyte.synth.cell;
