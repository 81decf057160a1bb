package org.tomolyte.command.synth;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.synth.SyntheticCellGenerator;

/** Writes the bundled synthetic operando cell (XCT scans, projections, electrochemistry, truth) to a folder. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Synthetic>Generate Synthetic Cell", attrs = @Attr(name = "no-legacy"))
public class GenerateSyntheticCellCommand extends TomolyteCommand {

	@Parameter(label = "output", description = "Folder to write the cell into", style = "directory")
	private File output;

	@Parameter(label = "seed", required = false, description = "Random seed: the same seed gives the same files")
	private long seed = 1;

	@Parameter(label = "scans", required = false, min = "1", description = "Number of XCT scans")
	private int scans = 5;

	@Parameter(label = "interval_s", required = false, description = "Time between scans (s)")
	private double interval_s = 600;

	@Parameter(label = "noise", required = false, description = "Image noise relative to the default (2 = doubled)")
	private double noise = 1;

	@Parameter(label = "scale", required = false, description = "Linear size factor of the volumes (1 = 96 x 96 x 64 voxels)")
	private double scale = 1;

	@Parameter(label = "projections", required = false, description = "Also write raw projections of some slices")
	private boolean projections = true;

	@Override
	protected void execute() throws Exception {
		SyntheticCellGenerator.Options o = new SyntheticCellGenerator.Options();
		o.seed = seed;
		o.scans = scans;
		o.scanIntervalS = interval_s;
		o.noise = noise;
		o.scale = scale;
		o.projections = projections;
		SyntheticCellGenerator.write(o, output.toPath(), progress());
		info("Synthetic cell written to " + output);
	}
}
