/**
 * Phase segmentation and the anode | electrolyte interface of operando XCT volumes (Wu &amp; Hatzell 2025,
 * NaK on NASICON): automatic multi-level Otsu thresholds, median denoising, sub-voxel height map of the
 * electrolyte top surface, contact fraction, void footprint, roughness, tilt and the effective current density.
 * Convention: z is the slice index and increases upwards; the liquid metal lies above (higher z) the electrolyte.
 */
package org.tomolyte.interfaces;
