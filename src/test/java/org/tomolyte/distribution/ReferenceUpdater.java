package org.tomolyte.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import com.sun.net.httpserver.HttpServer;

/**
 * A test-side stand-in for Fiji's updater client, written independently of the production code: it serves a
 * site folder over HTTP on localhost, downloads {@code db.xml.gz}, parses it with a validating DOM parser, and
 * fetches and verifies every listed file the way the updater does (URL = site + filename + "-" + timestamp;
 * size, then checksum). Its checksum is a straightforward reimplementation: entries read with
 * {@link ZipInputStream} (local headers, not the central directory), and the updater's comment filter
 * reproduced literally as a recursive character reader.
 */
final class ReferenceUpdater {
	private ReferenceUpdater() {}

	/** A localhost HTTP server serving {@code root}; close it when done. */
	static final class Server implements AutoCloseable {
		final HttpServer http;
		final ExecutorService pool = Executors.newFixedThreadPool(2);
		final List<String> requests = new ArrayList<>();

		Server(Path root) throws IOException {
			http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
			http.createContext("/site/", ex -> {
				String rel = ex.getRequestURI().getPath().substring("/site/".length());
				synchronized (requests) {
					requests.add(rel);
				}
				Path f = root.resolve(rel).normalize();
				if (!f.startsWith(root) || !Files.isRegularFile(f)) {
					ex.sendResponseHeaders(404, -1);
				} else {
					byte[] body = Files.readAllBytes(f);
					ex.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 15:00:00 GMT");
					ex.sendResponseHeaders(200, body.length);
					try (OutputStream os = ex.getResponseBody()) {
						os.write(body);
					}
				}
				ex.close();
			});
			http.setExecutor(pool);
			http.start();
		}

		String url() {
			return "http://127.0.0.1:" + http.getAddress().getPort() + "/site/";
		}

		@Override
		public void close() {
			http.stop(0);
			pool.shutdownNow();
		}
	}

	static byte[] get(String url) throws IOException {
		HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
		c.setConnectTimeout(5000);
		c.setReadTimeout(10000);
		c.setUseCaches(false);
		assertEquals(200, c.getResponseCode(), "HTTP status of " + url);
		try (InputStream in = c.getInputStream()) {
			return in.readAllBytes();
		} finally {
			c.disconnect();
		}
	}

	/** Downloads and parses (validating against the inline DTD) the site's index. */
	static Document index(String siteUrl) throws Exception {
		byte[] gz = get(siteUrl + "db.xml.gz");
		byte[] xml;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
			xml = in.readAllBytes();
		}
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setValidating(true);
		DocumentBuilder b = f.newDocumentBuilder();
		b.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException e) {}

			@Override
			public void error(SAXParseException e) throws SAXParseException {
				throw e;
			}

			@Override
			public void fatalError(SAXParseException e) throws SAXParseException {
				throw e;
			}
		});
		Document doc = b.parse(new ByteArrayInputStream(xml));
		assertEquals("pluginRecords", doc.getDocumentElement().getTagName());
		assertNotNull(doc.getDoctype(), "db.xml carries the updater's DOCTYPE");
		return doc;
	}

	/**
	 * Downloads every current version listed in the index and checks size and checksum; returns how many files
	 * were verified.
	 */
	static int downloadAndVerifyAll(String siteUrl, Document index) throws Exception {
		int n = 0;
		for (Element plugin : elements(index.getDocumentElement(), "plugin")) {
			String filename = plugin.getAttribute("filename");
			for (Element version : elements(plugin, "version")) {
				verify(siteUrl, filename, version.getAttribute("timestamp"), Long.parseLong(version.getAttribute("filesize")),
						version.getAttribute("checksum"));
				n++;
			}
		}
		return n;
	}

	/** Downloads one version as the updater would and checks it. */
	static byte[] verify(String siteUrl, String filename, String timestamp, long filesize, String checksum) throws Exception {
		byte[] body = get(siteUrl + filename.replace(" ", "%20") + "-" + timestamp);
		if (filesize >= 0) assertEquals(filesize, body.length, "size of " + filename + "-" + timestamp);
		assertEquals(checksum, checksum(filename, body), "checksum of " + filename + "-" + timestamp);
		return body;
	}

	static List<Element> elements(Element parent, String tag) {
		List<Element> out = new ArrayList<>();
		NodeList nl = parent.getChildNodes();
		for (int i = 0; i < nl.getLength(); i++)
			if (nl.item(i) instanceof Element && ((Element) nl.item(i)).getTagName().equals(tag)) out.add((Element) nl.item(i));
		return out;
	}

	// ---- the reference checksum ----

	static String checksum(String path, byte[] bytes) throws Exception {
		MessageDigest md = MessageDigest.getInstance("SHA-1");
		if (!path.endsWith(".jar")) {
			md.update(path.getBytes(StandardCharsets.US_ASCII));
			md.update(bytes);
		} else {
			TreeMap<String, byte[]> entries = new TreeMap<>();
			try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
				for (ZipEntry e; (e = zin.getNextEntry()) != null;)
					entries.put(e.getName(), zin.readAllBytes());
			}
			for (String name : entries.keySet()) {
				md.update(name.getBytes(StandardCharsets.US_ASCII));
				byte[] content = entries.get(name);
				if (name.equals("META-INF/MANIFEST.MF")) continue;
				if (name.endsWith(".properties")) content = skipHashedLines(content);
				md.update(content);
			}
		}
		StringBuilder sb = new StringBuilder();
		for (byte b : md.digest()) sb.append(String.format("%02x", b & 0xff));
		return sb.toString();
	}

	/** The updater's comment filter as its reader behaves: one character per call, recursing on '#'. */
	static byte[] skipHashedLines(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RecursiveReader r = new RecursiveReader(in);
		for (int c; (c = r.read()) != -1;) out.write(c);
		return out.toByteArray();
	}

	private static final class RecursiveReader {
		private final byte[] in;
		private int pos;
		private boolean atLineStart = true;

		RecursiveReader(byte[] in) {
			this.in = in;
		}

		int read() {
			int ch = pos < in.length ? in[pos++] & 0xff : -1;
			if (atLineStart) {
				if (ch == '#') {
					do {
						ch = read();
					} while (ch != '\n' && ch != -1);
				} else {
					atLineStart = false;
				}
			} else if (ch == '\n') {
				atLineStart = true;
			}
			return ch;
		}
	}
}
