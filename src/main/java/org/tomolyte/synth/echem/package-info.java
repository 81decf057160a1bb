/**
 * Seeded synthetic electrochemistry with known truth, after the experiments of Wu &amp; Hatzell, J. Mater.
 * Chem. A 2025: a CCD staircase with a short circuit ({@link org.tomolyte.synth.echem.CcdStaircaseGenerator}),
 * an SGEIS-like current staircase with a stripping onset ({@link org.tomolyte.synth.echem.StaircaseScanGenerator}),
 * pulsed stripping to a cut-off ({@link org.tomolyte.synth.echem.PulsedStrippingGenerator}) and operando
 * impedance spectra from an equivalent circuit with an exact DRT ({@link org.tomolyte.synth.echem.OperandoEisGenerator}).
 * Traces use EC-Lab's column names ({@code time/s, control/mA, Ewe/V, I/mA, (Q-Qo)/mA.h, Ns, cycle number}); a
 * row is written at the start of every segment and every {@code sampleIntervalS}, carrying that segment's
 * current. Truth objects serialise to JSON with {@link org.tomolyte.synth.echem.TruthJson}. Invalid
 * parameters raise {@link java.lang.IllegalArgumentException}.
 */
package org.tomolyte.synth.echem;
