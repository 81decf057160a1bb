package org.tomolyte.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads and writes an update site's {@code db.xml.gz}: gzip-compressed XML, root {@code <pluginRecords>} with
 * the updater's internal DTD, one {@code <plugin>} per file. Element order, attribute names and the DTD follow
 * {@code net.imagej.updater.XMLFileWriter} (site variant: no {@code update-site} attributes).
 */
public final class SiteDatabase {
	/** The name of the index file at the site's root. */
	public static final String FILENAME = "db.xml.gz";

	/** The updater's document type, declared inline so the updater can validate the index. */
	static final String DTD = "<!DOCTYPE pluginRecords [\n"
			+ "<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>\n"
			+ "<!ELEMENT update-site EMPTY>\n"
			+ "<!ELEMENT disabled-update-site EMPTY>\n"
			+ "<!ELEMENT plugin (platform*, category*, version?, previous-version*)>\n"
			+ "<!ELEMENT version (description?, dependency*, link*, author*)>\n"
			+ "<!ELEMENT previous-version EMPTY>\n"
			+ "<!ELEMENT description (#PCDATA)>\n"
			+ "<!ELEMENT dependency EMPTY>\n"
			+ "<!ELEMENT link (#PCDATA)>\n"
			+ "<!ELEMENT author (#PCDATA)>\n"
			+ "<!ELEMENT platform (#PCDATA)>\n"
			+ "<!ELEMENT category (#PCDATA)>\n"
			+ attlist("update-site") + attlist("disabled-update-site")
			+ "<!ATTLIST plugin update-site CDATA #IMPLIED>\n"
			+ "<!ATTLIST plugin filename CDATA #REQUIRED>\n"
			+ "<!ATTLIST plugin executable CDATA #IMPLIED>\n"
			+ "<!ATTLIST dependency filename CDATA #REQUIRED>\n"
			+ "<!ATTLIST dependency timestamp CDATA #IMPLIED>\n"
			+ "<!ATTLIST dependency overrides CDATA #IMPLIED>\n"
			+ "<!ATTLIST version timestamp CDATA #REQUIRED>\n"
			+ "<!ATTLIST version checksum CDATA #REQUIRED>\n"
			+ "<!ATTLIST version filesize CDATA #REQUIRED>\n"
			+ "<!ATTLIST previous-version filename CDATA #IMPLIED>\n"
			+ "<!ATTLIST previous-version timestamp CDATA #REQUIRED>\n"
			+ "<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>\n"
			+ "<!ATTLIST previous-version checksum CDATA #REQUIRED>]>\n";

	private static String attlist(String element) {
		return "<!ATTLIST " + element + " name CDATA #REQUIRED>\n"
				+ "<!ATTLIST " + element + " url CDATA #REQUIRED>\n"
				+ "<!ATTLIST " + element + " ssh-host CDATA #IMPLIED>\n"
				+ "<!ATTLIST " + element + " upload-directory CDATA #IMPLIED>\n"
				+ "<!ATTLIST " + element + " description CDATA #IMPLIED>\n"
				+ "<!ATTLIST " + element + " maintainer CDATA #IMPLIED>\n"
				+ "<!ATTLIST " + element + " timestamp CDATA #REQUIRED>\n";
	}

	private SiteDatabase() {}

	/** Reads the records of {@code db.xml.gz}; a missing file is an empty site. */
	public static List<SiteRecord> read(Path dbXmlGz) throws UpdateSiteException {
		if (!Files.exists(dbXmlGz)) return new ArrayList<>();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
			return parse(in);
		} catch (IOException | SAXException | ParserConfigurationException e) {
			throw new UpdateSiteException("Cannot read the update site index " + dbXmlGz + " (" + e.getMessage()
					+ "); fix or move it aside so the site can be rebuilt", e);
		}
	}

	/** Parses uncompressed db.xml. */
	static List<SiteRecord> parse(InputStream xml) throws IOException, SAXException, ParserConfigurationException {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setExpandEntityReferences(false);
		f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		DocumentBuilder b = f.newDocumentBuilder();
		Document doc = b.parse(xml);
		List<SiteRecord> records = new ArrayList<>();
		for (Element plugin : children(doc.getDocumentElement(), "plugin")) {
			SiteRecord.Version current = null;
			String description = null;
			List<SiteRecord.Dependency> deps = new ArrayList<>();
			List<String> links = new ArrayList<>();
			List<String> authors = new ArrayList<>();
			List<SiteRecord.Version> previous = new ArrayList<>();
			String filename = plugin.getAttribute("filename");
			for (Element version : children(plugin, "version")) {
				current = new SiteRecord.Version(version.getAttribute("checksum"), number(version, "timestamp"),
						number(version, "filesize"), filename, 0);
				for (Element d : children(version, "description")) description = d.getTextContent();
				for (Element d : children(version, "dependency"))
					deps.add(new SiteRecord.Dependency(d.getAttribute("filename"), number(d, "timestamp"), "true".equals(d.getAttribute("overrides"))));
				for (Element l : children(version, "link")) links.add(l.getTextContent());
				for (Element a : children(version, "author")) authors.add(a.getTextContent());
			}
			for (Element p : children(plugin, "previous-version")) {
				String name = p.getAttribute("filename");
				previous.add(new SiteRecord.Version(p.getAttribute("checksum"), number(p, "timestamp"), 0,
						name.isEmpty() ? null : name, number(p, "timestamp-obsolete")));
			}
			List<String> platforms = new ArrayList<>();
			for (Element p : children(plugin, "platform")) platforms.add(p.getTextContent());
			List<String> categories = new ArrayList<>();
			for (Element c : children(plugin, "category")) categories.add(c.getTextContent());
			records.add(new SiteRecord(filename, "true".equalsIgnoreCase(plugin.getAttribute("executable")), platforms, categories,
					current, description, deps, links, authors, previous));
		}
		return records;
	}

	private static long number(Element e, String attribute) throws SAXException {
		String v = e.getAttribute(attribute);
		if (v.isEmpty()) return 0;
		try {
			return Long.parseLong(v.trim());
		} catch (NumberFormatException ex) {
			throw new SAXException("<" + e.getTagName() + "> has " + attribute + "=\"" + v + "\", not a number");
		}
	}

	private static List<Element> children(Element parent, String tag) {
		List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && ((Element) n).getTagName().equals(tag)) out.add((Element) n);
		return out;
	}

	/** Writes the records as gzip-compressed XML to {@code out} (closed on return). */
	public static void write(List<SiteRecord> records, OutputStream out) throws IOException {
		try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
			w.write(toXml(records));
		}
	}

	/** The uncompressed XML. */
	static String toXml(List<SiteRecord> records) {
		StringBuilder x = new StringBuilder(4096);
		x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DTD).append("<pluginRecords>\n");
		for (SiteRecord r : records) {
			x.append("    <plugin filename=\"").append(escape(r.filename())).append('"');
			if (r.executable()) x.append(" executable=\"true\"");
			x.append(">\n");
			for (String p : r.platforms()) simple(x, 8, "platform", p);
			for (String c : r.categories()) simple(x, 8, "category", c);
			SiteRecord.Version v = r.current();
			if (v != null) {
				x.append("        <version checksum=\"").append(v.checksum()).append("\" timestamp=\"").append(v.timestamp())
						.append("\" filesize=\"").append(v.filesize()).append("\">\n");
				if (r.description() != null) simple(x, 12, "description", r.description());
				for (SiteRecord.Dependency d : r.dependencies()) {
					x.append("            <dependency filename=\"").append(escape(d.filename())).append("\" timestamp=\"")
							.append(d.timestamp()).append('"');
					if (d.overrides()) x.append(" overrides=\"true\"");
					x.append("/>\n");
				}
				for (String l : r.links()) simple(x, 12, "link", l);
				for (String a : r.authors()) simple(x, 12, "author", a);
				x.append("        </version>\n");
			}
			for (SiteRecord.Version p : r.previous()) {
				x.append("        <previous-version timestamp=\"").append(p.timestamp()).append("\" timestamp-obsolete=\"")
						.append(p.timestampObsolete()).append("\" checksum=\"").append(p.checksum()).append('"');
				if (p.filename() != null) x.append(" filename=\"").append(escape(p.filename())).append('"');
				x.append("/>\n");
			}
			x.append("    </plugin>\n");
		}
		return x.append("</pluginRecords>\n").toString();
	}

	private static void simple(StringBuilder x, int indent, String tag, String text) {
		for (int i = 0; i < indent; i++) x.append(' ');
		x.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
	}

	static String escape(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '&': sb.append("&amp;"); break;
			case '<': sb.append("&lt;"); break;
			case '>': sb.append("&gt;"); break;
			case '"': sb.append("&quot;"); break;
			default:
				// XML 1.0 cannot carry other control characters at all.
				if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append(' ');
				else sb.append(c);
			}
		}
		return sb.toString();
	}

	/**
	 * Validates gzip-compressed db.xml against its inline DTD, as the updater's uploader does before it
	 * publishes an index; throws with the line and the problem.
	 */
	static void validate(Path dbXmlGz) throws UpdateSiteException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
			byte[] xml = in.readAllBytes();
			SAXParserFactory f = SAXParserFactory.newInstance();
			f.setValidating(true);
			f.setNamespaceAware(true);
			XMLReader reader = f.newSAXParser().getXMLReader();
			reader.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(SAXParseException e) {}

				@Override
				public void error(SAXParseException e) throws SAXException {
					throw e;
				}

				@Override
				public void fatalError(SAXParseException e) throws SAXException {
					throw e;
				}
			});
			reader.parse(new InputSource(new ByteArrayInputStream(xml)));
		} catch (SAXParseException e) {
			throw new UpdateSiteException("The index written to " + dbXmlGz + " breaks the updater's DTD at line " + e.getLineNumber()
					+ ": " + e.getMessage(), e);
		} catch (IOException | SAXException | ParserConfigurationException e) {
			throw new UpdateSiteException("Cannot validate " + dbXmlGz + ": " + e.getMessage(), e);
		}
	}

	/** The gzip-compressed bytes of the index, for callers that stage it themselves. */
	static byte[] compressed(List<SiteRecord> records) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		write(records, bytes);
		return bytes.toByteArray();
	}
}
