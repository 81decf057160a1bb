package org.tomolyte.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomolyte.Tomolyte;
import org.tomolyte.io.OutputFolder;
import org.tomolyte.io.csv.CsvTables;
import org.tomolyte.model.Table;

/** The demo's {@code report.html}: one section per stage with notes, figures, table previews and links. */
final class DemoReport {
	private final Path dir;
	private final List<Section> sections = new ArrayList<>();

	DemoReport(Path dir) {
		this.dir = dir;
	}

	Section section(String title) {
		Section s = new Section(title);
		sections.add(s);
		return s;
	}

	void write() throws IOException {
		OutputFolder.writeAtomically(dir.resolve("report.html"), tmp -> {
			try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Tomolyte demo report</title>\n"
						+ "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
						+ "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}"
						+ "img{max-width:100%;border:1px solid #ddd;margin:4px 0}.err{color:#b00;font-weight:bold}"
						+ "figure{display:inline-block;margin:6px;vertical-align:top}figcaption{font-size:12px}</style></head><body>\n");
				w.write("<h1>Tomolyte demo report</h1>\n<p>Tomolyte " + esc(Tomolyte.version())
						+ " on the bundled synthetic cell. Every number below was produced by the same commands a macro calls.</p>\n<ol>");
				for (Section s : sections)
					w.write("<li><a href=\"#" + s.anchor() + "\">" + esc(s.title) + "</a>" + (s.failed ? " <span class=err>(failed)</span>" : "") + "</li>");
				w.write("</ol>\n");
				for (Section s : sections)
					w.write(s.html());
				w.write("</body></html>\n");
			}
		});
	}

	static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** One stage's part of the report. */
	final class Section {
		private final String title;
		private final StringBuilder body = new StringBuilder();
		private boolean failed;

		Section(String title) {
			this.title = title;
		}

		String anchor() {
			return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
		}

		void note(String text) {
			body.append("<p>").append(esc(text)).append("</p>\n");
		}

		void error(String text) {
			failed = true;
			body.append("<p class=err>Failed: ").append(esc(text)).append("</p>\n");
		}

		/** A figure (PNG/SVG) in the output folder, shown with a caption. */
		void figure(String relative, String caption) {
			body.append("<figure><a href=\"").append(esc(relative)).append("\"><img src=\"").append(esc(relative)).append("\" alt=\"")
					.append(esc(caption)).append("\"></a><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
		}

		/** A link to an output file. */
		void link(String relative, String text) {
			body.append("<p><a href=\"").append(esc(relative)).append("\">").append(esc(text)).append("</a></p>\n");
		}

		/** The first rows of a CSV in the output folder, with a link to the whole file. */
		void csv(String relative, int maxRows) throws IOException {
			Table t = CsvTables.read(dir.resolve(relative));
			body.append("<p><a href=\"").append(esc(relative)).append("\">").append(esc(relative)).append("</a> (")
					.append(t.rowCount()).append(" rows)</p>\n<table><tr>");
			for (String c : t.columns())
				body.append("<th>").append(esc(c)).append("</th>");
			body.append("</tr>\n");
			for (int r = 0; r < Math.min(maxRows, t.rowCount()); r++) {
				body.append("<tr>");
				for (int c = 0; c < t.columns().size(); c++) {
					Object v = t.get(r, c);
					String text = v instanceof Double ? fmt((Double) v) : CsvTables.format(v);
					body.append("<td>").append(esc(text)).append("</td>");
				}
				body.append("</tr>\n");
			}
			body.append("</table>\n");
		}

		private String fmt(double v) {
			if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
			return String.format(java.util.Locale.ROOT, "%.4g", v);
		}

		String html() {
			return "<h2 id=\"" + anchor() + "\">" + esc(title) + "</h2>\n" + body;
		}
	}
}
