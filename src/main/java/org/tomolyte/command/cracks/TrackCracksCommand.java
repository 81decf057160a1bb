package org.tomolyte.command.cracks;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomolyte.command.ProducesTables;
import org.tomolyte.command.TomolyteCommand;
import org.tomolyte.cracks.CrackSettings;
import org.tomolyte.cracks.CrackTracker;
import org.tomolyte.cracks.CrackTrackingResult;
import org.tomolyte.cracks.TrackedObject;
import org.tomolyte.ij1.OutlineOverlays;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.tiff.VolumeTiff;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.model.Volume;
import org.tomolyte.view.CrackFigures;
import org.tomolyte.view.FigureExport;
import org.tomolyte.view.ImageFigures;

/**
 * Cracks and edge chips in the electrolyte of aligned scans, tracked across the series and placed on the
 * charge axis: writes {@code tracks.csv}, {@code interface.csv} (the macro contract), detail tables,
 * 3D label stacks ({@code labels/tNN.tif}, {@code kinds/tNN.tif}), outlines coloured by track over the slices
 * ({@code overlays/tNN.tif}), the depth-versus-charge plot and the montage
 * of one cross-section through the crack at every scan (paper Fig. 2c–f).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Tomolyte>Interfaces>Track Cracks", attrs = @Attr(name = "no-legacy"))
public class TrackCracksCommand extends TomolyteCommand implements ProducesTables {
	@Parameter(label = "input", description = "Folder of aligned scans (t00.tif, ...); scan order = name order")
	private File input;
	@Parameter(label = "scans", required = false, description = "scans.csv with scan,file,start_s (start times; files used when input is empty)")
	private File scans;
	@Parameter(label = "echem", required = false, description = "Trace (.mpr/.mpt/.csv) giving the charge passed at each scan start")
	private File echem;
	@Parameter(label = "area_cm2", required = false, description = "Electrode area (cm²) for the charge axis")
	private double area_cm2 = 0.126;
	@Parameter(label = "slab_um", required = false, description = "Thickness of the electrolyte slab below the interface searched for cracks (µm)")
	private double slab_um = 80;
	@Parameter(label = "thresholds", required = false, description = "auto, or the grey-value limits of void and liquid metal: [void_max liquid_metal_max] (electrolyte above)")
	private String thresholds = "auto";
	@Parameter(label = "output", style = "directory")
	private File output;

	private final List<Table> tables = new ArrayList<>();

	@Override
	protected void execute() throws Exception {
		List<Path> files = new ArrayList<>();
		double[] starts = null;
		Table scanTable = scans != null && !scans.getPath().isEmpty() ? CsvTables.read(scans.toPath()) : null;
		if (input != null && !input.getPath().isEmpty() && input.isDirectory()) {
			try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(input.toPath())) {
				s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches("[^.].*\\.tiff?")).sorted().forEach(files::add);
			}
		} else if (scanTable != null) {
			for (int r = 0; r < scanTable.rowCount(); r++)
				files.add(scans.toPath().toAbsolutePath().getParent().resolve(String.valueOf(scanTable.get(r, "file"))));
		}
		if (files.size() < 2) throw new java.io.IOException("Need at least 2 aligned scans; found " + files.size() + " in " + (input != null ? input : scans));
		if (scanTable != null) {
			if (scanTable.rowCount() != files.size())
				throw new java.io.IOException(scans + " lists " + scanTable.rowCount() + " scans but " + input + " holds " + files.size());
			starts = scanTable.column("start_s");
		}
		Trace trace = echem != null && !echem.getPath().isEmpty() ? TraceFiles.read(echem.toPath()) : null;
		if (starts == null) starts = new double[files.size()];
		List<Path> paths = files;
		CrackSettings.Builder sb = CrackSettings.builder().slabUm(slab_um);
		if (!thresholds.trim().equalsIgnoreCase("auto")) {
			String[] t = thresholds.trim().split("[\\s,;]+");
			if (t.length != 2) throw new IllegalArgumentException("thresholds must be auto or two grey values 'void_max liquid_metal_max', got '" + thresholds + "'");
			sb.thresholds(org.tomolyte.interfaces.PhaseThresholds.of(Double.parseDouble(t[0]), Double.parseDouble(t[1])));
		}
		CrackSettings settings = sb.build();
		CrackTrackingResult r = CrackTracker.track(files.size(), i -> {
			try {
				return VolumeTiff.read(paths.get(i));
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, starts, trace, area_cm2, settings, progress().sub(0, 0.85));
		tables.clear();
		tables.add(r.tracksTable());
		tables.add(r.interfaceTable());
		try (OutputFolder out = OutputFolder.open(output.toPath())) {
			CsvTables.write(r.tracksTable(), out.file("tracks.csv"));
			CsvTables.write(r.interfaceTable(), out.file("interface.csv"));
			CsvTables.write(r.interfaceDetailTable(), out.file("interface_detail.csv"));
			CsvTables.write(r.objectsTable(), out.file("objects.csv"));
			CsvTables.write(r.growthRatesTable(), out.file("growth_rates.csv"));
			CsvTables.write(r.sensitivityTable(), out.file("sensitivity.csv"));
			FigureExport.png(CrackFigures.depthVersusCharge(r), out.file("depth_vs_charge.png"), 700, 450);
			FigureExport.svg(CrackFigures.depthVersusCharge(r), out.file("depth_vs_charge.svg"), 700, 450);
			Map<Integer, List<TrackedObject>> tracks = r.byTrack();
			// montage planes of the crack tracks, sampled scan by scan so only one scan is in memory at a time
			int w = 64, h = 48;
			Map<Integer, org.tomolyte.cracks.CrossSection> sections = new java.util.LinkedHashMap<>();
			Map<Integer, List<float[]>> montages = new java.util.LinkedHashMap<>();
			for (Map.Entry<Integer, List<TrackedObject>> e : tracks.entrySet())
				if (!e.getValue().isEmpty() && e.getValue().get(0).object().kind().toString().equalsIgnoreCase("crack")) {
					sections.put(e.getKey(), r.montageSection(e.getKey(), w, h));
					montages.put(e.getKey(), new ArrayList<>());
				}
			for (int i = 0; i < files.size(); i++) {
				progress().report(0.85 + 0.15 * i / files.size(), "Writing labels of " + files.get(i).getFileName());
				Volume scan = VolumeTiff.read(files.get(i));
				Volume byTrack = r.labels(i).toVolume(scan);
				VolumeTiff.write(byTrack, out.file(String.format(Locale.ROOT, "labels/t%02d.tif", i)),
						"Tomolyte crack/chip labels of " + files.get(i).getFileName() + ": voxel value = track ID, 0 = none");
				VolumeTiff.write(kinds(byTrack, tracks), out.file(String.format(Locale.ROOT, "kinds/t%02d.tif", i)),
						"Tomolyte crack/chip kinds of " + files.get(i).getFileName() + ": 5 = crack, 6 = chip (the synthetic cell's label values), 0 = none");
				OutlineOverlays.write(scan, r.labels(i), out.file(String.format(Locale.ROOT, "overlays/t%02d.tif", i)));
				for (Map.Entry<Integer, org.tomolyte.cracks.CrossSection> e : sections.entrySet())
					montages.get(e.getKey()).add(e.getValue().sample(scan));
			}
			for (Map.Entry<Integer, List<float[]>> e : montages.entrySet()) {
				List<float[]> montage = e.getValue();
				ImageFigures.Panel[] panels = new ImageFigures.Panel[montage.size()];
				for (int i = 0; i < panels.length; i++)
					panels[i] = new ImageFigures.Panel(montage.get(i), w, h, String.format(Locale.ROOT, "scan %d, %.2f mAh/cm²", i, r.capacitiesMahCm2()[i]));
				ImageFigures.montage(out.file("montage_track_" + e.getKey() + ".png"), 3, true, panels);
			}
			out.commit();
		}
		info(r.tracksTable().rowCount() + " object rows in " + r.byTrack().size() + " tracks -> " + output);
	}

	/** Track-ID labels → kind labels in the synthetic cell's convention (5 crack, 6 chip), as the tomogram view overlays them. */
	static Volume kinds(Volume byTrack, Map<Integer, List<TrackedObject>> tracks) {
		Volume k = byTrack.emptyLike();
		for (int z = 0; z < byTrack.depth(); z++) {
			float[] in = byTrack.slice(z), o = k.slice(z);
			for (int i = 0; i < in.length; i++) {
				int id = Math.round(in[i]);
				if (id <= 0) continue;
				List<TrackedObject> t = tracks.get(id);
				boolean chip = t != null && !t.isEmpty() && t.get(0).object().kind().toString().equalsIgnoreCase("chip");
				o[i] = chip ? 6 : 5;
			}
		}
		return k;
	}

	@Override
	public List<Table> tables() {
		return tables;
	}
}
