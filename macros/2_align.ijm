// Tomolyte macro 2 - operando scans -> aligned and levelled scans
//
// Argument (key=value pairs; paths with spaces in square brackets):
//   cell=[folder]        a synthetic cell: aligns cell/scans/t00.tif ...
//   scans=[folder]       or your folder of reconstructed scans (TIFF stacks, name order = time order)
//   reference=0          reference scan
//   level_interface=true rotate so the anode-electrolyte interface is horizontal
//   labels=[folder]      optional label stacks, one per scan (a synthetic cell's cell/labels by default): moved
//                        by the same transforms, nearest neighbour, into output/labels
//   output=[folder]      aligned t00.tif ..., transforms.csv, grid.csv, residuals.csv, registration.csv, interface.csv
arg = getArgument();
cell = call("ij.Macro.getValue", arg, "cell", "");
scans = call("ij.Macro.getValue", arg, "scans", "");
reference = call("ij.Macro.getValue", arg, "reference", "0");
level = call("ij.Macro.getValue", arg, "level_interface", "true");
out = call("ij.Macro.getValue", arg, "output", "");
labels = call("ij.Macro.getValue", arg, "labels", "");
if (cell != "") scans = cell + "/cell/scans";
if (cell != "" && labels == "") labels = cell + "/cell/labels";
if (scans == "" || out == "") exit("Macro 2 needs cell=[folder] or scans=[folder], and output=[folder]");
run("Align Time Series", "input=[" + scans + "] reference=" + reference + " mask=auto level_interface=" + level + " output=[" + out + "]");
if (labels != "") run("Apply Alignment", "alignment=[" + out + "] input=[" + labels + "] interpolation=nearest output=[" + out + "/labels]");
print("Macro 2 done: " + out + "/transforms.csv");
