package org.tomolyte.cli;

import java.util.ArrayList;
import java.util.List;

/** The list of demo stages; each issue's work adds its stage here. */
final class DemoStages {
	private DemoStages() {}

	static List<DemoStage> all() {
		List<DemoStage> stages = new ArrayList<>();
		return stages;
	}
}
