package org.tomolyte.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the launcher and ImageJ as separate processes for the integration tests, with a time limit. */
final class Processes {
	private Processes() {}

	/** Exit code and combined output of a finished process. */
	static final class Result {
		final int exit;
		final String output;

		Result(int exit, String output) {
			this.exit = exit;
			this.output = output;
		}

		@Override
		public String toString() {
			return "exit " + exit + ":\n" + output;
		}
	}

	/** The project folder (where ./tomolyte lives). */
	static Path home() {
		return Paths.get(System.getProperty("tomolyte.home", ".")).toAbsolutePath();
	}

	/** The packaged jar; fails when the integration test runs without a package. */
	static Path jar() {
		String p = System.getProperty("tomolyte.jar");
		if (p == null || !Files.isRegularFile(Paths.get(p))) fail("The packaged Tomolyte jar is missing (" + p + "): run integration tests with 'mvn verify'");
		return Paths.get(p);
	}

	/** Runs {@code ./tomolyte args...} without letting it rebuild (the jar under test is the one packaged). */
	static Result tomolyte(Path workDir, long timeoutS, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>();
		cmd.add(home().resolve("tomolyte").toString());
		cmd.addAll(Arrays.asList(args));
		return run(workDir, timeoutS, cmd, "TOMOLYTE_NO_BUILD", "1");
	}

	static Result run(Path workDir, long timeoutS, List<String> cmd, String... env) throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
		for (int i = 0; i + 1 < env.length; i += 2)
			pb.environment().put(env[i], env[i + 1]);
		File log = Files.createTempFile("tomolyte-it", ".log").toFile();
		pb.redirectOutput(log);
		Process p = pb.start();
		if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			fail("Timed out after " + timeoutS + " s: " + cmd + "\n" + new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8));
		}
		String out = new String(Files.readAllBytes(log.toPath()), StandardCharsets.UTF_8);
		Files.deleteIfExists(log.toPath());
		return new Result(p.exitValue(), out);
	}

	static boolean onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (Files.isExecutable(Paths.get(dir, program))) return true;
		return false;
	}
}
