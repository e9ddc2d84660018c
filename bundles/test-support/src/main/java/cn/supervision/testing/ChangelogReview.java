package cn.supervision.testing;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What a reviewer would do to Liquibase's raw output from Derby, done the same way every time: drop the names Derby
 * invents (SQL… primary keys and the indexes backing unique constraints), write large objects as the portable CLOB and
 * BLOB, gather each table with its constraints and indexes into one changeset named after the table, and, for a
 * baseline, guard each changeset so a database OpenJPA built before migrations existed keeps its tables (MARK_RAN).
 */
final class ChangelogReview {
    private static final String NS = "http://www.liquibase.org/xml/ns/dbchangelog";

    private ChangelogReview() {
    }

    static String tidy(String generated, String bundle, boolean baseline) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(generated)));
        Element root = doc.getDocumentElement();
        Map<String, List<Element>> byTable = new LinkedHashMap<>();
        List<Element> changeSets = children(root, "changeSet");
        for (Element changeSet : changeSets) {
            for (Element change : children(changeSet, null)) {
                if (change.getAttribute("indexName").matches("SQL\\d+")) {
                    continue;
                }
                for (Node n : descendants(change)) {
                    Element e = (Element) n;
                    if (e.getAttribute("primaryKeyName").matches("SQL\\d+")) {
                        e.removeAttribute("primaryKeyName");
                    }
                    e.setAttribute("type", e.getAttribute("type").replaceAll("^(CLOB|BLOB)\\(\\d+\\)$", "$1"));
                    if (e.getAttribute("type").isEmpty()) {
                        e.removeAttribute("type");
                    }
                }
                byTable.computeIfAbsent(change.getAttribute("tableName"), t -> new ArrayList<>()).add(change);
            }
            root.removeChild(changeSet);
        }
        String stamp = baseline ? "baseline" : java.time.LocalDate.now().toString();
        for (Map.Entry<String, List<Element>> table : byTable.entrySet()) {
            Element changeSet = doc.createElementNS(NS, "changeSet");
            changeSet.setAttribute("id", bundle + "-" + stamp + "-" + table.getKey());
            changeSet.setAttribute("author", "supervision");
            if (baseline) {
                Element pre = doc.createElementNS(NS, "preConditions");
                pre.setAttribute("onFail", "MARK_RAN");
                Element not = doc.createElementNS(NS, "not");
                // not tableExists: Liquibase 4.33 does not see Derby's tables through it (hasIgnoreNested); a column
                // query works on every database
                Element exists = doc.createElementNS(NS, "columnExists");
                exists.setAttribute("tableName", table.getKey());
                exists.setAttribute("columnName", firstColumn(table.getValue()));
                not.appendChild(exists);
                pre.appendChild(not);
                changeSet.appendChild(pre);
            }
            table.getValue().forEach(changeSet::appendChild);
            root.appendChild(changeSet);
        }
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        strip(root);
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().replace("?><databaseChangeLog", "?>\n<databaseChangeLog") + "\n";
    }

    private static String firstColumn(List<Element> changes) {
        for (Element change : changes) {
            if ("createTable".equals(change.getLocalName())) {
                return children(change, "column").get(0).getAttribute("name");
            }
        }
        throw new IllegalStateException("no createTable among " + changes.size() + " changes");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && (name == null || name.equals(n.getLocalName()))) {
                found.add((Element) n);
            }
        }
        return found;
    }

    private static List<Node> descendants(Element e) {
        List<Node> all = new ArrayList<>(List.of(e));
        NodeList list = e.getElementsByTagName("*");
        for (int i = 0; i < list.getLength(); i++) {
            all.add(list.item(i));
        }
        return all;
    }

    /** Whitespace-only text left by the parser, so the transformer indents cleanly. */
    private static void strip(Node node) {
        for (Node n = node.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank()) {
                node.removeChild(n);
            } else {
                strip(n);
            }
            n = next;
        }
    }
}
