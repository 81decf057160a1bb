// Tomolyte macro 4 - critical-current staircase + operando GEIS spectra -> DRT map beside the voltage (paper Fig. 1)
//
// Argument (key=value pairs; paths with spaces in square brackets):
//   cell=[folder]      a synthetic cell from "Generate Synthetic Cell": uses echem/ccd.csv and echem/ccd_spectra.csv
//   trace=[file]       or your CCD trace (.mpr, .mpt or .csv with time/s, Ewe/V, I/mA)
//   spectra=[file]     and its operando spectra (.mpr/.mpt GEIS/PEIS, or spectra.csv); may be the same file as trace
//   area_cm2=0.126     electrode area in cm2 (default: the synthetic cell's 4 mm O-ring)
//   lambda=0.001       DRT regularisation
//   output=[folder]    where ccd/ and drt/ are written
// Runs in Fiji, in ImageJ 1.x (imagej -batch 4_ccd_drt_map.ijm "cell=[...] output=[...]") and headless
// (./tomolyte macro macros/4_ccd_drt_map.ijm "cell=[...] output=[...]").
arg = getArgument();
cell = call("ij.Macro.getValue", arg, "cell", "");
trace = call("ij.Macro.getValue", arg, "trace", "");
spectra = call("ij.Macro.getValue", arg, "spectra", "");
area = call("ij.Macro.getValue", arg, "area_cm2", "0.12566370614359174");
lambda = call("ij.Macro.getValue", arg, "lambda", "0.001");
out = call("ij.Macro.getValue", arg, "output", "");
if (cell != "") { trace = cell + "/echem/ccd.csv"; spectra = cell + "/echem/ccd_spectra.csv"; }
if (trace == "" || spectra == "" || out == "") exit("Macro 4 needs cell=[folder] or trace=[file] spectra=[file], and output=[folder]");
run("Critical Current Density", "input=[" + trace + "] area_cm2=" + area + " output=[" + out + "/ccd]");
run("DRT Map", "input=[" + spectra + "] trace=[" + trace + "] lambda=" + lambda + " output=[" + out + "/drt]");
print("Macro 4 done: " + out + "/ccd/ccd.png, " + out + "/drt/map.png");
