package org.tomolyte.cli;

/** One stage of the demo: runs commands and fills its report section. */
interface DemoStage {
	String title();

	void run(DemoPipeline demo, DemoReport.Section section) throws Exception;
}
