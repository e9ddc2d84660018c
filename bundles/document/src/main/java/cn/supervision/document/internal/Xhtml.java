package cn.supervision.document.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XHTML both renderers understand: a closed element and attribute set, no DOCTYPE or entities, no style sheets or
 * scripts, images only as PNG/JPEG data URIs (nothing is ever loaded from a file or the network).
 */
final class Xhtml {
    static final Set<String> ELEMENTS = Set.of("html", "head", "title", "body", "div", "section", "p", "span", "strong",
            "b", "em", "br", "hr", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "img", "ul", "ol", "li");
    static final Set<String> ATTRIBUTES = Set.of("class", "colspan", "rowspan", "src", "alt", "lang", "xmlns");
    static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg);base64,[A-Za-z0-9+/=\\s]+");
    static final Pattern CLASS = Pattern.compile("[A-Za-z0-9 _-]{0,100}");
    static final Pattern SPAN = Pattern.compile("[1-9][0-9]?");

    private Xhtml() {
    }

    static Document parse(String xhtml) throws SAXException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(SAXException e) {
        if (e instanceof SAXParseException p) {
            return "第 " + p.getLineNumber() + " 行第 " + p.getColumnNumber() + " 列：" + p.getMessage();
        }
        return e.getMessage();
    }

    static String name(Node n) {
        String local = n.getLocalName();
        return local != null ? local : n.getNodeName();
    }

    /** Problems of a parsed document against the supported set (without the file name). */
    static void check(Document doc, List<String> problems) {
        Element root = doc.getDocumentElement();
        if (!"html".equals(name(root))) {
            problems.add("根元素必须是 <html>，而不是 <" + name(root) + ">");
            return;
        }
        boolean body = false;
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && "body".equals(name(c))) {
                body = true;
            }
        }
        if (!body) {
            problems.add("缺少 <body> 元素");
        }
        walk(root, problems);
    }

    private static void walk(Element e, List<String> problems) {
        String name = name(e);
        if (!ELEMENTS.contains(name)) {
            problems.add("不支持的元素 <" + name + ">（可用：" + String.join("、", new java.util.TreeSet<>(ELEMENTS)) + "）");
            return;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String an = a.getName();
            if (an.startsWith("xmlns")) {
                continue;
            }
            if (!ATTRIBUTES.contains(an)) {
                problems.add("<" + name + "> 不支持属性 " + an + "（可用：class、colspan、rowspan、src、alt、lang）");
            } else if (an.equals("src") && !(name.equals("img") && DATA_IMAGE.matcher(a.getValue()).matches())) {
                problems.add("<" + name + "> 的 src 只能是 PNG 或 JPEG 的 data: URI（模板不能引用文件或网址）");
            } else if (an.equals("class") && !CLASS.matcher(a.getValue()).matches()) {
                problems.add("<" + name + "> 的 class 只能含字母、数字、空格、- 与 _");
            } else if ((an.equals("colspan") || an.equals("rowspan")) && !SPAN.matcher(a.getValue()).matches()) {
                problems.add("<" + name + "> 的 " + an + " 必须是 1–99 的整数");
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            switch (c.getNodeType()) {
                case Node.ELEMENT_NODE -> walk((Element) c, problems);
                case Node.PROCESSING_INSTRUCTION_NODE -> problems.add("不支持处理指令 <?" + c.getNodeName() + "?>");
                case Node.ENTITY_REFERENCE_NODE -> problems.add("不支持实体引用 &" + c.getNodeName() + ";");
                default -> { }
            }
        }
    }
}
