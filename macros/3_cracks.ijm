// Tomolyte macro 3 - aligned scans + trace -> crack/chip tracks, depth-vs-charge plot and montage (paper Fig. 2)
//
// Argument (key=value pairs; paths with spaces in square brackets):
//   cell=[folder]      a synthetic cell: aligns its scans first (as macro 2, unless aligned= is given), then tracks cracks
//                      against echem/xct_plating.csv
//   aligned=[folder]   or your folder of aligned scans (t00.tif ...)
//   scans=[file]       scans.csv with scan,file,start_s (the scan start times)
//   echem=[file]       the cell's trace during the scans (.mpr, .mpt or .csv)
//   area_cm2=0.126     electrode area in cm2
//   slab_um=80         electrolyte slab below the interface searched for cracks
//   output=[folder]    tracks.csv, interface.csv, labels/, depth_vs_charge.png, montage_track_N.png
arg = getArgument();
cell = call("ij.Macro.getValue", arg, "cell", "");
aligned = call("ij.Macro.getValue", arg, "aligned", "");
scans = call("ij.Macro.getValue", arg, "scans", "");
echem = call("ij.Macro.getValue", arg, "echem", "");
area = call("ij.Macro.getValue", arg, "area_cm2", "0.12566370614359174");
slab = call("ij.Macro.getValue", arg, "slab_um", "80");
out = call("ij.Macro.getValue", arg, "output", "");
if (out == "") exit("Macro 3 needs output=[folder]");
if (cell != "" && aligned == "") {
	aligned = out + "/aligned";
	run("Align Time Series", "input=[" + cell + "/cell/scans] reference=0 mask=auto level_interface=true output=[" + aligned + "]");
	scans = cell + "/scans.csv";
	echem = cell + "/echem/xct_plating.csv";
}
if (aligned == "" || scans == "") exit("Macro 3 needs cell=[folder] or aligned=[folder] scans=[scans.csv]");
run("Track Cracks", "input=[" + aligned + "] scans=[" + scans + "] echem=[" + echem + "] area_cm2=" + area + " slab_um=" + slab + " output=[" + out + "/cracks]");
print("Macro 3 done: " + out + "/cracks/tracks.csv");
