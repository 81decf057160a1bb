// Tomolyte macro 5 - stripping (or plating) current scan with operando DRT (paper Figs. 3 and 5)
//
// Argument (key=value pairs; paths with spaces in square brackets):
//   cell=[folder]      a synthetic cell: uses echem/sgeis_stripping.csv and echem/sgeis_spectra.csv
//   trace=[file]       or your staircase (SGEIS) trace (.mpr, .mpt or .csv)
//   spectra=[file]     and its spectra (.mpr/.mpt or spectra.csv); may be the same file as trace
//   area_cm2=0.126     electrode area in cm2
//   lambda=0.001       DRT regularisation
//   output=[folder]    where onset/ and drt/ are written
// Writes the voltage-current response with the onset of non-linear stripping, and the DRT map of the scan.
arg = getArgument();
cell = call("ij.Macro.getValue", arg, "cell", "");
trace = call("ij.Macro.getValue", arg, "trace", "");
spectra = call("ij.Macro.getValue", arg, "spectra", "");
area = call("ij.Macro.getValue", arg, "area_cm2", "0.12566370614359174");
lambda = call("ij.Macro.getValue", arg, "lambda", "0.001");
out = call("ij.Macro.getValue", arg, "output", "");
if (cell != "") { trace = cell + "/echem/sgeis_stripping.csv"; spectra = cell + "/echem/sgeis_spectra.csv"; }
if (trace == "" || spectra == "" || out == "") exit("Macro 5 needs cell=[folder] or trace=[file] spectra=[file], and output=[folder]");
run("Stripping Onset", "input=[" + trace + "] area_cm2=" + area + " output=[" + out + "/onset]");
run("DRT Map", "input=[" + spectra + "] trace=[" + trace + "] lambda=" + lambda + " output=[" + out + "/drt]");
print("Macro 5 done: " + out + "/onset/onset.png, " + out + "/drt/map.png");
