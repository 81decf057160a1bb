package org.tomolyte.view.session;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomolyte.drt.Drt;
import org.tomolyte.drt.DrtMap;
import org.tomolyte.drt.DrtSettings;
import org.tomolyte.echem.CcdResult;
import org.tomolyte.echem.CriticalCurrentDensity;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.TraceFiles;
import org.tomolyte.io.biologic.EcLab;
import org.tomolyte.io.biologic.EcLabData;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.io.impedance.SpectrumFiles;
import org.tomolyte.model.Spectrum;
import org.tomolyte.model.SpectrumSeries;
import org.tomolyte.model.Table;
import org.tomolyte.model.Trace;
import org.tomolyte.synth.SyntheticCellGenerator;
import org.tomolyte.task.CancelledException;
import org.tomolyte.task.Progress;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Opens a linked-view session from whatever the user has: a saved session (a small JSON project whose
 * paths are relative to it, so a folder can be moved or shared), an EC-Lab {@code .mpr}/{@code .mpt} file
 * (trace, and spectra with their DRTs computed with default settings when it holds impedance data), a
 * spectra or trace CSV, or a synthetic-cell folder (its CCD trace and GEIS spectra, its XCT scans and
 * label stacks). The one entry point behind {@code session=} of the linked-view commands.
 */
public final class SessionFile {
	/** The {@code format} value of a session JSON. */
	public static final String FORMAT = "tomolyte-linked-views-session";

	private SessionFile() {}

	/** Opens a saved session, a data file or a synthetic-cell folder (see the class comment). */
	public static SessionData open(Path path, Progress progress) throws IOException {
		if (path == null) throw new SessionFileException("No session given: pass a session .json, an EC-Lab .mpr/.mpt, a CSV or a synthetic-cell folder");
		if (!Files.exists(path)) throw new SessionFileException(path + ": no such file or folder");
		if (Files.isDirectory(path)) return openFolder(path, progress);
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".json")) return load(path, progress);
		if (name.endsWith(".mpr") || name.endsWith(".mpt")) return openEcLab(path, progress);
		if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return openTable(path, progress);
		throw new SessionFileException(path + ": not a file linked views can open; expected a session .json, an EC-Lab .mpr/.mpt, a spectra or trace .csv, or a synthetic-cell folder");
	}

	private static SessionData openEcLab(Path file, Progress progress) throws IOException {
		EcLabData d;
		try {
			d = EcLab.read(file);
		} catch (IOException e) {
			throw new SessionFileException(file + ": cannot read as EC-Lab file: " + e.getMessage(), e);
		}
		SessionData.Builder b = SessionData.builder().name(file.getFileName().toString()).trace(d.trace());
		SessionData.Sources src = new SessionData.Sources();
		src.trace = file;
		if (d.spectra().isPresent()) {
			src.spectra = file;
			addSpectra(b, d.spectra().get(), DrtSettings.defaults(), progress);
		}
		return b.sources(src).build();
	}

	private static SessionData openTable(Path file, Progress progress) throws IOException {
		SessionData.Sources src = new SessionData.Sources();
		SessionData.Builder b = SessionData.builder().name(file.getFileName().toString());
		String spectraProblem;
		try {
			SpectrumSeries s = SpectrumFiles.read(file);
			src.spectra = file;
			addSpectra(b, s, DrtSettings.defaults(), progress);
			return b.sources(src).build();
		} catch (CancelledException e) {
			throw e;
		} catch (IOException | RuntimeException e) {
			spectraProblem = e.getMessage();
		}
		try {
			b.trace(TraceFiles.read(file));
			src.trace = file;
			return b.sources(src).build();
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(file + ": neither impedance spectra (" + spectraProblem + ") nor a voltage trace (" + e.getMessage() + ")", e);
		}
	}

	/** A synthetic-cell folder (see {@link SyntheticCellGenerator}) or any folder laid out like one. */
	private static SessionData openFolder(Path dir, Progress progress) throws IOException {
		Path trace = dir.resolve("echem/ccd.csv");
		Path spectra = dir.resolve("echem/ccd_spectra.csv");
		Path scans = dir.resolve("scans.csv");
		if (!Files.isRegularFile(trace) && !Files.isRegularFile(spectra) && !Files.isRegularFile(scans))
			throw new SessionFileException(dir + ": not a synthetic-cell folder (none of echem/ccd.csv, echem/ccd_spectra.csv, scans.csv); open a session .json or a data file instead");
		SessionData.Sources src = new SessionData.Sources();
		SessionData.Builder b = SessionData.builder().name(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
		if (Files.isRegularFile(trace)) {
			Trace t = readTrace(trace);
			b.trace(t);
			src.trace = trace;
			shortCircuit(t, SyntheticCellGenerator.AREA_CM2, b);
		}
		if (Files.isRegularFile(spectra)) {
			src.spectra = spectra;
			addSpectra(b, withTimes(readSpectra(spectra), generatorJson(spectra)), DrtSettings.defaults(), progress);
		}
		if (Files.isRegularFile(scans)) {
			src.scans = scans;
			addScansCsv(b, scans);
		}
		for (String t : new String[] { "tracks.csv", "cracks/tracks.csv" }) {
			Path tracks = dir.resolve(t);
			if (Files.isRegularFile(tracks)) {
				b.tracks(readTracks(tracks));
				src.tracks = tracks;
				break;
			}
		}
		return b.sources(src).build();
	}

	/**
	 * The generator's spectra CSV carries no times (its spectra have start/end times but no per-point
	 * times, which is what the CSV stores); the generator's JSON beside it records each spectrum's start
	 * and end, so the spectra are placed on the trace's time axis from there.
	 */
	/** Where the synthetic-cell generator keeps a spectra CSV's record: {@code echem/x.csv} → {@code truth/x.json}. */
	static Path generatorJson(Path spectraCsv) {
		Path dir = spectraCsv.toAbsolutePath().getParent();
		String name = spectraCsv.getFileName().toString();
		if (dir == null || dir.getParent() == null || !name.endsWith(".csv")) return spectraCsv.resolveSibling("none");
		return dir.getParent().resolve("truth").resolve(name.substring(0, name.length() - 4) + ".json");
	}

	static SpectrumSeries withTimes(SpectrumSeries s, Path json) throws SessionFileException {
		boolean timed = false;
		for (Spectrum sp : s)
			timed |= !Double.isNaN(sp.startTimeS());
		if (timed || !Files.isRegularFile(json)) return s;
		try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
			JsonArray a = JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("spectra");
			if (a == null || a.size() != s.size()) return s;
			List<Spectrum> out = new ArrayList<>();
			for (int i = 0; i < s.size(); i++) {
				JsonObject o = a.get(i).getAsJsonObject();
				Spectrum sp = s.get(i);
				out.add(new Spectrum(sp.freqHz(), sp.zReOhm(), sp.zImOhm(), o.get("startS").getAsDouble(), o.get("endS").getAsDouble(), sp.meanEweV(), sp.dcCurrentMa()));
			}
			return new SpectrumSeries(s.source(), out);
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(json + ": cannot read the spectra's times: " + e.getMessage(), e);
		}
	}

	/** Marks the short circuit of a current staircase as an event (nothing when the trace is not one). */
	private static void shortCircuit(Trace t, double areaCm2, SessionData.Builder b) {
		try {
			CcdResult r = CriticalCurrentDensity.analyse(t, areaCm2);
			r.shortCircuit().ifPresent(s -> b.event(s.timeS, "short circuit"));
		} catch (RuntimeException e) {
			// not a staircase the analysis understands: the trace is shown without events
		}
	}

	private static void addSpectra(SessionData.Builder b, SpectrumSeries s, DrtSettings settings, Progress progress) {
		b.spectra(s);
		if (settings != null) {
			progress.report(0, "DRT of " + s.size() + " spectra");
			DrtMap map = Drt.map(s, settings, Runtime.getRuntime().availableProcessors(), progress.sub(0, 0.8));
			b.drtMap(map, settings);
		}
	}

	private static Trace readTrace(Path file) throws SessionFileException {
		try {
			return TraceFiles.read(file);
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(file + ": cannot read the voltage trace: " + e.getMessage(), e);
		}
	}

	private static SpectrumSeries readSpectra(Path file) throws SessionFileException {
		try {
			return SpectrumFiles.read(file);
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(file + ": cannot read impedance spectra: " + e.getMessage(), e);
		}
	}

	/** Reads a crack-track table ({@code tracks.csv}, columns {@link SessionData#TRACK_COLUMNS}). */
	public static Table readTracks(Path file) throws SessionFileException {
		Table t;
		try {
			t = CsvTables.read(file);
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(file + ": cannot read crack tracks: " + e.getMessage(), e);
		}
		for (String c : new String[] { "time_s", "capacity_mah_cm2", "track_id" })
			if (!t.columns().contains(c)) throw new SessionFileException(file + ": crack tracks need column '" + c + "'; the file has " + t.columns());
		return t;
	}

	/** scans.csv: {@code scan,file,start_s}, files relative to the CSV's folder; label stacks found beside. */
	private static void addScansCsv(SessionData.Builder b, Path csv) throws SessionFileException {
		Table t;
		try {
			t = CsvTables.read(csv);
		} catch (IOException | RuntimeException e) {
			throw new SessionFileException(csv + ": cannot read the scan list: " + e.getMessage(), e);
		}
		if (!t.columns().contains("file") || !t.columns().contains("start_s"))
			throw new SessionFileException(csv + ": a scan list needs columns file and start_s; it has " + t.columns());
		Path base = csv.toAbsolutePath().getParent();
		for (int r = 0; r < t.rowCount(); r++) {
			Object f = t.get(r, "file");
			double time = t.getDouble(r, "start_s");
			if (f == null || Double.isNaN(time)) throw new SessionFileException(csv + " row " + (r + 2) + ": file and start_s must be set");
			Path file = base.resolve(f.toString());
			b.scan(time, file, labelsFor(file));
		}
	}

	/** The label stack of a scan when one exists: {@code …/scans/tNN.tif} → {@code …/labels/tNN.tif}. */
	static Path labelsFor(Path scan) {
		Path dir = scan.getParent();
		if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().equals("scans")) return null;
		Path labels = dir.resolveSibling("labels").resolve(scan.getFileName());
		return Files.isRegularFile(labels) ? labels : null;
	}

	/** Saves the session as JSON with paths relative to {@code file}'s folder; the data stay where they are. */
	public static void save(SessionData data, Path file) throws IOException {
		Path base = file.toAbsolutePath().getParent();
		SessionData.Sources src = data.sources();
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("version", 1);
		o.addProperty("name", data.name());
		if (data.trace() != null) o.addProperty("trace", relative(base, need(src.trace, "trace", file)));
		if (data.spectra() != null) {
			o.addProperty("spectra", relative(base, need(src.spectra, "spectra", file)));
			if (data.hasDrt()) o.add("drt", settingsJson(data.drtSettings()));
		}
		if (!data.scans().isEmpty()) {
			JsonArray a = new JsonArray();
			for (SessionData.Scan s : data.scans()) {
				JsonObject so = new JsonObject();
				so.addProperty("time_s", s.timeS);
				so.addProperty("file", relative(base, s.file));
				if (s.labels != null) so.addProperty("labels", relative(base, s.labels));
				a.add(so);
			}
			o.add("scans", a);
		}
		if (data.tracks() != null) o.addProperty("tracks", relative(base, need(src.tracks, "crack tracks", file)));
		if (!data.events().isEmpty()) {
			JsonArray a = new JsonArray();
			for (SessionData.Event e : data.events()) {
				JsonObject eo = new JsonObject();
				eo.addProperty("time_s", e.timeS);
				eo.addProperty("label", e.label);
				a.add(eo);
			}
			o.add("events", a);
		}
		Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
		byte[] bytes = gson.toJson(o).getBytes(StandardCharsets.UTF_8);
		OutputFolder.writeAtomically(file, tmp -> Files.write(tmp, bytes));
	}

	private static Path need(Path p, String what, Path file) throws SessionFileException {
		if (p == null) throw new SessionFileException(file + ": cannot save the session: its " + what + " was not read from a file");
		return p;
	}

	private static String relative(Path base, Path p) {
		Path abs = p.toAbsolutePath().normalize();
		String s;
		try {
			s = base.normalize().relativize(abs).toString();
		} catch (IllegalArgumentException e) {
			s = abs.toString(); // another drive or root: only an absolute path can reach it
		}
		return s.replace('\\', '/');
	}

	/** Loads a session JSON written by {@link #save}; DRTs are recomputed with the saved settings. */
	public static SessionData load(Path file, Progress progress) throws IOException {
		JsonObject o;
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonElement e = JsonParser.parseReader(r);
			if (!e.isJsonObject()) throw new SessionFileException(file + ": a session file holds one JSON object");
			o = e.getAsJsonObject();
		} catch (JsonParseException e) {
			throw new SessionFileException(file + ": not valid JSON: " + e.getMessage(), e);
		}
		if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString()))
			throw new SessionFileException(file + ": not a Tomolyte linked-views session (\"format\" must be \"" + FORMAT + "\")");
		Path base = file.toAbsolutePath().getParent();
		SessionData.Sources src = new SessionData.Sources();
		SessionData.Builder b = SessionData.builder().name(o.has("name") ? o.get("name").getAsString() : file.getFileName().toString());
		try {
			if (o.has("trace")) {
				src.trace = existing(base, o.get("trace").getAsString(), "trace", file);
				b.trace(readTrace(src.trace));
			}
			if (o.has("spectra")) {
				src.spectra = existing(base, o.get("spectra").getAsString(), "spectra", file);
				DrtSettings settings = o.has("drt") ? settings(o.getAsJsonObject("drt"), file) : null;
				addSpectra(b, withTimes(readSpectra(src.spectra), generatorJson(src.spectra)), settings, progress);
			}
			if (o.has("scans"))
				for (JsonElement e : o.getAsJsonArray("scans")) {
					JsonObject so = e.getAsJsonObject();
					Path labels = so.has("labels") ? existing(base, so.get("labels").getAsString(), "label stack", file) : null;
					b.scan(so.get("time_s").getAsDouble(), existing(base, so.get("file").getAsString(), "scan", file), labels);
				}
			if (o.has("tracks")) {
				src.tracks = existing(base, o.get("tracks").getAsString(), "crack tracks", file);
				b.tracks(readTracks(src.tracks));
			}
			if (o.has("events"))
				for (JsonElement e : o.getAsJsonArray("events")) {
					JsonObject eo = e.getAsJsonObject();
					b.event(eo.get("time_s").getAsDouble(), eo.get("label").getAsString());
				}
		} catch (IllegalStateException | UnsupportedOperationException | NullPointerException | ClassCastException e) {
			throw new SessionFileException(file + ": malformed session entry: " + e.getMessage(), e);
		}
		try {
			return b.sources(src).build();
		} catch (IllegalArgumentException e) {
			throw new SessionFileException(file + ": " + e.getMessage(), e);
		}
	}

	private static Path existing(Path base, String rel, String what, Path file) throws SessionFileException {
		Path p = base.resolve(rel).normalize();
		if (!Files.exists(p)) throw new SessionFileException(file + ": the " + what + " file " + rel + " is missing (looked for " + p + ")");
		return p;
	}

	private static JsonObject settingsJson(DrtSettings s) {
		JsonObject o = new JsonObject();
		o.addProperty("lambda", s.lambda());
		o.addProperty("lambda_selection", s.lambdaSelection().label());
		o.addProperty("derivative", s.derivative());
		o.addProperty("fit", s.fitMode().label());
		o.addProperty("inductance", s.inductance());
		o.addProperty("rbf", s.basis().label());
		o.addProperty("fwhm", s.fwhmCoeff());
		o.addProperty("fmin_hz", s.fminHz());
		o.addProperty("fmax_hz", s.fmaxHz());
		return o;
	}

	private static DrtSettings settings(JsonObject o, Path file) throws SessionFileException {
		try {
			DrtSettings.Builder b = DrtSettings.defaults().toBuilder();
			if (o.has("lambda")) b.lambda(o.get("lambda").getAsDouble());
			if (o.has("lambda_selection")) b.lambdaSelection(o.get("lambda_selection").getAsString());
			if (o.has("derivative")) b.derivative(o.get("derivative").getAsInt());
			if (o.has("fit")) b.fitMode(o.get("fit").getAsString());
			if (o.has("inductance")) b.inductance(o.get("inductance").getAsBoolean());
			if (o.has("rbf")) b.rbf(o.get("rbf").getAsString());
			if (o.has("fwhm")) b.fwhm(o.get("fwhm").getAsDouble());
			if (o.has("fmin_hz")) b.fminHz(o.get("fmin_hz").getAsDouble());
			if (o.has("fmax_hz")) b.fmaxHz(o.get("fmax_hz").getAsDouble());
			return b.build();
		} catch (RuntimeException e) {
			throw new SessionFileException(file + ": bad DRT settings in \"drt\": " + e.getMessage(), e);
		}
	}
}
