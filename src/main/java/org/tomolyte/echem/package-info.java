/**
 * Cycling analyses of Wu &amp; Hatzell, J. Mater. Chem. A 2025 (NaK|NASICON): one façade per user action, each
 * returning a result object and its {@link org.tomolyte.model.Table}s keyed by output file name.
 * <ul>
 * <li>{@link org.tomolyte.echem.CriticalCurrentDensity#analyse} → {@link org.tomolyte.echem.CcdResult}:
 * {@code steps.csv}, {@code summary.csv}.</li>
 * <li>{@link org.tomolyte.echem.StrippingOnset#analyse} → {@link org.tomolyte.echem.OnsetResult}:
 * {@code onset_steps.csv}, {@code onset_summary.csv}.</li>
 * <li>{@link org.tomolyte.echem.PulsedStripping#analyse} → {@link org.tomolyte.echem.PulsedResult}:
 * {@code pulses.csv}, {@code capacity_vs_rest.csv}.</li>
 * <li>{@link org.tomolyte.echem.CapacityAtTime} → {@code capacity_at_time} table for given instants.</li>
 * </ul>
 * Conventions: a positive current strips Na from the working electrode (EC-Lab's anodic sign); polarisation
 * = sign(I)·(Ewe − E_rest); densities use the programmed current ({@code control/mA}) when recorded; areal
 * capacities are ∫|I|dt / area. Errors are {@link org.tomolyte.echem.EchemAnalysisException}.
 */
package org.tomolyte.echem;
