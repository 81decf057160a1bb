package org.tomolyte.distribution;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Description and authors of a Maven-built jar, from the {@code pom.xml} Maven stores under
 * {@code META-INF/maven/}: {@code project/description} and {@code project/developers/developer/name}, the
 * fields Fiji's updater shows (its {@code POMParser}). Jars built otherwise (jhdf is built with Gradle) fall
 * back to their manifest's OSGi or implementation title and vendor.
 */
final class JarMetadata {
	final String description;
	final List<String> authors;

	private JarMetadata(String description, List<String> authors) {
		this.description = description;
		this.authors = Collections.unmodifiableList(authors);
	}

	/** The jar's metadata; empty when it carries no pom.xml or it cannot be parsed (metadata is optional). */
	static JarMetadata read(Path jar) {
		JarMetadata pom = fromPom(jar);
		if (pom.description != null || !pom.authors.isEmpty()) return pom;
		try (JarFile zip = new JarFile(jar.toFile(), false)) {
			Manifest mf = zip.getManifest();
			if (mf == null) return pom;
			Attributes a = mf.getMainAttributes();
			String description = first(a, "Bundle-Description", "Bundle-Name", "Implementation-Title");
			String vendor = first(a, "Bundle-Vendor", "Implementation-Vendor");
			List<String> authors = new ArrayList<>();
			if (vendor != null) authors.add(vendor);
			return new JarMetadata(description, authors);
		} catch (Exception e) {
			return pom;
		}
	}

	private static String first(Attributes a, String... keys) {
		for (String k : keys) {
			String v = a.getValue(k);
			if (v != null && !v.trim().isEmpty()) return v.trim();
		}
		return null;
	}

	private static JarMetadata fromPom(Path jar) {
		try (JarFile zip = new JarFile(jar.toFile(), false)) {
			for (JarEntry e : Collections.list(zip.entries())) {
				if (!e.getName().matches("META-INF/maven/.*/pom\\.xml")) continue;
				DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
				f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
				Document doc;
				try (InputStream in = zip.getInputStream(e)) {
					doc = f.newDocumentBuilder().parse(in);
				}
				Element project = doc.getDocumentElement();
				String description = null;
				List<String> authors = new ArrayList<>();
				for (Element d : children(project, "description")) {
					String text = d.getTextContent().trim().replaceAll("\\s+", " ");
					if (!text.isEmpty()) description = text;
				}
				for (Element devs : children(project, "developers"))
					for (Element dev : children(devs, "developer"))
						for (Element name : children(dev, "name"))
							authors.add(name.getTextContent().trim());
				return new JarMetadata(description, authors);
			}
		} catch (Exception e) {
			// A jar without readable Maven metadata is still a valid upload; it just has no description.
		}
		return new JarMetadata(null, new ArrayList<>());
	}

	private static List<Element> children(Element parent, String tag) {
		List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && ((Element) n).getTagName().equals(tag)) out.add((Element) n);
		return out;
	}
}
