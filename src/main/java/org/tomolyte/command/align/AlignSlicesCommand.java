package org.tomolyte.command.align;

import java.io.File;
import java.util.Collections;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.align.SliceAlignMode;
import org.tomolyte.align.SliceAlignResult;
import org.tomolyte.align.SliceAligner;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Volume;

/**
 * Sub-pixel alignment of consecutive slices of a stack (translation or rigid), e.g. projection series or
 * slice drift. Writes {@code aligned.tif} and {@code slice_transforms.csv}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Alignment>Align Slices", attrs = @Attr(name = "no-legacy"))
public class AlignSlicesCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "TIFF stack")
	private File input;
	@Parameter(label = "mode", required = false, choices = { "translation", "rigid" })
	private String mode = "rigid";
	@Parameter(label = "reference", required = false, description = "Reference slice (-1 = middle)")
	private int reference = -1;
	@Parameter(label = "output", style = "directory")
	private File output;

	private Table table;

	@Override
	protected void execute() throws Exception {
		Volume stack = VolumeTiff.read(input.toPath());
		int ref = reference < 0 ? stack.depth() / 2 : reference;
		SliceAlignResult r = SliceAligner.align(stack, mode.equals("translation") ? SliceAlignMode.TRANSLATION : SliceAlignMode.RIGID, SliceAligner.defaults(), ref,
				true, progress());
		table = r.table();
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			CsvTables.write(table, out.file("slice_transforms.csv"));
			VolumeTiff.write(r.aligned(), out.file("aligned.tif"), "Tomolyte slices of " + input.getName() + " aligned (" + mode + ") to slice " + ref);
			out.commit();
		}
	}

	@Override
	public List<Table> tables() {
		return table == null ? Collections.emptyList() : Collections.singletonList(table);
	}
}
