package io.switchio.launcher.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The template plugin's {@code pom.xml} read with the JDK's DOM parser: its coordinates, its
 * dependencies, and the manifest entries its {@code maven-jar-plugin} writes, with
 * {@code ${property}} references resolved the way Maven would. The IT builds the template's jar
 * from exactly these entries, and {@code TemplatePomTest} checks they are the ones the launcher
 * reads, so the Maven build and the tested jar cannot drift apart.
 *
 * <p>Threading: immutable after {@link #read}; any thread.
 */
public final class TemplatePom {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Element project;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private TemplatePom(Element project) {
        this.project = project;
        properties.put("project.groupId", text(project, "groupId"));
        properties.put("project.artifactId", text(project, "artifactId"));
        properties.put("project.version", text(project, "version"));
        Element props = child(project, "properties");
        if (props != null) {
            for (Element p : children(props)) {
                properties.put(p.getTagName(), p.getTextContent().strip());
            }
        }
    }

    /** The template folder of the repository. */
    public static Path folder() {
        return RepoRoot.find().resolve("plugins/example-app-template");
    }

    /** Parses {@code pom.xml} of a template folder. */
    public static TemplatePom read(Path templateFolder) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(templateFolder.resolve("pom.xml").toFile());
            return new TemplatePom(doc.getDocumentElement());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + templateFolder.resolve("pom.xml") + ": " + e.getMessage(), e);
        }
    }

    /** The project's own version. */
    public String version() {
        return properties.get("project.version");
    }

    /** A property of {@code <properties>} (or {@code project.*}), resolved; null when absent. */
    public String property(String name) {
        String v = properties.get(name);
        return v == null ? null : resolve(v);
    }

    /** {@code groupId:artifactId:scope} of every dependency, with versions resolved. */
    public List<String> dependencies() {
        Element deps = child(project, "dependencies");
        if (deps == null) {
            return List.of();
        }
        return children(deps).stream().map(d -> resolve(text(d, "groupId")) + ":" + resolve(text(d, "artifactId")) + ":"
                + (text(d, "scope") == null ? "compile" : text(d, "scope"))).toList();
    }

    /** The {@code <manifestEntries>} of the build's maven-jar-plugin, in order, resolved. */
    public Map<String, String> manifestEntries() {
        Map<String, String> out = new LinkedHashMap<>();
        Element plugins = child(child(project, "build"), "plugins");
        for (Element plugin : plugins == null ? List.<Element>of() : children(plugins)) {
            if ("maven-jar-plugin".equals(text(plugin, "artifactId"))) {
                Element entries = child(child(child(plugin, "configuration"), "archive"), "manifestEntries");
                for (Element e : entries == null ? List.<Element>of() : children(entries)) {
                    out.put(e.getTagName(), resolve(e.getTextContent().strip()));
                }
            }
        }
        return out;
    }

    private String resolve(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = properties.get(m.group(1));
            if (v == null) {
                throw new AssertionError("the template pom refers to ${" + m.group(1) + "}, which it does not define");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(resolve(v)));
        }
        return m.appendTail(b).toString();
    }

    private static String text(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
