// Tomolyte macro 6 - pulsed stripping -> critical stripping capacity versus rest time (paper Fig. 4)
//
// Argument (key=value pairs; paths with spaces in square brackets):
//   cell=[folder]      a synthetic cell: uses its echem/pulsed_rest_*.csv runs
//   runs=[folder]      or a folder of your pulsed-stripping runs (.mpr, .mpt or .csv), one run per file
//   area_cm2=0.126     electrode area in cm2
//   cutoff_v=3         cut-off voltage of the runs (default: the highest Ewe reached in each run)
//   output=[folder]    where pulses.csv, capacity_vs_rest.csv and the figure are written
arg = getArgument();
cell = call("ij.Macro.getValue", arg, "cell", "");
runs = call("ij.Macro.getValue", arg, "runs", "");
area = call("ij.Macro.getValue", arg, "area_cm2", "0.12566370614359174");
cutoff = call("ij.Macro.getValue", arg, "cutoff_v", "NaN");
out = call("ij.Macro.getValue", arg, "output", "");
if (out == "") exit("Macro 6 needs output=[folder]");
if (cell != "") {
	// gather the synthetic runs into one folder
	runs = out + "/runs";
	File.makeDirectory(out);
	File.makeDirectory(runs);
	list = getFileList(cell + "/echem");
	for (i = 0; i < list.length; i++)
		if (startsWith(list[i], "pulsed_rest_")) File.copy(cell + "/echem/" + list[i], runs + "/" + list[i]);
}
if (runs == "") exit("Macro 6 needs cell=[folder] or runs=[folder]");
run("Pulsed Stripping", "input=[" + runs + "] area_cm2=" + area + " cutoff_v=" + cutoff + " output=[" + out + "/pulsed]");
print("Macro 6 done: " + out + "/pulsed/capacity_vs_rest.png");
