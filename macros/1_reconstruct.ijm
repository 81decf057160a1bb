// Tomolyte macro 1 - raw projections -> reconstructed slices (centre of rotation, rings, FBP)
//
// Argument (key=value pairs; paths with spaces in square brackets):
//   cell=[folder]      a synthetic cell: reconstructs its projected slice (cell/projections/slice_*_sino.tif)
//   input=[path]       or your scan: HDF5/NeXus (Data Exchange, NXtomo), a TIFF projection folder, or a sinogram TIFF
//   angles=[0-180]     degree range or angle file when the file does not hold the angles
//   rings=[sorting]    stripe filter: none, sorting, filtering, fitting, large, dead, all (parameters allowed);
//                      the commands default to none (no filter is harmless near the axis), this macro to sorting
//   rows=[all]         detector rows first-last
//   output=[folder]    where center.csv, stripes/ and slices.tif are written
arg = getArgument();
cell = call("ij.Macro.getValue", arg, "cell", "");
input = call("ij.Macro.getValue", arg, "input", "");
angles = call("ij.Macro.getValue", arg, "angles", "");
rings = call("ij.Macro.getValue", arg, "rings", "sorting");
rows = call("ij.Macro.getValue", arg, "rows", "all");
out = call("ij.Macro.getValue", arg, "output", "");
if (cell != "") {
	dir = cell + "/cell/projections/";
	list = getFileList(dir);
	for (i = 0; i < list.length; i++) if (endsWith(list[i], "_sino.tif")) input = dir + list[i];
	angles = dir + "angles.txt";
}
if (input == "" || out == "") exit("Macro 1 needs cell=[folder] or input=[scan], and output=[folder]");
File.makeDirectory(out);
run("Find Rotation Center", "input=[" + input + "] angles=[" + angles + "] rings=[" + rings + "] output=[" + out + "/center.csv]");
run("Remove Stripes", "input=[" + input + "] angles=[" + angles + "] rings=[" + rings + "] output=[" + out + "/stripes]");
run("Reconstruct Slices", "input=[" + input + "] angles=[" + angles + "] center=auto rows=[" + rows + "] rings=[" + rings + "] zinger=0.08 filter=hann output=[" + out + "/slices.tif]");
print("Macro 1 done: " + out + "/slices.tif");
