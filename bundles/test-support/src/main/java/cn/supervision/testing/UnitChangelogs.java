package cn.supervision.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The changelogs a test persistence unit needs: those ({@code db/changelog/*.xml}) shipped beside each of its entity
 * classes, i.e. in the same bundle, in the order the classes are listed.
 */
final class UnitChangelogs {
    static final String FOLDER = "db/changelog/";

    private UnitChangelogs() {
    }

    static List<String> of(String unit, String persistenceXml) {
        Set<String> changelogs = new LinkedHashSet<>();
        for (String type : classes(unit, persistenceXml)) {
            changelogs.addAll(beside(type));
        }
        return new ArrayList<>(changelogs);
    }

    static List<String> classes(String unit, String persistenceXml) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(persistenceXml)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + persistenceXml + " on the class path");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList units = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "persistence-unit");
            for (int i = 0; i < units.getLength(); i++) {
                Element u = (Element) units.item(i);
                if (unit.equals(u.getAttribute("name"))) {
                    List<String> classes = new ArrayList<>();
                    NodeList names = u.getElementsByTagNameNS("*", "class");
                    for (int j = 0; j < names.getLength(); j++) {
                        classes.add(names.item(j).getTextContent().trim());
                    }
                    return classes;
                }
            }
            throw new IllegalArgumentException("no unit " + unit + " in " + persistenceXml);
        } catch (IOException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(persistenceXml + ": " + e.getMessage(), e);
        }
    }

    /** The changelogs in the class folder or jar {@code type} was loaded from. */
    private static List<String> beside(String type) {
        try {
            URL where = Class.forName(type, false, Thread.currentThread().getContextClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(where.toURI());
            List<String> found = new ArrayList<>();
            if (Files.isDirectory(path)) {
                Path folder = path.resolve(FOLDER);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted()
                                .forEach(n -> found.add(FOLDER + n));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(FOLDER) && n.endsWith(".xml") && n.indexOf('/', FOLDER.length()) < 0)
                            .sorted().forEach(found::add);
                }
            }
            return found;
        } catch (ClassNotFoundException | URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot find the changelog of " + type + ": " + e.getMessage(), e);
        }
    }
}
