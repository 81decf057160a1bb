package org.tomolyte.synth.echem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomolyte.io.OutputFolder;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** Writes the known truth of a synthetic experiment as pretty-printed JSON (NaN allowed) with gson. */
public final class TruthJson {
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

	private TruthJson() {}

	public static String toJson(Object truth) {
		return GSON.toJson(truth);
	}

	/** Writes atomically (the file is replaced only once complete). */
	public static void write(Object truth, Path file) throws IOException {
		OutputFolder.writeAtomically(file, tmp -> {
			try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				GSON.toJson(truth, w);
			}
		});
	}
}
