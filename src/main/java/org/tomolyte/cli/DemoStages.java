package org.tomolyte.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomolyte.synth.SyntheticCellGenerator;
import org.tomolyte.view.ImageFigures;

/** The list of demo stages, in the order of the study; each issue's work adds its stage here. */
final class DemoStages {
	static final String AREA = Double.toString(SyntheticCellGenerator.AREA_CM2);

	private DemoStages() {}

	static List<DemoStage> all() {
		List<DemoStage> stages = new ArrayList<>();
		stages.add(stage("Synthetic cell", (d, s) -> {
			d.command("Generate Synthetic Cell", "output=" + d.path("cell") + " seed=1");
			s.note("A NaK | NASICON cell inside an O-ring: 5 operando XCT scans 600 s apart during Na plating at 0.7 mA cm⁻², "
					+ "with a crack growing from the contact edge, an edge chip, NaK infiltration, drift between scans, blur, noise and rings; "
					+ "raw projections of one slice; and the study's electrochemistry (CCD staircase with operando GEIS, stripping current scan, pulsed stripping). "
					+ "Known answers are in cell/truth/ and cell/cell/truth.json.");
			s.link("cell/README.txt", "cell/README.txt: what is where");
			s.csv("cell/scans.csv", 10);
		}));
		stages.add(stage("Macro 4: critical current density and the operando DRT map beside the voltage (Fig. 1)", (d, s) -> {
			d.macro("4_ccd_drt_map.ijm", "m4", "");
			s.figure("m4/ccd/ccd.png", "CCD staircase: steps, growing stripping polarisation and the short circuit");
			s.csv("m4/ccd/summary.csv", 1);
			s.csv("m4/ccd/steps.csv", 12);
			s.figure("m4/drt/voltage_beside_map.png", "Voltage during the CCD staircase (time upwards)");
			s.figure("m4/drt/map.png", "DRT of every operando GEIS spectrum (log colour): grain boundary near 1e-6 s, interface near 0.1 s");
			s.link("m4/drt/map.tif", "m4/drt/map.tif: the map as a calibrated 32-bit image (slice 2: log10 γ)");
			s.csv("m4/drt/peaks_vs_time.csv", 8);
			d.command("DRT of Spectrum", "input=" + d.path("cell/echem/ccd_spectra.csv") + " spectrum=20 output=" + d.path("drt/spectrum20"));
			s.figure("drt/spectrum20/nyquist.png", "Spectrum 20: measured and DRT fit");
			s.figure("drt/spectrum20/drt.png", "Spectrum 20: γ(τ) and its peaks");
			s.csv("drt/spectrum20/peaks.csv", 6);
		}));
		stages.add(stage("Macro 5: stripping current scan with DRT (Figs. 3 and 5)", (d, s) -> {
			d.macro("5_staircase_drt.ijm", "m5", "");
			s.figure("m5/onset/onset.png", "Stripping current scan: departure from the Ohmic line");
			s.csv("m5/onset/onset_summary.csv", 1);
			s.figure("m5/drt/map.png", "DRT map of the current scan: the fast interfacial peak appears above the onset");
		}));
		stages.add(stage("Macro 6: pulsed stripping (Fig. 4)", (d, s) -> {
			d.macro("6_pulsed_stripping.ijm", "m6", "");
			s.figure("m6/pulsed/capacity_vs_rest.png", "Critical stripping capacity against the rest after each 1 s pulse");
			s.csv("m6/pulsed/capacity_vs_rest.csv", 10);
		}));
		stages.add(stage("Macro 1: centre, rings and filtered back-projection of raw projections", (d, s) -> {
			Path proj = d.out().resolve("cell/cell/projections");
			String sino;
			try (java.util.stream.Stream<Path> files = Files.list(proj)) {
				sino = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_sino.tif")).sorted().findFirst()
						.orElseThrow(() -> new java.io.IOException("the synthetic cell has no projections"));
			}
			String in = d.path("cell/cell/projections/" + sino), angles = d.path("cell/cell/projections/angles.txt");
			d.macro("1_reconstruct.ijm", "m1", "rings=[sorting]");
			s.csv("m1/center.csv", 3);
			d.command("Reconstruct Slices", "input=" + in + " angles=" + angles + " rings=none zinger=0 output=" + d.path("tomo/slice_no_ring_removal.tif"));
			Path exact = proj.resolve(sino.replace("_sino.tif", "_exact.tif"));
			ImageFigures.montage(d.out().resolve("tomo/reconstruction.png"), 3, false, panel(exact, "exact slice (truth)"),
					panel(d.out().resolve("tomo/slice_no_ring_removal.tif"), "FBP, no ring removal"),
					panel(d.out().resolve("m1/slices.tif"), "FBP, zingers + sorting stripe filter (macro 1)"));
			ImageFigures.montage(d.out().resolve("tomo/sinogram.png"), 2, true, panel(d.out().resolve("m1/stripes/before.tif"), "sinogram (−log) before"),
					panel(d.out().resolve("m1/stripes/after.tif"), "after stripe removal"));
			s.figure("tomo/reconstruction.png", "Synthetic cell slice: truth, plain FBP (rings from dead/partial detector columns), and with Vo's stripe removal");
			s.figure("tomo/sinogram.png", "The sinogram before and after stripe removal");
			s.csv("m1/stripes/stripes.csv", 2);
		}));
		stages.add(stage("Macro 2: alignment of the operando scans (drift, rotation, interface levelling)", (d, s) -> {
			d.macro("2_align.ijm", "aligned", "");
			s.note("Every scan registered to scan 0 (coarse phase correlation, block matching, robust rigid fit) and levelled so the anode–electrolyte "
					+ "interface is horizontal; one resampling per scan. The known drift is in cell/cell/transforms_truth.csv.");
			s.csv("aligned/registration.csv", 10);
			s.csv("aligned/transforms.csv", 10);
			s.csv("aligned/interface.csv", 1);
		}));
		stages.add(stage("Macro 3: cracks and edge chips against the charge passed (Fig. 2)", (d, s) -> {
			// macro 3 on the scans macro 2 aligned (cell= is ignored when aligned= is given)
			d.macro("3_cracks.ijm", "m3", "aligned=" + d.path("aligned") + " scans=" + d.path("cell/scans.csv") + " echem=" + d.path("cell/echem/xct_plating.csv"));
			s.figure("m3/cracks/depth_vs_charge.png", "Depth below the interface of every tracked crack and chip against the charge passed");
			try (java.util.stream.Stream<Path> files = Files.list(d.out().resolve("m3/cracks"))) {
				for (Path p : (Iterable<Path>) files.filter(p -> p.getFileName().toString().startsWith("montage_")).sorted()::iterator)
					s.figure("m3/cracks/" + p.getFileName(), "The same cross-section through the crack at every scan (" + p.getFileName() + ")");
			}
			s.csv("m3/cracks/tracks.csv", 20);
			s.note("Known answers: cell/cell/tracks_truth.csv.");
			s.csv("cell/cell/tracks_truth.csv", 20);
			s.csv("m3/cracks/interface.csv", 10);
		}));
		stages.add(stage("Linked views at every scan time", (d, s) -> {
			// the XCT experiment: voltage during the scans, aligned scans, crack tracks, the short circuit
			com.google.gson.JsonObject o = new com.google.gson.JsonObject();
			o.addProperty("format", "tomolyte-linked-views-session");
			o.addProperty("version", 1);
			o.addProperty("name", "Synthetic cell: Na plating during operando XCT");
			o.addProperty("trace", "cell/echem/xct_plating.csv");
			com.google.gson.JsonArray scans = new com.google.gson.JsonArray();
			org.tomolyte.model.Table scanTable = org.tomolyte.io.csv.CsvTables.read(d.out().resolve("cell/scans.csv"));
			for (int i = 0; i < scanTable.rowCount(); i++) {
				com.google.gson.JsonObject so = new com.google.gson.JsonObject();
				so.addProperty("time_s", scanTable.getDouble(i, "start_s"));
				so.addProperty("file", String.format(java.util.Locale.ROOT, "aligned/t%02d.tif", i));
				so.addProperty("labels", String.format(java.util.Locale.ROOT, "m3/cracks/kinds/t%02d.tif", i));
				scans.add(so);
			}
			o.add("scans", scans);
			o.addProperty("tracks", "m3/cracks/tracks.csv");
			Files.write(d.out().resolve("xct_session.json"), new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(o)
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			d.command("Render Linked Views", "session=" + d.path("xct_session.json") + " output=" + d.path("views/xct"));
			d.command("Render Linked Views", "session=" + d.path("cell") + " output=" + d.path("views/ccd"));
			s.note("Two sessions, saved as project files: the XCT plating run (xct_session.json: voltage, aligned scans, crack tracks) "
					+ "and the CCD run with its operando spectra and DRTs (the synthetic-cell folder opens as one). "
					+ "In Fiji: run(\"Linked Views\", \"session=[.../xct_session.json]\").");
			for (String session : new String[] { "xct", "ccd" })
				try (java.util.stream.Stream<Path> dirs = Files.list(d.out().resolve("views/" + session))) {
					for (Path p : (Iterable<Path>) dirs.filter(Files::isDirectory).sorted()::iterator)
						if (Files.exists(p.resolve("layout.png")))
							s.figure("views/" + session + "/" + p.getFileName() + "/layout.png", session.toUpperCase() + " session at " + p.getFileName());
				}
		}));
		return stages;
	}

	/** A float slice from a TIFF (first slice of a stack) as a report panel. */
	static ImageFigures.Panel panel(Path tif, String label) throws java.io.IOException {
		ij.ImagePlus imp = ij.IJ.openImage(tif.toString());
		if (imp == null) throw new java.io.IOException("Cannot open " + tif);
		float[] px = (float[]) imp.getStack().getProcessor(1).convertToFloatProcessor().getPixels();
		return new ImageFigures.Panel(px, imp.getWidth(), imp.getHeight(), label);
	}

	/** A stage from a title and a body. */
	static DemoStage stage(String title, Body body) {
		return new DemoStage() {
			@Override
			public String title() {
				return title;
			}

			@Override
			public void run(DemoPipeline demo, DemoReport.Section section) throws Exception {
				body.run(demo, section);
			}
		};
	}

	/** What a stage does. */
	@FunctionalInterface
	interface Body {
		void run(DemoPipeline demo, DemoReport.Section section) throws Exception;
	}
}
